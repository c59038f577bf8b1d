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
  path: string;
  depth: number;
  isArray: boolean;
  copy: Container | null;
  /** Set on the marker that leaves `value`: it is no longer an ancestor of what comes next. */
  exit: boolean;
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

/**
 * Checks `input` and writes issues to `sink`. Returns the copy when `options.clone` is set (only
 * meaningful when no issue was added), else `input` itself.
 */
export function guard(input: unknown, sink: IssueSink, options: GuardOptions = {}): unknown {
  const clone = options.clone === true;
  const maxDepth = options.depth ?? LIMITS.depth;
  const maxNodes = options.nodes ?? LIMITS.nodes;
  let nodes = 1;

  const classify = (value: unknown, path: string): Shape => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return Shape.Leaf;
      case 'number':
        if (!Number.isFinite(value)) sink.add(path, 'not-finite', { value: String(value) });
        return Shape.Leaf;
      case 'object': {
        if (value === null) return Shape.Leaf;
        if (Array.isArray(value)) return Shape.Array;
        const proto: unknown = Object.getPrototypeOf(value);
        // Plain objects of any realm (an iframe's too): their prototype is a root prototype.
        if (proto === null || Object.getPrototypeOf(proto) === null) return Shape.Object;
        const tag = Object.prototype.toString.call(value);
        sink.add(path, 'not-json', { what: tag === '[object Date]' ? 'date' : 'instance' });
        return Shape.Bad;
      }
      default:
        // undefined, function, symbol, bigint
        sink.add(path, 'not-json', { what: typeof value });
        return Shape.Bad;
    }
  };

  const stack: Frame[] = [];
  const ancestors = new Set<object>();
  let root: unknown = input;

  // Classifies a child and either stores it in the parent's copy or queues it for a visit.
  const child = (value: unknown, path: string, depth: number, frames: Frame[], copy: Container | null, key: string | number): void => {
    let shape: Shape;
    try {
      shape = classify(value, path);
    } catch {
      sink.add(path, 'not-json', { what: 'error' });
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
    frames.push({ value: value as object, path, depth, isArray, copy: childCopy, exit: false });
  };

  {
    const frames: Frame[] = [];
    const holder: Record<string, unknown> | null = clone ? {} : null;
    child(input, '', 1, frames, holder, 'root');
    if (holder) root = holder.root;
    stack.push(...frames);
  }

  while (stack.length > 0) {
    if (sink.full) break;
    const frame = stack.pop() as Frame;
    const { value, path } = frame;
    if (frame.exit) {
      ancestors.delete(value);
      continue;
    }
    if (frame.depth > maxDepth) {
      sink.add(path, 'too-deep', { limit: maxDepth });
      break;
    }
    if (ancestors.has(value)) {
      sink.add(path, 'not-json', { what: 'cycle' });
      continue;
    }
    ancestors.add(value);
    stack.push({ ...frame, exit: true });
    const frames: Frame[] = [];
    const depth = frame.depth + 1;
    try {
      if (frame.isArray) {
        const array = value as unknown[];
        const length = array.length;
        nodes += length;
        if (nodes > maxNodes) {
          sink.add(path, 'too-large', { limit: maxNodes });
          break;
        }
        const copy = frame.copy as unknown[] | null;
        if (copy) copy.length = length;
        for (let i = 0; i < length; i++) {
          let item: unknown;
          try {
            item = array[i];
          } catch {
            sink.add(`${path}/${i}`, 'not-json', { what: 'error' });
            continue;
          }
          child(item, `${path}/${i}`, depth, frames, copy, i);
        }
      } else {
        const object = value as Record<string, unknown>;
        const keys = Object.keys(object);
        nodes += keys.length;
        if (nodes > maxNodes) {
          sink.add(path, 'too-large', { limit: maxNodes });
          break;
        }
        for (const key of keys) {
          const at = appendPointer(path, key);
          if (FORBIDDEN_KEYS.has(key)) {
            sink.add(at, 'forbidden-key', { key });
            continue;
          }
          let item: unknown;
          try {
            item = object[key];
          } catch {
            sink.add(at, 'not-json', { what: 'error' });
            continue;
          }
          // An undefined property is absent, as in JSON.stringify.
          if (item === undefined) continue;
          child(item, at, depth, frames, frame.copy, key);
        }
      }
    } catch {
      // A proxy whose traps throw, a revoked proxy, …
      sink.add(path, 'not-json', { what: 'error' });
    }
    // Reversed so that children are visited, and reported, in document order.
    for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i] as Frame);
  }
  return root;
}
