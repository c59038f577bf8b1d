import { expect } from 'chai';
import { LIMITS } from '../model/schema.js';
import { guard } from './guard.js';
import { type Issue, IssueSink } from './issues.js';

const run = (input: unknown, options: Parameters<typeof guard>[2] = {}): { issues: Issue[]; value: unknown } => {
  const sink = new IssueSink();
  const value = guard(input, sink, options);
  return { issues: sink.issues, value };
};
const codes = (input: unknown): string[] => run(input).issues.map((i) => `${i.code} ${i.path}`);

/** `[[[…]]]` nested `levels` deep, built without recursion. */
function nest(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe('guard', () => {
  it('passes plain JSON values', () => {
    expect(codes({ a: [1, 'x', true, null, { b: -0.5 }], c: {} })).to.deep.equal([]);
    expect(codes('text')).to.deep.equal([]);
    expect(codes(Object.create(null))).to.deep.equal([]);
  });

  it('reports prototype keys from JSON.parse at their path', () => {
    const input = JSON.parse('{"a":{"__proto__":{"polluted":true}},"b":[{"constructor":1}],"prototype":2}') as unknown;
    expect(codes(input)).to.have.members([
      'forbidden-key /a/__proto__',
      'forbidden-key /b/0/constructor',
      'forbidden-key /prototype',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('reports NaN and ±Infinity', () => {
    expect(codes({ x: NaN, y: [Infinity, -Infinity] })).to.deep.equal([
      'not-finite /x',
      'not-finite /y/0',
      'not-finite /y/1',
    ]);
    expect(run({ x: -Infinity }).issues[0]?.params).to.deep.equal({ value: '-Infinity' });
  });

  it('reports non-JSON values', () => {
    class Point {
      x = 1;
    }
    const input = {
      f: () => 1,
      s: Symbol('s'),
      n: 10n,
      d: new Date(0),
      p: new Point(),
      m: new Map(),
      u8: new Uint8Array(2),
      list: [undefined],
    };
    expect(run(input).issues.map((i) => `${i.path} ${String(i.params?.['what'])}`)).to.deep.equal([
      '/f function',
      '/s symbol',
      '/n bigint',
      '/d date',
      '/p instance',
      '/m instance',
      '/u8 instance',
      '/list/0 undefined',
    ]);
    expect(codes(undefined)).to.deep.equal(['not-json ']);
  });

  it('treats an undefined property as absent, as JSON.stringify does', () => {
    const { issues, value } = run({ a: 1, b: undefined }, { clone: true });
    expect(issues).to.deep.equal([]);
    expect(value).to.deep.equal({ a: 1 });
    expect(Object.keys(value as object)).to.deep.equal(['a']);
  });

  it('reports cycles but accepts shared (acyclic) references', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = { back: loop };
    expect(codes(loop)).to.deep.equal(['not-json /self/back']);
    const shared = { x: 1 };
    expect(codes({ a: shared, b: [shared, shared] })).to.deep.equal([]);
  });

  it('never throws on throwing getters or proxies', () => {
    const getter = Object.defineProperty({}, 'bad', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(codes({ ok: 1, getter })).to.deep.equal(['not-json /getter/bad']);
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(codes({ proxy })).to.deep.equal(['not-json /proxy']);
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(codes([revoked])).to.deep.equal(['not-json /0']);
    const array = new Proxy([1, 2], {
      get(target, key) {
        if (key === '1') throw new Error('index');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(codes({ array })).to.deep.equal(['not-json /array/1']);
  });

  it('reads each value once and clones what it read', () => {
    let reads = 0;
    const input = Object.defineProperty({}, 'n', {
      enumerable: true,
      get() {
        reads++;
        return reads;
      },
    });
    const { value } = run({ input }, { clone: true });
    expect(reads).to.equal(1);
    expect(value).to.deep.equal({ input: { n: 1 } });
    expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
  });

  it('rejects nesting deeper than LIMITS.depth, at the first level too deep', () => {
    expect(codes(nest(LIMITS.depth))).to.deep.equal([]);
    const issues = run(nest(LIMITS.depth + 1)).issues;
    expect(issues.map((i) => i.code)).to.deep.equal(['too-deep']);
    expect(issues[0]?.path).to.equal('/0'.repeat(LIMITS.depth));
  });

  it('survives 10 000 levels of nesting (objects and JSON text) without a stack overflow', () => {
    expect(run(nest(10_000)).issues.map((i) => i.code)).to.deep.equal(['too-deep']);
    const text = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(run(JSON.parse(text)).issues.map((i) => i.code)).to.deep.equal(['too-deep']);
  });

  it('rejects more than LIMITS.nodes values before walking them', () => {
    const big = new Array<number>(LIMITS.nodes + 1).fill(0);
    const started = Date.now();
    expect(run(big).issues.map((i) => i.code)).to.deep.equal(['too-large']);
    expect(Date.now() - started).to.be.below(100);
    expect(run({ a: [1, 2], b: [3] }, { nodes: 5 }).issues.map((i) => i.code)).to.deep.equal(['too-large']);
    expect(run({ a: [1, 2], b: [3] }, { nodes: 6 }).issues).to.deep.equal([]);
  });

  it('stops at the error limit', () => {
    const many = Array.from({ length: 500 }, () => NaN);
    expect(run(many).issues).to.have.length(100);
  });
});
