import { expect } from 'chai';
import {
  DraftJournal,
  IndexedDbStore,
  LocalStorageStore,
  MemoryStore,
  defaultStores,
  draftKey,
  type DraftRecord,
  type DraftStorageError,
  type DraftStore,
} from './journal.js';

let counter = 0;
/** A task id no other test (or earlier run in the same browser profile) uses. */
const uniqueTask = (): string =>
  `t-${Date.now().toString(36)}-${(counter += 1)}-${Math.random().toString(36).slice(2)}`;

interface Call {
  op: 'get' | 'set' | 'delete';
  key: string;
  value?: unknown;
}

/** A MemoryStore that records calls and lets a test wait for the next set(). */
class SpyStore implements DraftStore {
  readonly label = 'spy';
  readonly calls: Call[] = [];
  readonly inner = new MemoryStore();
  private waiters: ((call: Call) => void)[] = [];

  get(key: string): Promise<unknown> {
    this.calls.push({ op: 'get', key });
    return this.inner.get(key);
  }

  set(key: string, value: unknown): Promise<void> {
    const call: Call = { op: 'set', key, value };
    this.calls.push(call);
    const done = this.inner.set(key, value);
    this.waiters.splice(0).forEach((resolve) => resolve(call));
    return done;
  }

  delete(key: string): Promise<void> {
    this.calls.push({ op: 'delete', key });
    return this.inner.delete(key);
  }

  nextSet(): Promise<Call> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  ops(): string[] {
    return this.calls.map((c) => c.op);
  }
}

/** A Map-backed Storage: what two tabs of one browser share. */
function mapStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, String(v)),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** Resolves once `ready()` is true, checking after each macrotask (at most 2,000 of them). */
async function until(ready: () => unknown): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('timed out waiting');
}

const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A store whose chosen operations fail, the way browsers fail. */
class FailingStore extends SpyStore {
  constructor(
    private readonly failing: ReadonlySet<Call['op']>,
    private readonly error: () => Error = quotaError,
    private readonly sync = false,
  ) {
    super();
  }

  private fail(op: Call['op']): Promise<never> | undefined {
    if (!this.failing.has(op)) return undefined;
    if (this.sync) throw this.error();
    return Promise.reject(this.error());
  }

  override get(key: string): Promise<unknown> {
    this.calls.push({ op: 'get', key });
    return this.fail('get') ?? this.inner.get(key);
  }

  override set(key: string, value: unknown): Promise<void> {
    this.calls.push({ op: 'set', key, value });
    return this.fail('set') ?? this.inner.set(key, value);
  }

  override delete(key: string): Promise<void> {
    this.calls.push({ op: 'delete', key });
    return this.fail('delete') ?? this.inner.delete(key);
  }
}

function journalWith<T>(store: DraftStore, extra: Partial<ConstructorParameters<typeof DraftJournal>[0]> = {}) {
  const errors: DraftStorageError[] = [];
  const journal = new DraftJournal<T>({
    widget: 'tagwerk-text-rater',
    taskId: uniqueTask(),
    store,
    onError: (e) => errors.push(e),
    ...extra,
  });
  return { journal, errors };
}

