/**
 * The draft journal: keeps the worker's unsubmitted annotation on the device, per widget and task
 * id, so a reload, crash or closed tab loses nothing.
 *
 * Storage is best effort by design. IndexedDB is preferred, localStorage and memory are fallbacks;
 * any storage failure at any time (private mode, quota, sandboxed iframe, a hung IndexedDB) moves
 * the journal to the next store for good, is reported once through `onError` with code
 * `storage-unavailable`, and never reaches the widget as an exception.
 *
 * Nothing here runs at import time: stores open lazily, so the module loads in Node.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/** A key-value store for drafts; every method may reject (the journal falls back). */
export interface DraftStore {
  /** Short name for messages, e.g. `"indexeddb"`. */
  readonly label?: string;
  /** The stored value, or undefined when absent. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** What the journal stores under each key. */
export interface DraftRecord<T> {
  /** When the draft was written, in ms since the epoch. */
  savedAt: number;
  value: T;
}

/** Reported (once per journal) when draft storage fails; the journal keeps working. */
export interface DraftStorageError {
  code: 'storage-unavailable';
  /** English description of what failed and where drafts go now. */
  message: string;
  /** The original error, e.g. a `QuotaExceededError` DOMException. */
  cause?: unknown;
}

/** Options of a {@link DraftJournal}. */
export interface DraftJournalOptions {
  /** The widget's name (e.g. its tag name, without version, so drafts survive upgrades). */
  widget: string;
  /** The task id the draft belongs to. */
  taskId: string;
  /** Where drafts go. Default {@link createDefaultStore}: IndexedDB, then localStorage, then memory. */
  store?: DraftStore;
  /** Quiet period after the last `write()` before it is stored. Default 500 ms. */
  debounceMs?: number;
  /** Longest a `write()` waits while writes keep coming (continuous typing). Default 5000 ms. */
  maxWaitMs?: number;
  /** A store operation slower than this counts as failed (hung IndexedDB). Default 5000 ms. */
  timeoutMs?: number;
  /** Called once, the first time storage fails. */
  onError?: (error: DraftStorageError) => void;
}

/** Storage key of a draft: `tagwerk:v1:<widget>:<taskId>`, with `%` and `:` escaped in both parts. */
export function draftKey(widget: string, taskId: string): string {
  const escape = (part: string): string => part.replace(/%/g, '%25').replace(/:/g, '%3A');
  return `tagwerk:v1:${escape(widget)}:${escape(taskId)}`;
}

/** Drafts in a `Map`: lost on reload, but never fails. The journal's last resort. */
export class MemoryStore implements DraftStore {
  readonly label = 'memory';
  private readonly entries: Map<string, unknown>;

  constructor(entries: Map<string, unknown> = new Map()) {
    this.entries = entries;
  }

  get(key: string): Promise<unknown> {
    return Promise.resolve(this.entries.get(key));
  }

  set(key: string, value: unknown): Promise<void> {
    this.entries.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }
}

/** Runs a synchronous storage call, turning its exceptions (quota, security) into a rejection. */
function settle<R>(fn: () => R): Promise<R> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(asError(error));
  }
}

/** Keeps Errors (DOMExceptions included) as they are and wraps anything else. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Drafts as JSON in `localStorage` (or the given `Storage`); a missing or unreadable entry reads as undefined. */
export class LocalStorageStore implements DraftStore {
  readonly label = 'localstorage';
  private readonly storage: Storage | undefined;

  constructor(storage?: Storage) {
    this.storage = storage;
  }

  // Read on each call: merely touching `localStorage` throws a SecurityError in sandboxed iframes.
  private area(): Storage {
    const area = this.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
    if (!area) throw new Error('localStorage is not available');
    return area;
  }

  get(key: string): Promise<unknown> {
    return settle(() => {
      const raw = this.area().getItem(key);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return undefined; // Corrupt entry (written by something else): no draft rather than a failure.
      }
    });
  }

  set(key: string, value: unknown): Promise<void> {
    return settle(() => this.area().setItem(key, JSON.stringify(value)));
  }

  delete(key: string): Promise<void> {
    return settle(() => this.area().removeItem(key));
  }
}

/** Drafts as structured clones in IndexedDB (database `tagwerk`, object store `drafts`, via idb-keyval). */
export class IndexedDbStore implements DraftStore {
  readonly label = 'indexeddb';
  private readonly dbName: string;
  private readonly storeName: string;
  private store: UseStore | undefined;

  constructor(dbName = 'tagwerk', storeName = 'drafts') {
    this.dbName = dbName;
    this.storeName = storeName;
  }

