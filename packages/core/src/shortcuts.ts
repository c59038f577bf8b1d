/**
 * Keyboard shortcuts matched on `KeyboardEvent.code` (the physical key), so a binding means the same
 * key position on QWERTY, AZERTY and QWERTZ keyboards. Pure: the platform is passed in, never
 * sniffed, and nothing here touches `document`.
 *
 * Binding syntax: modifiers, then one `KeyboardEvent.code`, joined by `+`, e.g. `"Mod+KeyZ"`,
 * `"Shift+Mod+KeyZ"`, `"Shift+Slash"`, `"Digit1"`, `"Alt+KeyN"`. Modifiers are case-insensitive:
 * `Mod` (⌘ on Apple platforms, Ctrl elsewhere), `Ctrl`/`Control`, `Meta`/`Cmd`/`Command`,
 * `Alt`/`Option`, `Shift`. The key is case-sensitive, exactly as the browser reports `code`.
 */

/** Which modifier `Mod` means: ⌘ (Meta) on `'mac'` (macOS, iOS, iPadOS), Ctrl on `'other'`. */
export type Platform = 'mac' | 'other';

/** The part of a `KeyboardEvent` shortcut matching reads (a real `KeyboardEvent` fits). */
export interface KeyLike {
  code: string;
  key?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat?: boolean;
  /** Present on real events; used to recognise AltGr, which types characters. */
  getModifierState?(key: string): boolean;
}

/** A validated binding; `mod` is resolved against the platform when matching. */
export interface ParsedShortcut {
  /** The `KeyboardEvent.code` of the key. */
  readonly code: string;
  readonly mod: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** Per-action behaviour of a shortcut. */
export interface ShortcutActionOptions {
  /** Whether a modifier shortcut (Ctrl/⌘/Alt) may fire while the worker types in a field (e.g. undo, submit). */
  allowInInputs?: boolean;
  /** Whether holding the key down repeats the action (e.g. nudging a box); off by default. */
  allowRepeat?: boolean;
}

/** Bindings per action id; an empty list disables the action. */
export type Keymap<A extends string> = Record<A, readonly string[]>;

/**
 * Remapped bindings per action id: a binding or list of bindings replaces the default;
 * `false`, `null` or `[]` disables the action; a missing (or `undefined`) entry keeps the default.
 */
export type KeymapOverrides<A extends string> = Partial<Record<A, string | readonly string[] | false | null>>;

const MODIFIERS: Record<string, 'mod' | 'ctrl' | 'meta' | 'alt' | 'shift'> = {
  mod: 'mod',
  ctrl: 'ctrl',
  control: 'ctrl',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
};

// Printable keys whose label is the character on a US keyboard.
const PUNCTUATION: Record<string, string> = {
  Backquote: '`',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  IntlBackslash: '<',
  IntlRo: 'ろ',
  IntlYen: '¥',
};

const NUMPAD_OPERATORS: Record<string, string> = {
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
  NumpadDecimal: '.',
  NumpadComma: ',',
  NumpadEqual: '=',
  NumpadEnter: '↩',
};

const NAMED_KEYS = [
  'Space',
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Escape',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'ContextMenu',
  'MediaPlayPause',
  'MediaStop',
  'MediaTrackNext',
  'MediaTrackPrevious',
] as const;
const NAMED = new Set<string>(NAMED_KEYS);

/** Whether `code` is a `KeyboardEvent.code` a binding may use. */
export function isKeyCode(code: string): boolean {
  return (
    /^Key[A-Z]$/.test(code) ||
    /^(Digit|Numpad)[0-9]$/.test(code) ||
    /^F([1-9]|1[0-9]|2[0-4])$/.test(code) ||
    NAMED.has(code) ||
    code in PUNCTUATION ||
    code in NUMPAD_OPERATORS
  );
}

function suggestion(key: string): string {
  if (/^[a-z]$/i.test(key)) return ` (use "Key${key.toUpperCase()}")`;
  if (/^[0-9]$/.test(key)) return ` (use "Digit${key}")`;
  if (key === '?') return ' (use "Shift+Slash")';
  const punct = Object.entries(PUNCTUATION).find(([, ch]) => ch === key);
  if (punct) return ` (use "${punct[0]}")`;
  const named = NAMED_KEYS.find(
    (n) => n.toLowerCase() === key.toLowerCase() || (key.toLowerCase() === 'esc' && n === 'Escape'),
  );
  if (named) return ` (use "${named}")`;
  return ' (use a KeyboardEvent.code such as "KeyZ", "Digit1", "Slash" or "ArrowLeft")';
}

/**
 * A label hotkey as a task writes it ("q", "3", or already a code like "KeyQ") as a binding on
 * `KeyboardEvent.code`.
 */
export function hotkeyBinding(hotkey: string): string {
  if (/^[A-Za-z]$/.test(hotkey)) return `Key${hotkey.toUpperCase()}`;
  if (/^[0-9]$/.test(hotkey)) return `Digit${hotkey}`;
  return hotkey;
}

/**
 * Parses and validates a binding string. Throws an `Error` naming the problem for an empty binding,
 * an unknown or repeated modifier, a missing key or a key that is not a supported
 * `KeyboardEvent.code` (with a suggestion: `"z"` → use `"KeyZ"`).
 */
export function parseShortcut(binding: string): ParsedShortcut {
  const fail = (why: string): never => {
    throw new Error(`Invalid shortcut "${binding}": ${why}`);
  };
  if (typeof binding !== 'string' || binding.trim() === '') fail('empty binding');
  const parts = binding.split('+').map((p) => p.trim());
  const key = parts.pop() as string;
  const flags = { mod: false, ctrl: false, meta: false, alt: false, shift: false };
  for (const part of parts) {
    if (part === '') fail('empty part (a "+" too many?)');
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier) fail(`unknown modifier "${part}" (use Mod, Ctrl, Meta, Alt or Shift)`);
    else if (flags[modifier]) fail(`modifier "${part}" given twice`);
    else flags[modifier] = true;
  }
  if (key === '') fail('missing key after the last "+"');
  if (MODIFIERS[key.toLowerCase()]) fail(`missing key after modifier "${key}"`);
  if (!isKeyCode(key)) fail(`unknown key "${key}"${suggestion(key)}`);
  return Object.freeze({ code: key, ...flags });
}

