import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createKeymap,
  findActions,
  isTypingTarget,
  type Keymap,
  type KeymapOverrides,
  type ShortcutActionOptions,
} from '@tagwerk/core';
import { currentPlatform } from '../platform.js';

/** A keyboard action: shown in the `?` sheet, remappable through `keymap`, run on its keys. */
export interface ShortcutAction<L extends string = string> {
  id: string;
  /** Message key of the action's name in the cheat sheet. */
  label: L;
  /** Default bindings, e.g. `["Mod+KeyZ"]`; see `parseShortcut` in @tagwerk/core. */
  keys: string[];
  /** Fires even while the worker types in a text field (modifier shortcuts only). */
  allowInInputs?: boolean;
  /** Fires again on auto-repeat while the key is held (nudging, stepping). */
  allowRepeat?: boolean;
  /** Runs the action; return false when it does not apply where the focus is (the key goes on). */
  run: (event: KeyboardEvent) => boolean | void;
}

interface ShortcutHost extends ReactiveControllerHost, HTMLElement {}

export interface ShortcutControllerOptions<L extends string> {
  /** Every action, in priority order (earlier actions win a shared key). */
  actions: () => ShortcutAction<L>[];
  /** The host's remapping (`keymap` property). */
  overrides: () => KeymapOverrides<string> | undefined;
  /** Shortcuts are on (`hotkeys` is not "off" and a task is there). */
  enabled: () => boolean;
  /** A remapping that does not parse: the defaults stay, and the host hears why. */
  invalid: (message: string) => void;
}

/** One row of the shortcut sheet: actions sharing a label (pick 1 … pick 9) share a row. */
export interface ShortcutRow<L extends string> {
  label: L;
  keys: string[];
}

/**
 * Shortcuts, one concern: the actions and the host's remapping resolved into one keymap (again only
 * when either changes), matched once per key press on the host element — never on `document`, so
 * two widgets on a page never both react — and run in priority order until one applies.
 */
export class ShortcutController<L extends string> implements ReactiveController {
  private resolved:
    | { keymap: Keymap<string>; settings: Record<string, ShortcutActionOptions>; byId: Map<string, ShortcutAction<L>> }
    | undefined;
  /** The remapping whose error was reported (once per `keymap` value, not per task or render). */
  private reportedFor: unknown;

  constructor(
    private readonly host: ShortcutHost,
    private readonly options: ShortcutControllerOptions<L>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.handleKeydown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.handleKeydown);
  }

  /** The actions or the remapping changed (a new task, new label hotkeys, a new `keymap`). */
  invalidate(): void {
    this.resolved = undefined;
  }

  /** The bindings in effect per action id. */
  get keymap(): Keymap<string> {
    return this.resolve().keymap;
  }

  /** The shortcut sheet's rows. */
  get rows(): ShortcutRow<L>[] {
    const { keymap, byId } = this.resolve();
    const rows = new Map<L, ShortcutRow<L>>();
    for (const [id, action] of byId) {
      const bindings = keymap[id] ?? [];
      if (!bindings.length) continue;
      const row = rows.get(action.label);
      if (row) row.keys.push(bindings[0]!);
      else rows.set(action.label, { label: action.label, keys: [...bindings] });
    }
    return [...rows.values()];
  }

  private resolve(): NonNullable<typeof this.resolved> {
    if (this.resolved) return this.resolved;
    const actions = this.options.actions();
    const byId = new Map(actions.map((a) => [a.id, a]));
    const defaults = Object.fromEntries(actions.map((a) => [a.id, a.keys]));
    let keymap: Keymap<string>;
    try {
      keymap = createKeymap(defaults, this.options.overrides());
    } catch (error) {
      // A host's typo must not break the keyboard: keep the defaults and say what was wrong.
      keymap = createKeymap(defaults);
      const overrides = this.options.overrides();
      if (overrides !== this.reportedFor) {
        this.reportedFor = overrides;
        // Not from inside a render (rows are read there): after it.
        queueMicrotask(() => this.options.invalid(String((error as Error).message)));
      }
    }
    const settings = Object.fromEntries(
      actions.map((a) => [a.id, { allowInInputs: a.allowInInputs ?? false, allowRepeat: a.allowRepeat ?? false }]),
    );
    this.resolved = { keymap, settings, byId };
    return this.resolved;
  }

  private handleKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !this.options.enabled()) return;
    const { keymap, settings, byId } = this.resolve();
    const typing = isTypingTarget(event.composedPath());
    for (const id of findActions(keymap, event, currentPlatform(), { typing, actions: settings })) {
      if (byId.get(id)?.run(event) === false) continue;
      event.preventDefault();
      event.stopPropagation();
      return;
    }
  };
}