  // Opened on first use, never at construction or import.
  private use(): UseStore {
    if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('IndexedDB is not available');
    this.store ??= createStore(this.dbName, this.storeName);
    return this.store;
  }

  async get(key: string): Promise<unknown> {
    return await get(key, this.use());
  }

  async set(key: string, value: unknown): Promise<void> {
    await set(key, value, this.use());
  }

  async delete(key: string): Promise<void> {
    await del(key, this.use());
  }
}

/** A store that always fails: stands for persistent storage a browser context refuses outright. */
class UnavailableStore implements DraftStore {
  readonly label = 'persistent storage';
  private readonly reason: Error;
  constructor(reason: unknown) {
    this.reason = asError(reason);
  }
  get(): Promise<unknown> {
    return Promise.reject(this.reason);
  }
  set(): Promise<void> {
    return Promise.reject(this.reason);
  }
  delete(): Promise<void> {
    return Promise.reject(this.reason);
  }
}

/** Options of a {@link FallbackStore}. */
export interface FallbackStoreOptions {
  /** Called each time a store fails and the next one takes over. */
  onFallback?: (cause: unknown, from: DraftStore, to: DraftStore) => void;
  /** An operation slower than this fails over (not applied to the last store). Default 5000 ms. */
  timeoutMs?: number;
}

/** Default for `timeoutMs` of journals and fallback stores. */
export const DEFAULT_STORE_TIMEOUT_MS = 5000;

