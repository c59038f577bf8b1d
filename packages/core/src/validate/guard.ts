/**
 * The pre-pass that runs before any schema check, over any input a host hands us: a proxy, an
 * object with throwing getters, a cycle, a ten-thousand-level nesting, a five-million-element
 * array. It walks iteratively (no recursion, so no stack overflow), reads every value exactly
 * once, never throws, and reports what JSON cannot carry or what could pollute prototypes.
 * Optionally it returns a plain copy of what it read, so later checks and the caller work on
 * data that can no longer change under them (a getter may answer differently the second time).
 */
import { LIMITS } from '../model/schema.js';
import type { IssueSink } from './issues.js';
import { appendPointer } from './pointer.js';

/** Keys that can reach `Object.prototype` when a consumer merges the document naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Container = unknown[] | Record<string, unknown>;

interface Frame {
  value: object;
  /** Where the value sits: paths are only built when an issue is reported. */
  parent: Frame | null;
  key: string | number;
  depth: number;
  isArray: boolean;
  copy: Container | null;
}

const Shape = { Leaf: 0, Array: 1, Object: 2, Bad: 3 } as const;
type Shape = (typeof Shape)[keyof typeof Shape];

/** Options of `guard`. */
export interface GuardOptions {
  /** Return a plain deep copy of the input (built from the values read while checking). */
  clone?: boolean;
  /** Override `LIMITS.depth` / `LIMITS.nodes` (tests). */
  depth?: number;
  nodes?: number;
}

/** The outermost frame on the chain above `frame` that revisits an ancestor's value, if any. */
function firstRepeat(frame: Frame): Frame | null {
  const chain: Frame[] = [];
  for (let f: Frame | null = frame; f; f = f.parent) chain.unshift(f);
  const seen = new Set<object>();
  for (const f of chain) {
    if (seen.has(f.value)) return f;
    seen.add(f.value);
  }
  return null;
}

/** The JSON Pointer of `key` inside `frame` (or of the frame itself when `key` is omitted). */
function pathOf(frame: Frame | null, key?: string | number): string {
  const tokens: (string | number)[] = key === undefined ? [] : [key];
  for (let f = frame; f && f.parent; f = f.parent) tokens.push(f.key);
  let path = '';
  for (let i = tokens.length - 1; i >= 0; i--) path = appendPointer(path, tokens[i] as string | number);
  return path;
}

/**
 * Checks `input` and writes issues to `sink`. Returns the copy when `options.clone` is set (only
 * meaningful when no issue was added), else `input` itself.
 */
export function guard(input: unknown, sink: IssueSink, options: GuardOptions = {}): unknown {
  const clone = options.clone === true;
  const maxDepth = options.depth ?? LIMITS.depth;
  const maxNodes = options.nodes ?? LIMITS.nodes;
  let nodes = 1;

  const classify = (value: unknown, parent: Frame | null, key: string | number | undefined): Shape => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return Shape.Leaf;
      case 'number':
        if (!Number.isFinite(value)) sink.add(pathOf(parent, key), 'not-finite', { value: String(value) });
        return Shape.Leaf;
      case 'object': {
        if (value === null) return Shape.Leaf;
        if (Array.isArray(value)) return Shape.Array;
        const proto: unknown = Object.getPrototypeOf(value);
        // Plain objects of any realm (an iframe's too): their prototype is a root prototype.
        if (proto === null || Object.getPrototypeOf(proto) === null) return Shape.Object;
        const tag = Object.prototype.toString.call(value);
        sink.add(pathOf(parent, key), 'not-json', { what: tag === '[object Date]' ? 'date' : 'instance' });
        return Shape.Bad;
      }
      default:
        // undefined, function, symbol, bigint
        sink.add(pathOf(parent, key), 'not-json', { what: typeof value });
        return Shape.Bad;
    }
  };

  const stack: Frame[] = [];
  const scratch: Frame[] = []; // the children of one container, pushed reversed

  // Classifies a child and either stores it in the parent's copy or queues it for a visit.
  const child = (
    value: unknown,
    parent: Frame | null,
    key: string | number,
    depth: number,
    copy: Container | null,
  ): void => {
    let shape: Shape;
    try {
      shape = classify(value, parent, parent ? key : undefined);
    } catch {
      sink.add(pathOf(parent, parent ? key : undefined), 'not-json', { what: 'error' });
      return;
    }
    if (shape === Shape.Bad) return;
    if (shape === Shape.Leaf) {
      if (copy) (copy as Record<string | number, unknown>)[key] = value;
      return;
    }
    const isArray = shape === Shape.Array;
    const childCopy: Container | null = copy ? (isArray ? [] : {}) : null;
    if (copy) (copy as Record<string | number, unknown>)[key] = childCopy;
    scratch.push({ value: value as object, parent, key, depth, isArray, copy: childCopy });
  };

  const holder: Record<string, unknown> | null = clone ? {} : null;
  child(input, null, 'root', 1, holder);
  const root: unknown = holder ? holder['root'] : input;
  stack.push(...scratch);

  while (stack.length > 0 && !sink.full) {
    const frame = stack.pop() as Frame;
    const value = frame.value;
    if (frame.depth > maxDepth) {
      // A cycle always ends up here (the walk goes depth first), so cycles cost nothing until then.
      const repeat = firstRepeat(frame);
      if (repeat) sink.add(pathOf(repeat), 'not-json', { what: 'cycle' });
      else sink.add(pathOf(frame), 'too-deep', { limit: maxDepth });
      break;
    }
    scratch.length = 0;
    const depth = frame.depth + 1;
    try {
      if (frame.isArray) {
        const array = value as unknown[];
        const length = array.length;
        nodes += length;
        if (nodes > maxNodes) {
          sink.add(pathOf(frame), 'too-large', { limit: maxNodes });
          break;
        }
        const copy = frame.copy as unknown[] | null;
        if (copy) copy.length = length;
        for (let i = 0; i < length; i++) {
          let item: unknown;
          try {
            item = array[i];
          } catch {
            sink.add(pathOf(frame, i), 'not-json', { what: 'error' });
            continue;
          }
          child(item, frame, i, depth, copy);
        }
      } else {
        const object = value as Record<string, unknown>;
        const keys = Object.keys(object);
        nodes += keys.length;
        if (nodes > maxNodes) {
          sink.add(pathOf(frame), 'too-large', { limit: maxNodes });
          break;
        }
        for (const key of keys) {
          if (FORBIDDEN_KEYS.has(key)) {
            sink.add(pathOf(frame, key), 'forbidden-key', { key });
            continue;
          }
          let item: unknown;
          try {
            item = object[key];
          } catch {
            sink.add(pathOf(frame, key), 'not-json', { what: 'error' });
            continue;
          }
          // An undefined property is absent, as in JSON.stringify.
          if (item === undefined) continue;
          child(item, frame, key, depth, frame.copy);
        }
      }
    } catch {
      // A proxy whose traps throw, a revoked proxy, …
      sink.add(pathOf(frame), 'not-json', { what: 'error' });
    }
    // Reversed so that children are visited, and reported, in document order.
    for (let i = scratch.length - 1; i >= 0; i--) stack.push(scratch[i] as Frame);
  }
  return root;
}
