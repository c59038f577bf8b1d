/**
 * The draft journal: keeps the worker's unsubmitted annotation on the device, per widget and task
 * id, so that a reload, a crash, a navigation, a closed tab or a second tab loses nothing.
 *
 * - **Every store, not the first that works.** A draft goes to IndexedDB (durable once its
 *   transaction commits, so it survives a killed browser) and, synchronously, to localStorage (the
 *   write-ahead copy: a write that cannot be interrupted, which is what a page being left needs,
 *   and what `pagehide` gets). A read asks every store and merges what they hold, newest fields
 *   first.
 * - **Soon.** A save follows the last edit after `debounceMs` (100 ms) and at most `maxWaitMs`
 *   (200 ms) after the first unsaved one, so continuous typing is saved five times a second.
 * - **Two tabs.** Tabs with the same task tell each other each save (BroadcastChannel) and merge
 *   it field by field, the later edit winning (draft-merge.ts); `onRemote` hands the merged draft
 *   to the widget.
 * - **Failures are survivable.** A store that fails or hangs is dropped for good and reported once
 *   through `onError`, saying whether drafts still survive a reload; nothing ever throws.
 *
 * Nothing here runs at import time: stores open lazily, so the module loads in Node.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { mergeDrafts, sameFields, touchFields, type FieldTimes } from './draft-merge.js';

/** A key-value store for drafts; every method may reject (the journal drops the store). */
export interface DraftStore {
  /** Short name for messages, e.g. `"indexeddb"`. */
  readonly label?: string;
  /** The stored value, or undefined when absent. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A store that can also be written synchronously (what a page being left can still do). */
export interface SyncDraftStore extends DraftStore {
  getSync(key: string): unknown;
  /** Throws on failure (quota, security). */
  setSync(key: string, value: unknown): void;
  deleteSync(key: string): void;
}

const isSync = (store: DraftStore): store is SyncDraftStore => typeof (store as SyncDraftStore).setSync === 'function';

/** What the journal stores under each key. */
export interface DraftRecord<T> {
  /** When the draft was written, in ms since the epoch. */
  savedAt: number;
  value: T;
  /** The journal (tab) that wrote it. */
  tab?: string;
  /** When each field of the draft last changed (see draft-merge.ts). */
  fields?: FieldTimes;
}

/** Reported when a store fails; the journal keeps working with the others. */
export interface DraftStorageError {
  code: 'storage-unavailable';
  /** English description of what failed and where drafts go now. */
  message: string;
  /** The failure's name, language-neutral (`QuotaExceededError`, `TimeoutError`, `SecurityError`). */
  reason: string;
  /** No store that outlives the page is left: a reload or a closed tab loses unsubmitted work. */
  lostOnReload: boolean;
  /** The original error, e.g. a `QuotaExceededError` DOMException. */
  cause?: unknown;
}

/** Options of a {@link DraftJournal}. */
export interface DraftJournalOptions<T = unknown> {
  /** The widget's name (e.g. its tag name, without version, so drafts survive upgrades). */
  widget: string;
  /** The task id the draft belongs to. */
  taskId: string;
  /** Where drafts go, all of them. Default {@link defaultStores}: IndexedDB and localStorage. */
  stores?: readonly DraftStore[];
  /** One store instead of `stores`. */
  store?: DraftStore;
  /** Quiet period after the last `write()` before it is saved. Default 100 ms. */
  debounceMs?: number;
  /** Longest a `write()` waits while writes keep coming (continuous typing). Default 200 ms. */
  maxWaitMs?: number;
  /** A store write slower than this counts as failed. Default 5000 ms. */
  timeoutMs?: number;
  /** A store read slower than this at `load()` counts as failed (a hung IndexedDB). Default 1000 ms. */
  loadTimeoutMs?: number;
  /** A record longer than this (JSON characters) goes to the synchronous stores only when the page is left. Default 512,000. */
  aheadLimit?: number;
  /** Tell other tabs of each save and merge theirs (needs BroadcastChannel). Default true. */
  shareAcrossTabs?: boolean;
  /** A store failed (once per store). */
  onError?: (error: DraftStorageError) => void;
  /** Another tab's edits were merged into this draft: show `value`. */
  onRemote?: (value: T) => void;
}

/** Storage key of a draft: `tagwerk:v1:<widget>:<taskId>`, with `%` and `:` escaped in both parts. */
export function draftKey(widget: string, taskId: string): string {
  const escape = (part: string): string => part.replace(/%/g, '%25').replace(/:/g, '%3A');
  return `tagwerk:v1:${escape(widget)}:${escape(taskId)}`;
}

/** Drafts in a `Map`: lost on reload, but never fails. The journal's last resort. */
export class MemoryStore implements SyncDraftStore {
  readonly label = 'memory';
  private readonly entries: Map<string, unknown>;