async function attempt<R>(op: () => Promise<R>, timeoutMs: number | undefined): Promise<R> {
  // Calling inside an async function turns synchronous throws into rejections.
  if (timeoutMs === undefined) return op();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`storage did not answer within ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([op(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tries stores in order and stays on the first that works: once a store fails (or times out) it is
 * never used again for reads and writes. The last store is expected never to fail.
 */
export class FallbackStore implements DraftStore {
  private readonly stores: readonly DraftStore[];
  private readonly onFallback: FallbackStoreOptions['onFallback'];
  private readonly timeoutMs: number;
  private index = 0;

  constructor(stores: readonly DraftStore[], options: FallbackStoreOptions = {}) {
    if (stores.length === 0) throw new Error('FallbackStore needs at least one store');
    this.stores = [...stores];
    this.onFallback = options.onFallback;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  }

  /** The store now in use. */
  get current(): DraftStore {
    return this.stores[this.index] as DraftStore;
  }

  get label(): string | undefined {
    return this.current.label;
  }

  private async run<R>(op: (store: DraftStore) => Promise<R>): Promise<R> {
    for (;;) {
      const i = this.index;
      const store = this.stores[i] as DraftStore;
      const last = i === this.stores.length - 1;
      try {
        return await attempt(() => op(store), last ? undefined : this.timeoutMs);
      } catch (cause) {
        if (last) throw cause;
        // Concurrent operations may fail on the same store: advance (and report) only once.
        if (this.index === i) {
          this.index = i + 1;
          try {
            this.onFallback?.(cause, store, this.stores[i + 1] as DraftStore);
          } catch {
            // A throwing listener must not break storage.
          }
        }
      }
    }
  }

  get(key: string): Promise<unknown> {
    return this.run((s) => s.get(key));
  }

  set(key: string, value: unknown): Promise<void> {
    return this.run((s) => s.set(key, value));
  }

  async delete(key: string): Promise<void> {
    // Stores given up on may still hold an older draft that a reload would restore: try them too.
    const abandoned = this.stores.slice(0, this.index);
    await Promise.all(abandoned.map((s) => attempt(() => s.delete(key), this.timeoutMs).catch(() => undefined)));
    await this.run((s) => s.delete(key));
  }
}

let memoryFallback: MemoryStore | undefined;
let sharedIndexedDb: IndexedDbStore | undefined;

// One page-wide memory store, so a widget re-created on the same page still finds its draft.
function pageMemory(): MemoryStore {
  memoryFallback ??= new MemoryStore();
  return memoryFallback;
}

/**
 * The default draft store: IndexedDB when the context has it, else (or when it fails) localStorage,
 * else memory. In a browser context that refuses both, the first operation fails over to memory so
 * the failure is reported.
 */
export function createDefaultStore(options: FallbackStoreOptions = {}): FallbackStore {
  const stores: DraftStore[] = [];
  let refusal: unknown;
  try {
    if (typeof indexedDB !== 'undefined' && indexedDB) stores.push((sharedIndexedDb ??= new IndexedDbStore()));
  } catch (error) {
    refusal = error;
  }
  try {
    if ((globalThis as { localStorage?: Storage }).localStorage) stores.push(new LocalStorageStore());
  } catch (error) {
    refusal ??= error; // SecurityError in sandboxed iframes and with storage blocked.
  }
  if (stores.length === 0 && (refusal !== undefined || typeof document !== 'undefined')) {
    stores.push(new UnavailableStore(refusal ?? new Error('neither IndexedDB nor localStorage is available')));
  }
  stores.push(pageMemory());
  return new FallbackStore(stores, options);
}

function describe(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'message' in cause) {
    const { name, message } = cause as { name?: unknown; message?: unknown };
    return typeof name === 'string' && name && name !== 'Error' ? `${name}: ${String(message)}` : String(message);
  }
  return String(cause);
}

const noop = (): void => undefined;

function isRecord(x: unknown): x is DraftRecord<unknown> {
  return (
    typeof x === 'object' && x !== null && typeof (x as { savedAt?: unknown }).savedAt === 'number' && 'value' in x
  );
}

/**
 * Journals one task's draft: `write()` on every change (debounced), `flush()` when the page is
 * hidden or left, `load()` on start, `clear()` after a successful submit. Never throws or rejects.
 * Restored values come from an earlier session, possibly of an older version: validate them.
 */
export class DraftJournal<T> {
  /** The storage key of this journal's draft. */
  readonly key: string;
  private readonly store: FallbackStore;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly onError: DraftJournalOptions['onError'];
  private pending: { value: T; since: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private reported = false;
  private disposed = false;

  constructor(options: DraftJournalOptions) {
    this.key = draftKey(options.widget, options.taskId);
    this.debounceMs = Math.max(0, options.debounceMs ?? 500);
    this.maxWaitMs = Math.max(this.debounceMs, options.maxWaitMs ?? 5000);
    this.onError = options.onError;
    const fallback: FallbackStoreOptions = {
      onFallback: (cause, from, to) => this.report(cause, from, to),
      timeoutMs: options.timeoutMs,
    };
    this.store = options.store
      ? new FallbackStore([options.store, pageMemory()], fallback)
      : createDefaultStore(fallback);
  }

  /** The label of the store drafts currently go to (e.g. `"indexeddb"`, `"memory"`). */
  get storeLabel(): string | undefined {
    return this.store.label;
  }

  /** The saved draft, or undefined when there is none (or it cannot be read). */
  async load(): Promise<T | undefined> {
    return (await this.loadRecord())?.value;
  }

  /** The saved draft with its save time, or undefined. */
  async loadRecord(): Promise<DraftRecord<T> | undefined> {
    if (this.pending) return { savedAt: Date.now(), value: this.pending.value };
    const raw = await this.enqueue(() => this.store.get(this.key));
    return isRecord(raw) ? (raw as DraftRecord<T>) : undefined;
  }

  /** Records `value` as the draft after `debounceMs` without further writes (at most `maxWaitMs` later). */
  write(value: T): void {
    if (this.disposed) return;
    const now = Date.now();
    const since = this.pending?.since ?? now;
    this.pending = { value, since };
    clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.debounceMs, since + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Stores a pending write now (call on `visibilitychange` to hidden and `pagehide`); resolves once stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    // Without a pending write, still wait for writes in flight so "flushed" means stored.
    if (!pending) return this.enqueue(() => Promise.resolve()).then(noop);
    const record: DraftRecord<T> = { savedAt: Date.now(), value: pending.value };
    return this.enqueue(() => this.store.set(this.key, record)).then(noop);
  }

  /** Drops the pending write and deletes the saved draft (after a successful submit or a reset). */
  clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    return this.enqueue(() => this.store.delete(this.key)).then(noop);
  }

  /** Stores any pending write and stops accepting new ones. */
  dispose(): void {
    if (this.disposed) return;
    void this.flush();
    this.disposed = true;
  }

  // Runs store operations one at a time, in call order: a clear() after a write() wins.
  private enqueue<R>(op: () => Promise<R>): Promise<R | undefined> {
    const run = this.queue.then(op).catch((cause: unknown) => {
      // Even the last store (memory) failed: nothing left to fall back to.
      this.report(cause);
      return undefined;
    });
    this.queue = run;
    return run;
  }

  private report(cause: unknown, from?: DraftStore, to?: DraftStore): void {
    if (this.reported) return;
    this.reported = true;
    const where = from?.label ? `${from.label} failed` : 'draft storage failed';
    const next = !to
      ? 'drafts are not saved'
      : to.label === 'memory'
        ? 'drafts are kept in memory only and are lost on reload'
        : `drafts now go to ${to.label ?? 'another store'}`;
    const message = `Draft storage unavailable: ${where} (${describe(cause)}); ${next}.`;
    try {
      this.onError?.({ code: 'storage-unavailable', message, cause });
    } catch {
      // The host's handler must not break the journal.
    }
  }
}
