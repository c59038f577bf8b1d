import { expect } from 'chai';
import {
  hotkeyBinding,
  createKeymap,
  eventCode,
  findAction,
  findConflicts,
  formatShortcut,
  isKeyCode,
  isTypingTarget,
  matchShortcut,
  parseShortcut,
  shouldIgnoreWhileTyping,
  tryParseShortcut,
  type KeyLike,
  type Keymap,
} from './shortcuts.js';

/** A keydown with no modifiers unless given. */
function key(code: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('shortcuts', () => {
  it("turns a task's label hotkey into a code binding", () => {
    expect(hotkeyBinding('q')).to.equal('KeyQ');
    expect(hotkeyBinding('Q')).to.equal('KeyQ');
    expect(hotkeyBinding('3')).to.equal('Digit3');
    expect(hotkeyBinding('KeyW')).to.equal('KeyW');
  });

  describe('parseShortcut', () => {
    it('parses modifiers and the key code', () => {
      expect(parseShortcut('Shift+Mod+KeyZ')).to.deep.equal({
        code: 'KeyZ',
        mod: true,
        ctrl: false,
        meta: false,
        alt: false,
        shift: true,
      });
      expect(parseShortcut('Digit1')).to.include({ code: 'Digit1', mod: false, shift: false });
      expect(parseShortcut('Alt+KeyN')).to.include({ alt: true, code: 'KeyN' });
    });

    it('accepts modifier aliases in any case and spaces around parts', () => {
      expect(parseShortcut('control + option + cmd + SHIFT + F5')).to.include({
        ctrl: true,
        alt: true,
        meta: true,
        shift: true,
        code: 'F5',
      });
      expect(parseShortcut('Command+Enter')).to.include({ meta: true, code: 'Enter' });
    });

    it('accepts the supported families of codes', () => {
      for (const code of [
        'KeyA',
        'Digit0',
        'Numpad7',
        'NumpadAdd',
        'F1',
        'F24',
        'Slash',
        'BracketLeft',
        'IntlBackslash',
        'Space',
        'Escape',
        'ArrowLeft',
        'PageDown',
        'MediaPlayPause',
      ]) {
        expect(isKeyCode(code), code).to.equal(true);
        expect(parseShortcut(code).code).to.equal(code);
      }
      for (const code of ['Keya', 'KeyAB', 'F0', 'F25', 'ShiftLeft', 'slash', 'Digit10', '']) {
        expect(isKeyCode(code), code).to.equal(false);
      }
    });

    it('throws a clear error with a suggestion on invalid input', () => {
      expect(() => parseShortcut('Ctrl+z')).to.throw(Error, 'Invalid shortcut "Ctrl+z": unknown key "z" (use "KeyZ")');
      expect(() => parseShortcut('1')).to.throw(/use "Digit1"/);
      expect(() => parseShortcut('?')).to.throw(/use "Shift\+Slash"/);
      expect(() => parseShortcut('/')).to.throw(/use "Slash"/);
      expect(() => parseShortcut('esc')).to.throw(/use "Escape"/);
      expect(() => parseShortcut('Mod+Frobnicate')).to.throw(/KeyboardEvent\.code/);
      expect(() => parseShortcut('')).to.throw(/empty binding/);
      expect(() => parseShortcut('   ')).to.throw(/empty binding/);
      expect(() => parseShortcut('Hyper+KeyZ')).to.throw(/unknown modifier "Hyper"/);
      expect(() => parseShortcut('Shift+Shift+KeyZ')).to.throw(/given twice/);
      expect(() => parseShortcut('Mod+Shift')).to.throw(/missing key after modifier "Shift"/);
      expect(() => parseShortcut('Mod+')).to.throw(/missing key/);
      expect(() => parseShortcut('Mod++KeyZ')).to.throw(/empty part/);
    });

    it('tryParseShortcut returns null instead of throwing', () => {
      expect(tryParseShortcut('Ctrl+z')).to.equal(null);
      expect(tryParseShortcut('Ctrl+KeyZ')).to.include({ ctrl: true });
    });

    it('returns a frozen value', () => {
      expect(Object.isFrozen(parseShortcut('KeyA'))).to.equal(true);
    });
  });

  describe('matchShortcut', () => {
    it('maps Mod to Meta on mac and to Control elsewhere', () => {
      const undo = parseShortcut('Mod+KeyZ');
      expect(matchShortcut(key('KeyZ', { metaKey: true }), undo, 'mac')).to.equal(true);
      expect(matchShortcut(key('KeyZ', { ctrlKey: true }), undo, 'mac')).to.equal(false);
      expect(matchShortcut(key('KeyZ', { ctrlKey: true }), undo, 'other')).to.equal(true);
      expect(matchShortcut(key('KeyZ', { metaKey: true }), undo, 'other')).to.equal(false);
    });

    it('keeps explicit Ctrl and Meta as written on every platform', () => {
      expect(matchShortcut(key('KeyK', { ctrlKey: true }), 'Ctrl+KeyK', 'mac')).to.equal(true);
      expect(matchShortcut(key('KeyK', { metaKey: true }), 'Meta+KeyK', 'other')).to.equal(true);
      expect(matchShortcut(key('KeyK', { metaKey: true, ctrlKey: true }), 'Mod+Ctrl+KeyK', 'mac')).to.equal(true);
      expect(matchShortcut(key('KeyK', { ctrlKey: true }), 'Mod+Ctrl+KeyK', 'other')).to.equal(true);
    });

    it('requires exactly the bound modifiers', () => {
      const undo = 'Mod+KeyZ';
      expect(matchShortcut(key('KeyZ', { ctrlKey: true, shiftKey: true }), undo, 'other')).to.equal(false);
      expect(matchShortcut(key('KeyZ'), undo, 'other')).to.equal(false);
      expect(matchShortcut(key('KeyZ', { ctrlKey: true, shiftKey: true }), 'Shift+Mod+KeyZ', 'other')).to.equal(true);
      expect(matchShortcut(key('KeyZ', { metaKey: true, shiftKey: true }), 'Shift+Mod+KeyZ', 'mac')).to.equal(true);
      expect(matchShortcut(key('Digit1', { shiftKey: true }), 'Digit1', 'other')).to.equal(false);
      expect(matchShortcut(key('Digit1'), 'Digit1', 'other')).to.equal(true);
    });

    it('matches Shift+Slash ("?" on US keyboards) by the physical key', () => {
      const help = parseShortcut('Shift+Slash');
      expect(matchShortcut(key('Slash', { key: '?', shiftKey: true }), help, 'other')).to.equal(true);
      expect(matchShortcut(key('Slash', { key: '?', shiftKey: true }), help, 'mac')).to.equal(true);
      expect(matchShortcut(key('Slash', { key: '/' }), help, 'other')).to.equal(false);
      // German layout: "?" is Shift+ß (code Minus); the binding stays on the physical Slash key.
      expect(matchShortcut(key('Minus', { key: '?', shiftKey: true }), help, 'other')).to.equal(false);
    });

    it('matches by physical key whatever the layout types (AZERTY)', () => {
      // On AZERTY the key at QWERTY's Z position types "w": the code is still KeyZ.
      expect(matchShortcut(key('KeyZ', { key: 'w', ctrlKey: true }), 'Mod+KeyZ', 'other')).to.equal(true);
      expect(matchShortcut(key('KeyW', { key: 'z', ctrlKey: true }), 'Mod+KeyZ', 'other')).to.equal(false);
    });

    it('does not let AltGr (Ctrl+Alt on Windows) trigger a plain Ctrl binding', () => {
      const altGr = key('KeyZ', { ctrlKey: true, altKey: true, key: 'z' });
      expect(matchShortcut(altGr, 'Mod+KeyZ', 'other')).to.equal(false);
      expect(matchShortcut(altGr, 'Ctrl+KeyZ', 'other')).to.equal(false);
      // AltGr+Q types "@" on German keyboards: even an explicit Ctrl+Alt binding must not steal it.
      const altGrQ = key('KeyQ', { ctrlKey: true, altKey: true, key: '@', getModifierState: (k) => k === 'AltGraph' });
      expect(matchShortcut(altGrQ, 'Ctrl+Alt+KeyQ', 'other')).to.equal(false);
      expect(matchShortcut(altGrQ, 'KeyQ', 'other')).to.equal(false);
      // Without AltGraph state, a real Ctrl+Alt press matches a Ctrl+Alt binding.
      const ctrlAlt = key('KeyQ', { ctrlKey: true, altKey: true, getModifierState: () => false });
      expect(matchShortcut(ctrlAlt, 'Ctrl+Alt+KeyQ', 'other')).to.equal(true);
    });

    it('ignores the AltGraph state on mac, where Option is Alt', () => {
      const option = key('KeyN', { altKey: true, getModifierState: (k) => k === 'AltGraph' });
      expect(matchShortcut(option, 'Alt+KeyN', 'mac')).to.equal(true);
    });

    it('refuses auto-repeat unless allowed', () => {
      const held = key('ArrowLeft', { repeat: true });
      expect(matchShortcut(held, 'ArrowLeft', 'other')).to.equal(false);
      expect(matchShortcut(held, 'ArrowLeft', 'other', { allowRepeat: true })).to.equal(true);
      expect(matchShortcut(key('ArrowLeft', { repeat: false }), 'ArrowLeft', 'other')).to.equal(true);
    });

    it('falls back to key when code is empty or Unidentified', () => {
      expect(eventCode(key('', { key: 'z' }))).to.equal('KeyZ');
      expect(eventCode(key('Unidentified', { key: 'Z' }))).to.equal('KeyZ');
      expect(eventCode(key('', { key: '7' }))).to.equal('Digit7');
      expect(eventCode(key('', { key: ' ' }))).to.equal('Space');
      expect(eventCode(key('', { key: 'Esc' }))).to.equal('Escape');
      expect(eventCode(key('', { key: 'Enter' }))).to.equal('Enter');
      expect(eventCode(key('', { key: 'é' }))).to.equal('');
      expect(eventCode(key(''))).to.equal('');
      expect(matchShortcut(key('', { key: 'z', ctrlKey: true }), 'Mod+KeyZ', 'other')).to.equal(true);
    });

    it('throws on an invalid binding string', () => {
      expect(() => matchShortcut(key('KeyZ'), 'z', 'other')).to.throw(/KeyZ/);
    });
  });

  describe('createKeymap', () => {
    const defaults = {
      undo: ['Mod+KeyZ'],
      redo: ['Shift+Mod+KeyZ', 'Mod+KeyY'],
      help: ['Shift+Slash'],
      next: ['Tab'],
    } satisfies Keymap<string>;

    it('returns the defaults without overrides', () => {
      const km = createKeymap(defaults);
      expect(km).to.deep.equal(defaults);
      expect(createKeymap(defaults, null)).to.deep.equal(defaults);
      expect(Object.isFrozen(km)).to.equal(true);
      expect(Object.isFrozen(km.redo)).to.equal(true);
    });

    it('replaces remapped actions and keeps the rest', () => {
      const km = createKeymap(defaults, { undo: ['Alt+Backspace', 'Mod+KeyZ'], help: 'F1' });
      expect(km.undo).to.deep.equal(['Alt+Backspace', 'Mod+KeyZ']);
      expect(km.help).to.deep.equal(['F1']);
      expect(km.redo).to.deep.equal(defaults.redo);
    });

    it('disables actions with [], false or null, and keeps them with undefined', () => {
      const km = createKeymap(defaults, { undo: [], redo: false, help: null, next: undefined });
      expect(km).to.deep.equal({ undo: [], redo: [], help: [], next: ['Tab'] });
    });

    it('ignores unknown action ids and drops duplicate bindings', () => {
      const overrides = { gone: ['KeyG'], undo: ['KeyU', 'KeyU'] } as Record<string, string[]>;
      const km = createKeymap(defaults, overrides);
      expect(Object.keys(km)).to.deep.equal(['undo', 'redo', 'help', 'next']);
      expect(km.undo).to.deep.equal(['KeyU']);
    });

    it('throws on invalid bindings in defaults or overrides', () => {
      expect(() => createKeymap(defaults, { undo: ['ctrl+z'] })).to.throw(/Invalid shortcut "ctrl\+z"/);
      expect(() => createKeymap({ a: ['Mod+'] })).to.throw(/missing key/);
    });

    it('does not mutate its inputs', () => {
      const input = { undo: ['Mod+KeyZ'] };
      createKeymap(input, { undo: ['KeyU'] });
      expect(input.undo).to.deep.equal(['Mod+KeyZ']);
    });
  });

  describe('findAction', () => {
    const keymap = createKeymap({
      undo: ['Mod+KeyZ'],
      redo: ['Shift+Mod+KeyZ', 'Mod+KeyY'],
      help: ['Shift+Slash'],
      label1: ['Digit1'],
      nudgeLeft: ['ArrowLeft'],
      submit: ['Mod+Enter'],
      cancel: ['Escape'],
      disabled: [],
    });
    const actions = {
      undo: { allowInInputs: true },
      redo: { allowInInputs: true },
      submit: { allowInInputs: true },
      nudgeLeft: { allowRepeat: true },
      cancel: { allowInInputs: true },
    };

    it('finds the action for an event on each platform', () => {
      expect(findAction(keymap, key('KeyZ', { metaKey: true }), 'mac')).to.equal('undo');
      expect(findAction(keymap, key('KeyZ', { ctrlKey: true }), 'other')).to.equal('undo');
      expect(findAction(keymap, key('KeyZ', { ctrlKey: true, shiftKey: true }), 'other')).to.equal('redo');
      expect(findAction(keymap, key('KeyY', { ctrlKey: true }), 'other')).to.equal('redo');
      expect(findAction(keymap, key('Slash', { shiftKey: true }), 'other')).to.equal('help');
      expect(findAction(keymap, key('Digit1'), 'mac')).to.equal('label1');
      expect(findAction(keymap, key('KeyZ', { ctrlKey: true }), 'mac')).to.equal(undefined);
      expect(findAction(keymap, key('KeyQ'), 'other')).to.equal(undefined);
      expect(findAction(keymap, key(''), 'other')).to.equal(undefined);
    });

    it('honours per-action auto-repeat', () => {
      expect(findAction(keymap, key('ArrowLeft', { repeat: true }), 'other', { actions })).to.equal('nudgeLeft');
      expect(findAction(keymap, key('ArrowLeft', { repeat: true }), 'other')).to.equal(undefined);
      expect(findAction(keymap, key('Digit1', { repeat: true }), 'other', { actions })).to.equal(undefined);
    });

    it('applies the typing policy', () => {
      const typing = { typing: true, actions };
      expect(findAction(keymap, key('Digit1'), 'other', typing)).to.equal(undefined);
      expect(findAction(keymap, key('Slash', { shiftKey: true }), 'other', typing)).to.equal(undefined);
      expect(findAction(keymap, key('KeyZ', { ctrlKey: true }), 'other', typing)).to.equal('undo');
      expect(findAction(keymap, key('Enter', { metaKey: true }), 'mac', typing)).to.equal('submit');
      expect(findAction(keymap, key('Escape'), 'other', typing)).to.equal('cancel');
      expect(findAction(keymap, key('KeyZ', { ctrlKey: true }), 'other', { typing: true })).to.equal(undefined);
    });

    it('lets the first action in keymap order win a shared binding', () => {
      const km = createKeymap({ first: ['KeyX'], second: ['KeyX'] });
      expect(findAction(km, key('KeyX'), 'other')).to.equal('first');
      const remapped = createKeymap({ first: ['KeyX'], second: ['KeyX'] }, { first: false });
      expect(findAction(remapped, key('KeyX'), 'other')).to.equal('second');
    });
  });

  describe('findConflicts', () => {
    it('reports bindings that collide once Mod is resolved', () => {
      const km = createKeymap({ a: ['Mod+KeyS'], b: ['Ctrl+KeyS'], c: ['Meta+KeyS'], d: ['KeyS', 'KeyS'] });
      expect(findConflicts(km, 'other')).to.deep.equal([{ binding: 'Ctrl+KeyS', actions: ['a', 'b'] }]);
      expect(findConflicts(km, 'mac')).to.deep.equal([{ binding: 'Meta+KeyS', actions: ['a', 'c'] }]);
      expect(findConflicts(createKeymap({ a: ['KeyA'], b: ['KeyB'] }), 'other')).to.deep.equal([]);
    });
  });

  describe('shouldIgnoreWhileTyping', () => {
    it('never ignores anything when not typing', () => {
      expect(shouldIgnoreWhileTyping(undefined, false, 'Digit1')).to.equal(false);
      expect(shouldIgnoreWhileTyping({}, false, 'Mod+KeyZ')).to.equal(false);
    });

    it('always ignores plain keys (Shift does not make a key a shortcut)', () => {
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Digit1')).to.equal(true);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Shift+Slash')).to.equal(true);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Space')).to.equal(true);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Enter')).to.equal(true);
    });

    it('lets Escape and function keys through only for allowInInputs actions', () => {
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Escape')).to.equal(false);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'F2')).to.equal(false);
      expect(shouldIgnoreWhileTyping({}, true, 'Escape')).to.equal(true);
    });

    it('lets modifier shortcuts through only for allowInInputs actions', () => {
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Mod+KeyZ')).to.equal(false);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, parseShortcut('Ctrl+KeyZ'))).to.equal(false);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Alt+KeyN', 'other')).to.equal(false);
      expect(shouldIgnoreWhileTyping({}, true, 'Mod+KeyZ')).to.equal(true);
      expect(shouldIgnoreWhileTyping(undefined, true, 'Mod+KeyZ')).to.equal(true);
    });

    it('treats Option+key on mac as typing (it produces characters)', () => {
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Alt+KeyN', 'mac')).to.equal(true);
      expect(shouldIgnoreWhileTyping({ allowInInputs: true }, true, 'Alt+Mod+KeyN', 'mac')).to.equal(false);
    });
  });

  describe('formatShortcut', () => {
    it('formats for Windows/Linux in English', () => {
      expect(formatShortcut('Mod+KeyZ', 'other')).to.equal('Ctrl+Z');
      expect(formatShortcut('Shift+Mod+KeyZ', 'other')).to.equal('Ctrl+Shift+Z');
      expect(formatShortcut('Alt+Shift+Ctrl+KeyN', 'other')).to.equal('Ctrl+Alt+Shift+N');
      expect(formatShortcut('Shift+Slash', 'other')).to.equal('Shift+/');
      expect(formatShortcut('Digit1', 'other')).to.equal('1');
      expect(formatShortcut('Numpad1', 'other')).to.equal('Num 1');
      expect(formatShortcut('NumpadAdd', 'other')).to.equal('Num +');
      expect(formatShortcut('Mod+Enter', 'other')).to.equal('Ctrl+Enter');
      expect(formatShortcut('Escape', 'other')).to.equal('Esc');
      expect(formatShortcut('ArrowLeft', 'other')).to.equal('←');
      expect(formatShortcut('Meta+KeyK', 'other')).to.equal('Meta+K');
      expect(formatShortcut('F5', 'other')).to.equal('F5');
      expect(formatShortcut('Space', 'other', 'en-US')).to.equal('Space');
    });

    it('formats for mac with Apple symbols in Apple order', () => {
      expect(formatShortcut('Mod+KeyZ', 'mac')).to.equal('⌘Z');
      expect(formatShortcut('Shift+Mod+KeyZ', 'mac')).to.equal('⇧⌘Z');
      expect(formatShortcut('Mod+Shift+Alt+Ctrl+KeyK', 'mac')).to.equal('⌃⌥⇧⌘K');
      expect(formatShortcut('Shift+Slash', 'mac')).to.equal('⇧/');
      expect(formatShortcut('Mod+Enter', 'mac')).to.equal('⌘↩');
      expect(formatShortcut('Backspace', 'mac')).to.equal('⌫');
      expect(formatShortcut('Digit3', 'mac')).to.equal('3');
    });

    it('uses localised key names (German), falling back to English', () => {
      expect(formatShortcut('Shift+Mod+KeyZ', 'other', 'de-DE')).to.equal('Strg+Umschalt+Z');
      expect(formatShortcut('Delete', 'other', 'de')).to.equal('Entf');
      expect(formatShortcut('Space', 'mac', 'de')).to.equal('Leertaste');
      expect(formatShortcut('Mod+KeyZ', 'other', 'fr')).to.equal('Ctrl+Z');
    });

    it('names letters and punctuation as the layout prints them, digits as digits', () => {
      const azerty = new Map([
        ['KeyQ', 'a'],
        ['KeyZ', 'w'],
        ['Semicolon', 'm'],
        ['Digit1', '&'],
      ]);
      expect(formatShortcut('Mod+KeyZ', 'other', 'fr', azerty)).to.equal('Ctrl+W');
      expect(formatShortcut('KeyQ', 'mac', 'fr', azerty)).to.equal('A');
      expect(formatShortcut('Semicolon', 'other', 'fr', azerty)).to.equal('M');
      expect(formatShortcut('Digit1', 'other', 'fr', azerty)).to.equal('1');
      expect(formatShortcut('KeyB', 'other', 'fr', azerty)).to.equal('B');
    });

    it('returns an invalid binding unchanged instead of throwing', () => {
      expect(formatShortcut('Ctrl+z', 'other')).to.equal('Ctrl+z');
    });
  });

  describe('isTypingTarget', () => {
    // Duck-typed stand-ins so the policy is tested in Node too; the DOM case follows below.
    const el = (props: Record<string, unknown>) => ({ nodeType: 1, ...props }) as unknown as EventTarget;
    const withRole = (role: string) =>
      el({ localName: 'div', getAttribute: (n: string) => (n === 'role' ? role : null) });

    it('recognises text fields', () => {
      expect(isTypingTarget([el({ localName: 'input', type: 'text' })])).to.equal(true);
      for (const type of ['search', 'email', 'url', 'tel', 'password', 'number', 'date', 'TEXT']) {
        expect(isTypingTarget([el({ localName: 'input', type })]), type).to.equal(true);
      }
      expect(isTypingTarget([el({ localName: 'input' })])).to.equal(true);
      expect(isTypingTarget([el({ localName: 'textarea' })])).to.equal(true);
      expect(isTypingTarget([el({ localName: 'select' })])).to.equal(true);
      expect(isTypingTarget([el({ localName: 'div', isContentEditable: true })])).to.equal(true);
      expect(isTypingTarget([withRole('textbox')])).to.equal(true);
      expect(isTypingTarget([withRole('combobox')])).to.equal(true);
    });

    it('rejects non-text controls, read-only or disabled fields and plain elements', () => {
      for (const type of ['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file']) {
        expect(isTypingTarget([el({ localName: 'input', type })]), type).to.equal(false);
      }
      expect(isTypingTarget([el({ localName: 'textarea', readOnly: true })])).to.equal(false);
      expect(isTypingTarget([el({ localName: 'input', type: 'text', disabled: true })])).to.equal(false);
      expect(isTypingTarget([el({ localName: 'button' })])).to.equal(false);
      expect(isTypingTarget([withRole('button')])).to.equal(false);
      expect(isTypingTarget([])).to.equal(false);
    });

    it('looks at the originating element, skipping non-element targets', () => {
      const text = { nodeType: 3 } as unknown as EventTarget;
      const host = el({ localName: 'tagwerk-text-rater' });
      expect(isTypingTarget([text, el({ localName: 'textarea' }), host])).to.equal(true);
      expect(isTypingTarget([el({ localName: 'button' }), el({ localName: 'div', isContentEditable: true })])).to.equal(
        false,
      );
    });

    describe('with real elements', function () {
      before(function () {
        if (typeof document === 'undefined') this.skip();
      });

      it('sees a field inside a shadow root through composedPath()', () => {
        const host = document.createElement('div');
        const root = host.attachShadow({ mode: 'open' });
        const input = document.createElement('input');
        const checkbox = document.createElement('input');
        checkbox.type = 'checkbox';
        const editable = document.createElement('div');
        editable.contentEditable = 'true';
        const inner = document.createElement('b');
        editable.append(inner);
        root.append(input, checkbox, editable);
        document.body.append(host);
        try {
          const paths: boolean[] = [];
          host.addEventListener('keydown', (e) => paths.push(isTypingTarget(e.composedPath())));
          for (const target of [input, checkbox, inner]) {
            target.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit1', bubbles: true, composed: true }));
          }
          expect(paths).to.deep.equal([true, false, true]);
        } finally {
          host.remove();
        }
      });
    });
  });
});