  constructor(entries: Map<string, unknown> = new Map()) {
    this.entries = entries;
  }

  getSync(key: string): unknown {
    return this.entries.get(key);
  }

  setSync(key: string, value: unknown): void {
    this.entries.set(key, value);
  }

  deleteSync(key: string): void {
    this.entries.delete(key);
  }

  get(key: string): Promise<unknown> {
    return Promise.resolve(this.getSync(key));
  }

  set(key: string, value: unknown): Promise<void> {
    this.setSync(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.deleteSync(key);
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
export class LocalStorageStore implements SyncDraftStore {
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

  getSync(key: string): unknown {
    const raw = this.area().getItem(key);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined; // Corrupt entry (written by something else): no draft rather than a failure.
    }
  }

  /** Takes a value or its JSON text (the journal serialises once). */
  setSync(key: string, value: unknown): void {
    this.area().setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }

  deleteSync(key: string): void {
    this.area().removeItem(key);
  }

  get(key: string): Promise<unknown> {
    return settle(() => this.getSync(key));
  }

  set(key: string, value: unknown): Promise<void> {
    return settle(() => this.setSync(key, value));
  }

  delete(key: string): Promise<void> {
    return settle(() => this.deleteSync(key));
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

/** Default for `timeoutMs` of journals. */
export const DEFAULT_STORE_TIMEOUT_MS = 5000;

async function attempt<R>(op: () => Promise<R>, timeoutMs: number): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`storage did not answer within ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, timeoutMs);
  });
  try {
    // Called inside an async function: a synchronous throw becomes a rejection.
    return await Promise.race([(async () => op())(), timeout]);
  } finally {
    clearTimeout(timer);
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
 * The stores a browser context offers: IndexedDB and localStorage. A context that refuses them
 * (sandboxed iframe, storage blocked) still gets them: their first use fails and is reported.
 */
export function defaultStores(): DraftStore[] {
  const stores: DraftStore[] = [];
  if (typeof indexedDB !== 'undefined' || typeof document !== 'undefined')
    stores.push((sharedIndexedDb ??= new IndexedDbStore()));
  if (typeof document !== 'undefined' || 'localStorage' in globalThis) stores.push(new LocalStorageStore());
  return stores;
}

/** The failure's name, for messages in any language. */
function reasonOf(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'name' in cause) {
    const { name, message } = cause as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && name && name !== 'Error') return name;
    if (typeof message === 'string' && message) return message;
  }
  return String(cause);
}

function isRecord(x: unknown): x is DraftRecord<unknown> {
  return (
    typeof x === 'object' && x !== null && typeof (x as { savedAt?: unknown }).savedAt === 'number' && 'value' in x
  );
}

/** Drafts shaped as the widgets' (an object with a `result`) merge field by field; anything else: newest wins. */
const mergeable = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { result?: unknown }).result === 'object';

const CHANNEL = 'tagwerk-drafts';

interface Slot {
  store: DraftStore;
  alive: boolean;
}

/**
 * Journals one task's draft: `write()` on every change, `flushSync()` when the page is hidden or
 * left, `load()` on start, `clear()` after a successful submit. Never throws or rejects. Restored
 * values come from an earlier session, possibly of an older version: validate them.
 */
export class DraftJournal<T> {
  /** The storage key of this journal's draft. */
  readonly key: string;
  /** This journal's id in the records it writes (one per tab and task). */
  readonly tab = Math.random().toString(36).slice(2, 12);
  private readonly slots: Slot[];
  private readonly memory: MemoryStore;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private readonly loadTimeoutMs: number;
  private readonly aheadLimit: number;
  private readonly onError: DraftJournalOptions<T>['onError'];
  private readonly onRemote: DraftJournalOptions<T>['onRemote'];
  private readonly channel: BroadcastChannel | undefined;
  /** The newest value, and the one the field times were last brought up to date with. */
  private latest: { value: T; at: number } | undefined;
  private settled: { value: T; fields: FieldTimes } | undefined;
  private pendingSince: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last save skipped the synchronous stores (too long): the page being left writes them. */
  private aheadStale = false;
  /** When this journal last saved (a record of another tab from before is already merged). */
  private lastSaved = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private lostReported = false;
  private disposed = false;

  constructor(options: DraftJournalOptions<T>) {
    this.key = draftKey(options.widget, options.taskId);
    this.debounceMs = Math.max(0, options.debounceMs ?? 100);
    this.maxWaitMs = Math.max(this.debounceMs, options.maxWaitMs ?? 200);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
    this.loadTimeoutMs = options.loadTimeoutMs ?? 1000;
    this.aheadLimit = options.aheadLimit ?? 512_000;
    this.onError = options.onError;
    this.onRemote = options.onRemote;
    this.memory = pageMemory();
    const stores = options.stores ?? (options.store ? [options.store] : defaultStores());
    this.slots = stores.filter((s) => s !== this.memory).map((store) => ({ store, alive: true }));
    if (options.shareAcrossTabs !== false && typeof BroadcastChannel === 'function') {
      try {
        this.channel = new BroadcastChannel(CHANNEL);
        this.channel.onmessage = (event: MessageEvent<unknown>) => this.received(event.data);
        // Node: an open channel would keep the process alive.
        (this.channel as { unref?: () => void }).unref?.();
      } catch {
        this.channel = undefined; // An opaque origin: no other tab to talk to.
      }
    }
  }

  /** The label of the most durable store drafts go to now (e.g. `"indexeddb"`, `"memory"`). */
  get storeLabel(): string | undefined {
    return this.slots.find((s) => s.alive)?.store.label ?? this.memory.label;
  }

  /** Whether drafts survive a reload now: some store beyond the page's memory still works. */
  get persistent(): boolean {
    return this.slots.some((s) => s.alive);
  }

  /** The saved draft, or undefined when there is none (or it cannot be read). */
  async load(): Promise<T | undefined> {
    return (await this.loadRecord())?.value;
  }

  /**
   * The draft with its save time, or undefined: every store is read (a hung one for at most
   * `loadTimeoutMs`, then dropped) and what they hold is merged, the newest field winning.
   */
  async loadRecord(): Promise<DraftRecord<T> | undefined> {
    if (this.latest && this.pendingSince !== undefined) return { savedAt: Date.now(), value: this.latest.value };
    const reads = [this.memory, ...this.live()].map(async (store): Promise<DraftRecord<T> | undefined> => {
      try {
        const raw = isSync(store)
          ? store.getSync(this.key)
          : await attempt(() => store.get(this.key), this.loadTimeoutMs);
        return isRecord(raw) ? (raw as DraftRecord<T>) : undefined;
      } catch (cause) {
        this.drop(store, cause);
        return undefined;
      }
    });
    const records = (await Promise.all(reads)).filter((r): r is DraftRecord<T> => r !== undefined);
    if (records.length === 0) return undefined;
    records.sort((a, b) => b.savedAt - a.savedAt);
    let { value, fields = {} } = records[0]!;
    for (const other of records.slice(1)) {
      if (!mergeable(value) || !mergeable(other.value)) break;
      ({ value, fields } = mergeDrafts({ value, fields, savedAt: records[0]!.savedAt }, other));
    }
    // A later write (while this read was on its way) wins over what was read.
    if (!this.latest) {
      this.settled = { value, fields };
      this.latest = { value, at: records[0]!.savedAt };
    }
    return { savedAt: records[0]!.savedAt, value, fields };
  }

  /** Records `value` as the draft: saved `debounceMs` after the last write, at most `maxWaitMs` after the first. */
  write(value: T): void {
    if (this.disposed) return;
    const now = Date.now();
    this.latest = { value, at: now };
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.debounceMs, this.pendingSince + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /**
   * Saves a pending write now; resolves once every store has it. The synchronous stores
   * (localStorage, memory) have it before this returns.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingSince !== undefined) this.save();
    return this.queue.then(() => undefined);
  }

  /**
   * For `pagehide` and a hidden page: what must happen before the page goes, synchronously — the
   * pending write into localStorage and memory (and started into IndexedDB, which may not finish).
   */
  flushSync(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingSince !== undefined) this.save(true);
    else if (this.aheadStale && this.settled) this.writeAhead(this.record(this.settled), true);
  }

  /** Drops the pending write and deletes the saved draft everywhere (after a submit or a reset). */
  clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSince = undefined;
    this.latest = undefined;
    this.settled = undefined;
    this.aheadStale = false;
    this.memory.deleteSync(this.key);
    for (const { store } of this.slots) {
      // Also the stores given up on: they may hold an older draft that a reload would restore.
      if (isSync(store)) {
        try {
          store.deleteSync(this.key);
        } catch {
          // Unreadable storage holds nothing to restore either.
        }
      }
    }
    return this.enqueue(async () => {
      await Promise.all(
        this.slots
          .filter(({ store }) => !isSync(store))
          .map(({ store }) => attempt(() => store.delete(this.key), this.timeoutMs).catch(() => undefined)),
      );
    });
  }

  /** Saves any pending write and stops accepting new ones. */
  dispose(): void {
    if (this.disposed) return;
    this.flushSync();
    this.disposed = true;
    this.channel?.close();
  }

  private live(): DraftStore[] {
    return this.slots.filter((s) => s.alive).map((s) => s.store);
  }

  /** Brings the field times up to date with the newest value (times of its write). */
  private withFieldTimes(): { value: T; fields: FieldTimes } | undefined {
    const latest = this.latest;
    if (!latest) return this.settled;
    if (this.settled?.value === latest.value) return this.settled;
    const fields = mergeable(latest.value)
      ? touchFields(this.settled?.value, latest.value, this.settled?.fields ?? {}, latest.at)
      : {};
    this.settled = { value: latest.value, fields };
    return this.settled;
  }

  private record(state: { value: T; fields: FieldTimes }): DraftRecord<T> {
    return { savedAt: Date.now(), value: state.value, tab: this.tab, fields: state.fields };
  }

  private save(leaving = false): void {
    this.pendingSince = undefined;
    // Another tab wrote since our last save and its message did not come (a frozen tab, no
    // BroadcastChannel): merge before overwriting.
    const other = this.readAhead();
    if (other && other.savedAt >= this.lastSaved) this.absorb(other);
    const state = this.withFieldTimes();
    if (!state) return;
    const record = this.record(state);
    this.lastSaved = record.savedAt;
    this.memory.setSync(this.key, record);
    this.writeAhead(record, leaving);
    for (const store of this.live()) {
      if (isSync(store)) continue;
      void this.enqueue(() =>
        attempt(() => store.set(this.key, record), this.timeoutMs).catch((cause) => this.drop(store, cause)),
      );
    }
    try {
      this.channel?.postMessage({ key: this.key, record });
    } catch {
      // A value that cannot be cloned cannot be shared; the stores still have it.
    }
  }

  /** The synchronous stores (localStorage): at every save while the record is short, and always when the page is left. */
  private writeAhead(record: DraftRecord<T>, leaving: boolean): void {
    const stores = this.live().filter(isSync);
    if (stores.length === 0) return;
    let json: string;
    try {
      json = JSON.stringify(record);
    } catch (cause) {
      stores.forEach((store) => this.drop(store, cause));
      return;
    }
    const durableElsewhere = this.live().some((s) => !isSync(s));
    if (!leaving && durableElsewhere && json.length > this.aheadLimit) {
      this.aheadStale = true;
      return;
    }
    this.aheadStale = false;
    for (const store of stores) {
      try {
        store.setSync(this.key, json);
      } catch (cause) {
        // Too long for localStorage while IndexedDB has it: not a failure of the store.
        if (durableElsewhere && (cause as { name?: string }).name === 'QuotaExceededError') continue;
        this.drop(store, cause);
      }
    }
  }

  /** Another tab saved: merge its fields; show the result when it changed ours; save the union. */
  private received(message: unknown): void {
    if (this.disposed || typeof message !== 'object' || message === null) return;
    const { key, record } = message as { key?: unknown; record?: unknown };
    if (key !== this.key || !isRecord(record)) return;
    // Ours had fields theirs lacked: save the union, so any store holds both tabs' work.
    if (this.absorb(record as DraftRecord<T>) && this.settled && !sameFields(this.settled.value, record.value)) {
      this.pendingSince = Date.now();
      this.save();
    }
  }

  /**
   * Merges another tab's record into ours (the later edit per field wins) and hands the result to
   * `onRemote` when it differs from what this tab shows. Returns whether it was another tab's.
   */
  private absorb(theirs: DraftRecord<T>): boolean {
    if (theirs.tab === undefined || theirs.tab === this.tab || !mergeable(theirs.value)) return false;
    const mine = this.withFieldTimes();
    if (mine && !mergeable(mine.value)) return false;
    const merged = mine
      ? mergeDrafts({ ...mine, savedAt: Date.now() }, theirs)
      : { value: theirs.value, fields: theirs.fields ?? {} };
    const changed = !mine || !sameFields(merged.value, mine.value);
    this.settled = merged;
    this.latest = { value: merged.value, at: Date.now() };
    if (changed) {
      try {
        this.onRemote?.(merged.value);
      } catch {
        // The widget's handler must not break the journal.
      }
    }
    return true;
  }

  /** The record in the first synchronous store, when it is another tab's (a message that never came). */
  private readAhead(): DraftRecord<T> | undefined {
    const store = this.live().find(isSync);
    if (!store) return undefined;
    try {
      const raw = store.getSync(this.key);
      return isRecord(raw) && raw.tab !== this.tab ? (raw as DraftRecord<T>) : undefined;
    } catch {
      return undefined; // The write that follows reports the store.
    }
  }

  // Runs async store operations one at a time, in call order: a clear() after a write() wins.
  private enqueue(op: () => Promise<unknown>): Promise<void> {
    const run = this.queue.then(op).then(
      () => undefined,
      () => undefined,
    );
    this.queue = run;
    return run;
  }

  /** A store failed: never used again; reported, saying whether drafts still survive a reload. */
  private drop(store: DraftStore, cause: unknown): void {
    const slot = this.slots.find((s) => s.store === store);
    if (!slot?.alive) return;
    slot.alive = false;
    // What only the dropped store had goes to the others now (which may fail in turn, and report).
    if (this.settled && this.persistent) this.writeAhead(this.record(this.settled), true);
    const lostOnReload = !this.persistent;
    if (lostOnReload && this.lostReported) return;
    this.lostReported ||= lostOnReload;
    const reason = reasonOf(cause);
    const next = lostOnReload
      ? 'drafts are kept in this page only and are lost on reload'
      : `drafts still go to ${this.storeLabel ?? 'another store'} and survive a reload`;
    const message = `Draft storage: ${store.label ?? 'a store'} failed (${reason}); ${next}.`;
    try {
      this.onError?.({ code: 'storage-unavailable', message, reason, lostOnReload, cause });
    } catch {
      // The host's handler must not break the journal.
    }
  }
}