describe('journal', () => {
  describe('draftKey', () => {
    it('namespaces keys by version, widget and task', () => {
      expect(draftKey('tagwerk-image-labeler', 't-42')).to.equal('tagwerk:v1:tagwerk-image-labeler:t-42');
    });

    it('escapes the separator so different pairs never collide', () => {
      expect(draftKey('a:b', '50%:x')).to.equal('tagwerk:v1:a%3Ab:50%25%3Ax');
      expect(draftKey('a:b', 'c')).not.to.equal(draftKey('a', 'b:c'));
      expect(draftKey('a', '%3A')).not.to.equal(draftKey('a', ':'));
    });
  });

  describe('MemoryStore', () => {
    it('gets, sets and deletes', async () => {
      const store = new MemoryStore();
      expect(await store.get('k')).to.equal(undefined);
      await store.set('k', { a: 1 });
      expect(await store.get('k')).to.deep.equal({ a: 1 });
      await store.delete('k');
      expect(await store.get('k')).to.equal(undefined);
    });
  });

  describe('LocalStorageStore with a given Storage', () => {
    /** A Map-backed Storage, optionally refusing writes like a full localStorage. */
    function fakeStorage(full = false): Storage {
      const map = new Map<string, string>();
      return {
        get length() {
          return map.size;
        },
        clear: () => map.clear(),
        key: (i: number) => [...map.keys()][i] ?? null,
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => {
          if (full) throw quotaError();
          map.set(k, String(v));
        },
        removeItem: (k: string) => void map.delete(k),
      };
    }

    it('stores JSON and reads a corrupt entry as no draft', async () => {
      const storage = fakeStorage();
      const store = new LocalStorageStore(storage);
      await store.set('k', { savedAt: 1, value: { answers: { a: 'x' } } });
      expect(storage.getItem('k')).to.equal('{"savedAt":1,"value":{"answers":{"a":"x"}}}');
      expect(await store.get('k')).to.deep.equal({ savedAt: 1, value: { answers: { a: 'x' } } });
      storage.setItem('k', '{oops');
      expect(await store.get('k')).to.equal(undefined);
      await store.delete('k');
      expect(storage.getItem('k')).to.equal(null);
    });

    it('rejects (never throws) when the storage is full, and the journal falls back', async () => {
      const store = new LocalStorageStore(fakeStorage(true));
      let rejected: unknown;
      await store.set('k', 1).catch((e: unknown) => (rejected = e));
      expect((rejected as DOMException).name).to.equal('QuotaExceededError');

      const { journal, errors } = journalWith<string>(store);
      journal.write('draft');
      await journal.flush();
      expect(errors).to.have.length(1);
      expect(await journal.load()).to.equal('draft');
    });
  });

  describe('DraftJournal', () => {
    it('debounces writes: one set() with the last value, wrapped with savedAt', async () => {
      const store = new SpyStore();
      const { journal } = journalWith<{ n: number }>(store, { debounceMs: 10 });
      const written = store.nextSet();
      const before = Date.now();
      journal.write({ n: 1 });
      journal.write({ n: 2 });
      journal.write({ n: 3 });
      expect(store.ops()).to.deep.equal([]);
      const call = await written;
      expect(call.key).to.equal(journal.key);
      const record = call.value as { savedAt: number; value: unknown };
      expect(record.value).to.deep.equal({ n: 3 });
      expect(record.savedAt).to.be.within(before, Date.now());
      expect(store.ops()).to.deep.equal(['set']);
      journal.dispose();
    });

    it('keeps keys apart per widget and task', () => {
      const store = new MemoryStore();
      const a = new DraftJournal({ widget: 'w', taskId: 't1', store });
      const b = new DraftJournal({ widget: 'w', taskId: 't2', store });
      expect(a.key).to.equal('tagwerk:v1:w:t1');
      expect(b.key).to.equal('tagwerk:v1:w:t2');
    });

    it('flush() stores the pending write at once and resolves when stored', async () => {
      const store = new SpyStore();
      const { journal } = journalWith<string>(store, { debounceMs: 60_000 });
      journal.write('x');
      await journal.flush();
      expect(store.ops()).to.deep.equal(['set']);
      await journal.flush(); // nothing pending: no second write
      expect(store.ops()).to.deep.equal(['set']);
    });

    it('round-trips through the store into a new journal instance', async () => {
      const store = new MemoryStore();
      const taskId = uniqueTask();
      const first = new DraftJournal<{ answers: Record<string, string> }>({ widget: 'w', taskId, store });
      expect(await first.load()).to.equal(undefined);
      first.write({ answers: { why: 'B invents a citation.' } });
      await first.flush();
      first.dispose();

      const second = new DraftJournal<{ answers: Record<string, string> }>({ widget: 'w', taskId, store });
      expect(await second.load()).to.deep.equal({ answers: { why: 'B invents a citation.' } });
      const record = await second.loadRecord();
      expect(record?.savedAt).to.be.a('number');
    });

    it('load() returns a pending value that is not stored yet', async () => {
      const { journal } = journalWith<string>(new MemoryStore(), { debounceMs: 60_000 });
      journal.write('unsaved');
      expect(await journal.load()).to.equal('unsaved');
      journal.dispose();
    });

    it('ignores values that are not journal records', async () => {
      const store = new MemoryStore();
      const { journal } = journalWith<string>(store);
      for (const garbage of ['text', null, 42, { value: 'no savedAt' }, { savedAt: 'x', value: 1 }]) {
        await store.set(journal.key, garbage);
        expect(await journal.load(), JSON.stringify(garbage)).to.equal(undefined);
      }
    });

    it('clear() drops the pending write and deletes the stored draft', async () => {
      const store = new SpyStore();
      const { journal } = journalWith<string>(store, { debounceMs: 60_000 });
      journal.write('a');
      await journal.flush();
      journal.write('b');
      await journal.clear();
      expect(await journal.load()).to.equal(undefined);
      await journal.flush();
      expect(store.ops()).to.deep.equal(['set', 'delete', 'get']);
    });

    it('runs store operations in call order, even when a write is slow', async () => {
      const calls: string[] = [];
      let release!: () => void;
      const slow: DraftStore = {
        get: () => Promise.resolve(undefined),
        set: () => {
          calls.push('set start');
          return new Promise<void>((resolve) => {
            release = () => {
              calls.push('set end');
              resolve();
            };
          });
        },
        delete: () => {
          calls.push('delete');
          return Promise.resolve();
        },
      };
      const { journal } = journalWith<string>(slow);
      journal.write('a');
      const flushed = journal.flush();
      const cleared = journal.clear();
      await Promise.resolve();
      await Promise.resolve();
      expect(calls).to.deep.equal(['set start']);
      release();
      await Promise.all([flushed, cleared]);
      expect(calls).to.deep.equal(['set start', 'set end', 'delete']);
    });

    it('dispose() stores the pending write and ignores later writes', async () => {
      const store = new SpyStore();
      const { journal } = journalWith<string>(store, { debounceMs: 60_000 });
      journal.write('last');
      const written = store.nextSet();
      journal.dispose();
      expect(((await written).value as { value: string }).value).to.equal('last');
      journal.write('after');
      await journal.flush();
      expect(store.ops()).to.deep.equal(['set']);
      journal.dispose();
    });

    it('writes within maxWaitMs while writes keep coming (continuous typing)', async () => {
      const store = new SpyStore();
      const { journal } = journalWith<number>(store, { debounceMs: 40, maxWaitMs: 60 });
      const written = store.nextSet();
      let done = false;
      void written.then(() => (done = true));
      // Keystrokes every 5 ms never leave a 40 ms quiet period; only maxWait gets the draft out.
      let i = 0;
      for (; !done && i < 200; i++) {
        journal.write(i);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(done, 'a draft was written while typing continued').to.equal(true);
      expect(i).to.be.below(200);
      journal.dispose();
    });

    describe('when storage fails', () => {
      it('reports a QuotaExceededError once, never throws, and keeps drafts in memory', async () => {
        const store = new FailingStore(new Set(['set']));
        const { journal, errors } = journalWith<{ n: number }>(store);
        journal.write({ n: 1 });
        await journal.flush();
        expect(errors).to.have.length(1);
        const [error] = errors;
        expect(error?.code).to.equal('storage-unavailable');
        expect(error?.reason).to.equal('QuotaExceededError');
        expect(error?.lostOnReload, 'no store outlives the page').to.equal(true);
        expect(error?.message).to.include('lost on reload');
        expect((error?.cause as DOMException).name).to.equal('QuotaExceededError');
        expect(journal.storeLabel).to.equal('memory');
        expect(await journal.load()).to.deep.equal({ n: 1 });

        journal.write({ n: 2 });
        await journal.flush();
        expect(await journal.load()).to.deep.equal({ n: 2 });
        expect(errors).to.have.length(1);
        // The failed store is not tried again for reads and writes.
        expect(store.ops()).to.deep.equal(['set']);
      });

      it('also deletes from the abandoned store on clear (no stale draft after reload)', async () => {
        const store = new FailingStore(new Set(['set']));
        const { journal } = journalWith<string>(store);
        await store.inner.set(journal.key, { savedAt: 1, value: 'older draft' });
        journal.write('newer');
        await journal.flush();
        await journal.clear();
        expect(await store.inner.get(journal.key)).to.equal(undefined);
        expect(await journal.load()).to.equal(undefined);
      });

      it('treats a failing read as no draft', async () => {
        const store = new FailingStore(new Set(['get']), () => new DOMException('blocked', 'SecurityError'));
        const { journal, errors } = journalWith<string>(store);
        expect(await journal.load()).to.equal(undefined);
        expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
        expect(errors[0]?.reason).to.equal('SecurityError');
      });

      it('catches stores that throw synchronously', async () => {
        const store = new FailingStore(new Set(['get', 'set', 'delete']), () => new Error('boom'), true);
        const { journal, errors } = journalWith<string>(store);
        journal.write('x');
        await journal.flush();
        expect(await journal.load()).to.equal('x');
        await journal.clear();
        expect(errors).to.have.length(1);
      });

      it('gives up on a store that does not answer within timeoutMs', async () => {
        const hung: DraftStore = {
          label: 'hung',
          get: () => new Promise(() => undefined),
          set: () => new Promise(() => undefined),
          delete: () => new Promise(() => undefined),
        };
        const { journal, errors } = journalWith<string>(hung, { timeoutMs: 20 });
        journal.write('x');
        await journal.flush();
        expect(errors).to.have.length(1);
        expect(errors[0]?.reason).to.equal('TimeoutError');
        expect(await journal.load()).to.equal('x');
      });

      it('survives an onError handler that throws', async () => {
        const journal = new DraftJournal<string>({
          widget: 'w',
          taskId: uniqueTask(),
          store: new FailingStore(new Set(['set'])),
          onError: () => {
            throw new Error('handler bug');
          },
        });
        journal.write('x');
        await journal.flush();
        expect(await journal.load()).to.equal('x');
      });

      it('works without an onError handler', async () => {
        const journal = new DraftJournal<string>({
          widget: 'w',
          taskId: uniqueTask(),
          store: new FailingStore(new Set(['set'])),
        });
        journal.write('x');
        await journal.flush();
        expect(await journal.load()).to.equal('x');
      });
    });
  });

  describe('every store, and two tabs', () => {
    /** A draft shaped as the widgets' (what merges field by field). */
    const draft = (answers: Record<string, string>, edits = 0) => ({
      result: { answers },
      meta: { startedAt: '2026-12-02T00:00:00.000Z', activeMs: 0, idleMs: 0, edits, undos: 0 },
    });
    type Draft = ReturnType<typeof draft>;
    /** A tab's journal over the browser's (shared) localStorage that hears no other tab. */
    const silentTab = (shared: Storage, taskId: string) =>
      new DraftJournal<Draft>({ widget: 'w', taskId, stores: [new LocalStorageStore(shared)], shareAcrossTabs: false });

    it('writes every store; the synchronous ones (localStorage) before flushSync() returns', async () => {
      const spy = new SpyStore();
      const local = new LocalStorageStore(mapStorage());
      const { journal, errors } = journalWith<Draft>(spy, { stores: [spy, local], debounceMs: 60_000 });
      journal.write(draft({ q: 'a' }));
      journal.flushSync();
      const stored = (await local.get(journal.key)) as DraftRecord<Draft>;
      expect(stored.value.result.answers).to.deep.equal({ q: 'a' });
      expect(stored.tab).to.equal(journal.tab);
      expect(stored.fields).to.have.property(JSON.stringify(['result', 'answers', 'q']));
      await journal.flush();
      expect(spy.ops()).to.deep.equal(['set']);
      expect(errors).to.deep.equal([]);
      journal.dispose();
    });

    it('a record longer than aheadLimit goes to localStorage only when the page is left', async () => {
      const spy = new SpyStore();
      const local = new LocalStorageStore(mapStorage());
      const { journal } = journalWith<Draft>(spy, { stores: [spy, local], aheadLimit: 50 });
      journal.write(draft({ q: 'a long answer' }));
      await journal.flush();
      expect(spy.ops()).to.deep.equal(['set']);
      expect(await local.get(journal.key), 'too long while IndexedDB has it').to.equal(undefined);
      journal.flushSync(); // pagehide
      expect(((await local.get(journal.key)) as DraftRecord<Draft>).value.result.answers.q).to.equal('a long answer');
      journal.dispose();
    });

    it('load() reads every store and merges them, the later edit per field winning', async () => {
      const a = new MemoryStore();
      const b = new MemoryStore();
      const taskId = uniqueTask();
      const key = draftKey('w', taskId);
      const q = (name: string) => JSON.stringify(['result', 'answers', name]);
      await a.set(key, {
        savedAt: 100,
        tab: 'x',
        value: draft({ q1: 'old', q2: 'only in a' }),
        fields: { [q('q1')]: 50, [q('q2')]: 90 },
      });
      await b.set(key, { savedAt: 200, tab: 'y', value: draft({ q1: 'new' }), fields: { [q('q1')]: 150 } });
      const journal = new DraftJournal<Draft>({ widget: 'w', taskId, stores: [a, b] });
      expect((await journal.load())?.result.answers).to.deep.equal({ q1: 'new', q2: 'only in a' });
      journal.dispose();
    });

    it("two tabs: each sees the other's edits, the later edit of a field wins, a reload has both", async () => {
      const taskId = uniqueTask();
      // Two tabs: each its own stores over one shared storage (the browser's), its own journal.
      const shared = mapStorage();
      const tab = () => {
        const seen: Draft[] = [];
        const journal = new DraftJournal<Draft>({
          widget: 'w',
          taskId,
          stores: [new LocalStorageStore(shared)],
          debounceMs: 0,
          onRemote: (value) => seen.push(value),
        });
        return { journal, seen };
      };
      const a = tab();
      const b = tab();
      expect(await a.journal.load()).to.equal(undefined);
      expect(await b.journal.load()).to.equal(undefined);

      a.journal.write(draft({ q1: 'from A' }));
      await a.journal.flush();
      await until(() => b.seen.length === 1);
      expect(b.seen[0]!.result.answers).to.deep.equal({ q1: 'from A' });

      // B shows A's answer and adds its own; A hears of it.
      b.journal.write(draft({ ...b.seen[0]!.result.answers, q2: 'from B' }));
      await b.journal.flush();
      await until(() => a.seen.length === 1);
      expect(a.seen[0]!.result.answers).to.deep.equal({ q1: 'from A', q2: 'from B' });

      // A changes q1 later than anyone: it wins; nothing of B's is lost.
      a.journal.write(draft({ q1: 'A again', q2: 'from B' }));
      await a.journal.flush();
      await until(() => b.seen.length === 2);
      expect(b.seen[1]!.result.answers).to.deep.equal({ q1: 'A again', q2: 'from B' });

      a.journal.dispose();
      b.journal.dispose();
      const reloaded = new DraftJournal<Draft>({ widget: 'w', taskId, stores: [new LocalStorageStore(shared)] });
      expect((await reloaded.load())?.result.answers).to.deep.equal({ q1: 'A again', q2: 'from B' });
      reloaded.dispose();
    });

    it("two tabs that cannot talk (no BroadcastChannel): a save merges the other tab's record first", async () => {
      const taskId = uniqueTask();
      const shared = mapStorage();
      const open = () => silentTab(shared, taskId);
      const a = open();
      const b = open();
      await Promise.all([a.load(), b.load()]);
      a.write(draft({ q1: 'from A' }));
      await a.flush();
      b.write(draft({ q2: 'from B' })); // B never saw A's answer
      await b.flush();
      a.dispose();
      b.dispose();
      const reloaded = open();
      expect((await reloaded.load())?.result.answers).to.deep.equal({ q1: 'from A', q2: 'from B' });
      reloaded.dispose();
    });

    it('a removal is an edit too: the later removal wins over an older answer', async () => {
      const taskId = uniqueTask();
      const shared = mapStorage();
      const open = () => silentTab(shared, taskId);
      const a = open();
      a.write(draft({ q1: 'x', q2: 'y' }));
      await a.flush();
      const b = open();
      expect((await b.load())?.result.answers).to.deep.equal({ q1: 'x', q2: 'y' });
      const saved = Date.now();
      await until(() => Date.now() > saved); // B's edit is later than A's by the clock
      b.write(draft({ q1: 'x' })); // B clears q2
      await b.flush();
      a.dispose();
      b.dispose();
      const reloaded = open();
      expect((await reloaded.load())?.result.answers).to.deep.equal({ q1: 'x' });
      reloaded.dispose();
    });
  });

  describe('without browser storage (Node)', function () {
    before(function () {
      if (typeof indexedDB !== 'undefined' || typeof document !== 'undefined') this.skip();
    });

    it('the default store keeps drafts in memory without reporting an error', async () => {
      expect(defaultStores()).to.deep.equal([]);
      const errors: DraftStorageError[] = [];
      const taskId = uniqueTask();
      const journal = new DraftJournal<string>({ widget: 'w', taskId, onError: (e) => errors.push(e) });
      journal.write('x');
      await journal.flush();
      // A journal re-created on the same page (widget re-attached) finds the draft.
      const again = new DraftJournal<string>({ widget: 'w', taskId });
      expect(again.storeLabel).to.equal('memory');
      expect(await again.load()).to.equal('x');
      again.dispose();
      journal.dispose();
      expect(errors).to.deep.equal([]);
    });

    it('IndexedDbStore rejects instead of throwing', async () => {
      let error: unknown;
      await new IndexedDbStore().get('k').catch((e: unknown) => (error = e));
      expect(String(error)).to.include('IndexedDB is not available');
    });
  });

  describe('in a browser', function () {
    before(function () {
      if (typeof indexedDB === 'undefined') this.skip();
    });

    it('IndexedDbStore stores structured clones', async () => {
      const store = new IndexedDbStore();
      const key = draftKey('test', uniqueTask());
      const value = { when: new Date(0), tags: new Set(['a']), nested: { list: [1, 2] } };
      await store.set(key, value);
      const read = (await store.get(key)) as typeof value;
      expect(read.when).to.be.instanceOf(Date);
      expect(read.tags).to.be.instanceOf(Set);
      expect(read).to.deep.equal(value);
      await store.delete(key);
      expect(await store.get(key)).to.equal(undefined);
    });

    it('the default journal writes to IndexedDB, survives a new instance, and clears', async () => {
      const errors: DraftStorageError[] = [];
      const taskId = uniqueTask();
      const options = { widget: 'tagwerk-image-labeler', taskId, onError: (e: DraftStorageError) => errors.push(e) };
      const first = new DraftJournal<{ regions: string[] }>(options);
      first.write({ regions: ['r1'] });
      await first.flush();
      expect(first.storeLabel).to.equal('indexeddb');
      first.dispose();

      const raw = (await new IndexedDbStore().get(draftKey('tagwerk-image-labeler', taskId))) as {
        savedAt: number;
        value: unknown;
      };
      expect(raw.value).to.deep.equal({ regions: ['r1'] });
      expect(raw.savedAt).to.be.a('number');

      const second = new DraftJournal<{ regions: string[] }>(options);
      expect(await second.load()).to.deep.equal({ regions: ['r1'] });
      await second.clear();
      expect(await new DraftJournal(options).load()).to.equal(undefined);
      expect(errors).to.deep.equal([]);
    });

    it('keeps drafts in localStorage when a real IndexedDB cannot be used, and says they survive a reload', async () => {
      // A database that exists without the "drafts" object store makes every transaction throw NotFoundError.
      const dbName = `tagwerk-broken-${uniqueTask()}`;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const stores = [new IndexedDbStore(dbName, 'drafts'), new LocalStorageStore()];
      const { journal, errors } = journalWith<string>(stores[0]!, { stores });
      journal.write('kept');
      await journal.flush();
      expect(errors.map((e) => [e.reason, e.lostOnReload])).to.deep.equal([['NotFoundError', false]]);
      expect(journal.storeLabel).to.equal('localstorage');
      expect(JSON.parse(localStorage.getItem(journal.key) ?? 'null')).to.have.property('value', 'kept');
      const reloaded = new DraftJournal<string>({
        widget: 'tagwerk-text-rater',
        taskId: journal.key.split(':').pop()!,
        stores,
      });
      expect(await reloaded.load()).to.equal('kept');
      await journal.clear();
      expect(localStorage.getItem(journal.key)).to.equal(null);
      journal.dispose();
      reloaded.dispose();
      indexedDB.deleteDatabase(dbName);
    });

    it('a hung IndexedDB read delays load() by loadTimeoutMs at most; localStorage still restores', async () => {
      const hung: DraftStore = {
        label: 'indexeddb',
        get: () => new Promise(() => undefined),
        set: () => new Promise(() => undefined),
        delete: () => new Promise(() => undefined),
      };
      const taskId = uniqueTask();
      localStorage.setItem(draftKey('w', taskId), JSON.stringify({ savedAt: 1, value: 'from localStorage' }));
      const errors: DraftStorageError[] = [];
      const journal = new DraftJournal<string>({
        widget: 'w',
        taskId,
        stores: [hung, new LocalStorageStore()],
        loadTimeoutMs: 30,
        onError: (e) => errors.push(e),
      });
      expect(await journal.load()).to.equal('from localStorage');
      expect(errors.map((e) => [e.reason, e.lostOnReload])).to.deep.equal([['TimeoutError', false]]);
      await journal.clear();
      journal.dispose();
    });

    it('LocalStorageStore round-trips through window.localStorage', async () => {
      const store = new LocalStorageStore();
      const taskId = uniqueTask();
      const first = new DraftJournal<{ n: number }>({ widget: 'w', taskId, store });
      first.write({ n: 7 });
      await first.flush();
      expect(JSON.parse(localStorage.getItem(first.key) ?? 'null'))
        .to.have.property('value')
        .that.deep.equals({ n: 7 });
      const second = new DraftJournal<{ n: number }>({ widget: 'w', taskId, store });
      expect(await second.load()).to.deep.equal({ n: 7 });
      await second.clear();
      expect(localStorage.getItem(first.key)).to.equal(null);
    });

    it('an IndexedDB store whose set() rejects with QuotaExceededError: reported once, drafts kept in memory', async () => {
      class FullIndexedDb extends IndexedDbStore {
        override set(): Promise<void> {
          return Promise.reject(quotaError());
        }
      }
      const { journal, errors } = journalWith<string>(new FullIndexedDb());
      expect(await journal.load()).to.equal(undefined); // reads still work on IndexedDB
      journal.write('a');
      await journal.flush();
      journal.write('b');
      await journal.flush();
      expect(errors).to.have.length(1);
      expect(errors[0]?.code).to.equal('storage-unavailable');
      expect(errors[0]?.cause).to.be.instanceOf(DOMException);
      expect(await journal.load()).to.equal('b');
      expect(journal.storeLabel).to.equal('memory');
    });
  });
});