/** Like {@link parseShortcut}, but returns null instead of throwing. */
export function tryParseShortcut(binding: string): ParsedShortcut | null {
  try {
    return parseShortcut(binding);
  } catch {
    return null;
  }
}

const parsedCache = new Map<string, ParsedShortcut>();

function parsed(binding: string | ParsedShortcut): ParsedShortcut {
  if (typeof binding !== 'string') return binding;
  let result = parsedCache.get(binding);
  if (!result) {
    result = parseShortcut(binding);
    parsedCache.set(binding, result);
  }
  return result;
}

interface Resolved {
  code: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

function resolve(s: ParsedShortcut, platform: Platform): Resolved {
  return {
    code: s.code,
    ctrl: s.ctrl || (s.mod && platform !== 'mac'),
    meta: s.meta || (s.mod && platform === 'mac'),
    alt: s.alt,
    shift: s.shift,
  };
}

const KEY_TO_CODE: Record<string, string> = {
  ' ': 'Space',
  Spacebar: 'Space',
  Esc: 'Escape',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Del: 'Delete',
};

/**
 * The physical key of an event. Some virtual keyboards and IMEs report an empty or "Unidentified"
 * `code`; then the code is inferred from `key` for letters, digits and named keys.
 */
export function eventCode(event: KeyLike): string {
  if (event.code && event.code !== 'Unidentified') return event.code;
  const key = event.key ?? '';
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (key in KEY_TO_CODE) return KEY_TO_CODE[key] as string;
  return NAMED.has(key) ? key : '';
}

/** Options of {@link matchShortcut}. */
export interface MatchOptions {
  /** Accept auto-repeated keydowns (`event.repeat`). Default false. */
  allowRepeat?: boolean;
}

/**
 * Whether `event` presses exactly `shortcut`: same physical key and exactly the same modifiers
 * (Ctrl+Shift+Z does not trigger Ctrl+Z). Auto-repeats are refused unless `allowRepeat`.
 * On `'other'` platforms AltGr (reported as Ctrl+Alt, with the `AltGraph` modifier state) types
 * characters, so it never matches; a plain Ctrl binding never matches Ctrl+Alt either.
 */
export function matchShortcut(
  event: KeyLike,
  shortcut: ParsedShortcut | string,
  platform: Platform,
  options: MatchOptions = {},
): boolean {
  if (event.repeat && !options.allowRepeat) return false;
  const want = resolve(parsed(shortcut), platform);
  if (eventCode(event) !== want.code) return false;
  if (platform !== 'mac' && event.getModifierState?.('AltGraph')) return false;
  return (
    event.ctrlKey === want.ctrl &&
    event.metaKey === want.meta &&
    event.altKey === want.alt &&
    event.shiftKey === want.shift
  );
}

/** Validates a list of bindings, dropping duplicates; throws like {@link parseShortcut}. */
function validBindings(bindings: readonly string[]): readonly string[] {
  for (const b of bindings) parseShortcut(b);
  return Object.freeze([...new Set(bindings)]);
}

/**
 * Merges a host's remapping into the default keymap. Every binding is validated (an invalid one
 * throws, naming it: a programming error of the host); unknown action ids in `overrides` are
 * ignored so a stored remapping survives an action being renamed. The result is frozen.
 */
export function createKeymap<A extends string>(defaults: Keymap<A>, overrides?: KeymapOverrides<A> | null): Keymap<A> {
  const result = {} as Record<A, readonly string[]>;
  for (const action of Object.keys(defaults) as A[]) {
    const override = overrides && Object.hasOwn(overrides, action) ? overrides[action] : undefined;
    let bindings: readonly string[];
    if (override === undefined) bindings = defaults[action];
    else if (override === false || override === null) bindings = [];
    else bindings = typeof override === 'string' ? [override] : override;
    result[action] = validBindings(bindings);
  }
  return Object.freeze(result);
}

function isPlain(s: ParsedShortcut, platform?: Platform): boolean {
  // On Apple keyboards Option(+Shift)+letter types characters (Option+E = ´), so it counts as plain.
  const alt = platform === 'mac' ? false : s.alt;
  return !s.mod && !s.ctrl && !s.meta && !alt;
}

/**
 * Typing policy: whether a matched shortcut must be ignored because the worker types in a field.
 * Plain keys (no Ctrl/⌘/Alt; Shift does not count) never fire while typing, except Escape and the
 * function keys, which type nothing and fire when the action has `allowInInputs`; modifier
 * shortcuts fire only when the action has `allowInInputs`. Pass the platform so Option+key on Apple
 * keyboards, which types characters, is treated as plain.
 */
export function shouldIgnoreWhileTyping(
  action: ShortcutActionOptions | undefined,
  typing: boolean,
  binding: ParsedShortcut | string,
  platform?: Platform,
): boolean {
  if (!typing) return false;
  const s = parsed(binding);
  const typesNothing = s.code === 'Escape' || /^F\d+$/.test(s.code);
  if (isPlain(s, platform) && !typesNothing) return true;
  return !action?.allowInInputs;
}

/** Options of {@link findAction}. */
export interface FindActionOptions<A extends string> {
  /** Whether the event comes from a field the worker types in (see {@link isTypingTarget}). */
  typing?: boolean;
  /** Per-action behaviour (typing policy, auto-repeat). */
  actions?: Partial<Record<A, ShortcutActionOptions>>;
}

/**
 * Every action bound to the key of `event`, in keymap order, that may fire where the event comes
 * from (typing policy, auto-repeat): one pass over the keymap per key press. Several actions may
 * share a key (a span label's hotkey and "prefer A"); the caller runs the first that applies.
 */
export function findActions<A extends string>(
  keymap: Keymap<A>,
  event: KeyLike,
  platform: Platform,
  options: FindActionOptions<A> = {},
): A[] {
  const code = eventCode(event);
  const found: A[] = [];
  if (!code) return found;
  for (const action of Object.keys(keymap) as A[]) {
    const settings = options.actions?.[action];
    const fires = keymap[action].some((binding) => {
      const s = parsed(binding);
      return (
        s.code === code &&
        matchShortcut(event, s, platform, { allowRepeat: settings?.allowRepeat ?? false }) &&
        !shouldIgnoreWhileTyping(settings, options.typing ?? false, s, platform)
      );
    });
    if (fires) found.push(action);
  }
  return found;
}

/**
 * The action whose binding `event` presses, honouring auto-repeat and the typing policy; the first
 * action in keymap order wins when several share a binding. Undefined when none matches.
 */
export function findAction<A extends string>(
  keymap: Keymap<A>,
  event: KeyLike,
  platform: Platform,
  options: FindActionOptions<A> = {},
): A | undefined {
  return findActions(keymap, event, platform, options)[0];
}

/** A binding two or more actions share on a platform (only the first in keymap order fires). */
export interface KeymapConflict<A extends string> {
  /** The shared binding, canonicalised (e.g. `"Ctrl+Shift+KeyZ"`). */
  binding: string;
  actions: A[];
}

/** Bindings claimed by more than one action once `Mod` is resolved for `platform`. */
export function findConflicts<A extends string>(keymap: Keymap<A>, platform: Platform): KeymapConflict<A>[] {
  const owners = new Map<string, A[]>();
  for (const action of Object.keys(keymap) as A[]) {
    for (const binding of keymap[action]) {
      const r = resolve(parsed(binding), platform);
      const id = [r.ctrl && 'Ctrl', r.meta && 'Meta', r.alt && 'Alt', r.shift && 'Shift', r.code]
        .filter(Boolean)
        .join('+');
      const list = owners.get(id) ?? [];
      if (!list.includes(action)) list.push(action);
      owners.set(id, list);
    }
  }
  return [...owners].filter(([, actions]) => actions.length > 1).map(([binding, actions]) => ({ binding, actions }));
}

interface Labels {
  ctrl: string;
  alt: string;
  shift: string;
  meta: string;
  num: string;
  keys: Record<string, string>;
}

const ARROWS = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

const EN: Labels = {
  ctrl: 'Ctrl',
  alt: 'Alt',
  shift: 'Shift',
  meta: 'Meta',
  num: 'Num',
  keys: {
    ...ARROWS,
    Space: 'Space',
    Enter: 'Enter',
    Tab: 'Tab',
    Backspace: 'Backspace',
    Delete: 'Del',
    Insert: 'Ins',
    Escape: 'Esc',
    Home: 'Home',
    End: 'End',
    PageUp: 'PgUp',
    PageDown: 'PgDn',
    ContextMenu: 'Menu',
    MediaPlayPause: '⏯',
    MediaStop: '⏹',
    MediaTrackNext: '⏭',
    MediaTrackPrevious: '⏮',
  },
};

const LABELS: Record<string, Labels> = {
  en: EN,
  de: {
    ctrl: 'Strg',
    alt: 'Alt',
    shift: 'Umschalt',
    meta: 'Meta',
    num: 'Num',
    keys: {
      ...ARROWS,
      Space: 'Leertaste',
      Enter: 'Eingabe',
      Tab: 'Tab',
      Backspace: 'Rücktaste',
      Delete: 'Entf',
      Insert: 'Einfg',
      Escape: 'Esc',
      Home: 'Pos1',
      End: 'Ende',
      PageUp: 'Bild↑',
      PageDown: 'Bild↓',
      ContextMenu: 'Menü',
      MediaPlayPause: '⏯',
      MediaStop: '⏹',
      MediaTrackNext: '⏭',
      MediaTrackPrevious: '⏮',
    },
  },
};

// Apple's own key symbols, as in macOS menus.
const MAC_KEYS: Record<string, string> = {
  Enter: '↩',
  Tab: '⇥',
  Backspace: '⌫',
  Delete: '⌦',
  Home: '↖',
  End: '↘',
  PageUp: '⇞',
  PageDown: '⇟',
};

function keyLabel(code: string, platform: Platform, labels: Labels, layout?: ReadonlyMap<string, string>): string {
  // Digits keep their digit even where the unshifted key types another character (AZERTY: &é"…).
  if (code.startsWith('Digit')) return code.slice(5);
  const local = layout?.get(code);
  if (local && (code.startsWith('Key') || code in PUNCTUATION)) return local.toUpperCase();
  if (code.startsWith('Key')) return code.slice(3);
  if (code in PUNCTUATION) return PUNCTUATION[code] as string;
  if (/^Numpad[0-9]$/.test(code)) return `${labels.num} ${code.slice(6)}`;
  if (code in NUMPAD_OPERATORS) return `${labels.num} ${NUMPAD_OPERATORS[code]}`;
  if (platform === 'mac' && code in MAC_KEYS) return MAC_KEYS[code] as string;
  return labels.keys[code] ?? code;
}

/**
 * A human-readable label for a binding, for a cheat sheet or a tooltip: `"Ctrl+Z"` / `"⌘Z"`,
 * `"Shift+/"` / `"⇧/"`, `"1"`, `"Strg+Umschalt+Z"` in German. `layout` (e.g. from
 * `navigator.keyboard.getLayoutMap()`) names letter and punctuation keys as the worker's layout
 * prints them (AZERTY: `KeyQ` → `"A"`). Display must not break a widget, so an invalid binding is
 * returned unchanged instead of throwing.
 */
export function formatShortcut(
  binding: string,
  platform: Platform,
  locale?: string,
  layout?: ReadonlyMap<string, string>,
): string {
  const s = tryParseShortcut(binding);
  if (!s) return binding;
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const labels = LABELS[language] ?? EN;
  const r = resolve(s, platform);
  const key = keyLabel(s.code, platform, labels, layout);
  if (platform === 'mac') {
    // Apple's modifier order: Control, Option, Shift, Command.
    return `${r.ctrl ? '⌃' : ''}${r.alt ? '⌥' : ''}${r.shift ? '⇧' : ''}${r.meta ? '⌘' : ''}${key}`;
  }
  return [r.ctrl && labels.ctrl, r.meta && labels.meta, r.alt && labels.alt, r.shift && labels.shift, key]
    .filter(Boolean)
    .join('+');
}

// input types on which keys do not type text.
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

interface ElementLike {
  nodeType: number;
  localName?: string;
  type?: string;
  readOnly?: boolean;
  disabled?: boolean;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

/**
 * Whether a key event originates where the worker types text: a text-like `<input>`, `<textarea>`,
 * `<select>`, a contenteditable element or an element with a text-entry role. Pass
 * `event.composedPath()`, so fields inside shadow roots are seen; read-only and disabled fields do
 * not count. Duck-typed, so it runs (and is tested) without a DOM.
 */
export function isTypingTarget(path: readonly EventTarget[]): boolean {
  const origin = path.find((t) => (t as Partial<ElementLike>).nodeType === 1) as ElementLike | undefined;
  if (!origin) return false;
  if (origin.isContentEditable) return true;
  const role = origin.getAttribute?.('role');
  if (role && TEXT_ROLES.has(role)) return true;
  const name = origin.localName;
  if (name !== 'input' && name !== 'textarea' && name !== 'select') return false;
  if (origin.disabled || origin.readOnly) return false;
  return name !== 'input' || !NON_TEXT_INPUTS.has((origin.type ?? 'text').toLowerCase());
}
