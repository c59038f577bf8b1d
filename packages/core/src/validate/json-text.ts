/**
 * JSON text input. `JSON.parse` error messages differ between engines (and V8 versions), so the
 * position of a syntax error is found by our own scanner: the same answer in Node and every browser.
 */

/** The result of `parseJsonText`. */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; offset: number; line: number; column: number };

/** Parses JSON text (a leading byte-order mark is ignored); on failure, where the error is (1-based line and column). */
export function parseJsonText(text: string): JsonTextResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch {
    const offset = syntaxErrorOffset(source);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { ok: false, offset, line, column: offset - lineStart + 1 };
  }
}

const WS = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const DIGIT = (c: number): boolean => c >= 0x30 && c <= 0x39;
const HEX = (c: number): boolean => DIGIT(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * UTF-16 offset of the first character that makes `text` invalid JSON (RFC 8259), or
 * `text.length` when the text ends too early. Iterative: deep nesting cannot overflow the stack.
 */
export function syntaxErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const closers: number[] = []; // expected closing bracket per open container
  const skip = (): void => {
    while (i < n && WS(text.charCodeAt(i))) i++;
  };
  // Scans one string starting at its quote; returns false at the offending character.
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (!HEX(text.charCodeAt(i + k))) {
              i += k;
              return false;
            }
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i + 1] ?? '')) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const digits = (): boolean => {
    const from = i;
    while (i < n && DIGIT(text.charCodeAt(i))) i++;
    return i > from;
  };
  const number = (): boolean => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (!digits()) return false;
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!digits()) return false;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      if (!digits()) return false;
    }
    return true;
  };
  // One value; containers only open here (their contents are handled by the loop below).
  const value = (): boolean => {
    skip();
    const c = text.charCodeAt(i);
    if (c === 0x22) return string();
    if (c === 0x2d || DIGIT(c)) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    if (c === 0x7b || c === 0x5b) {
      closers.push(c === 0x7b ? 0x7d : 0x5d);
      i++;
      return true;
    }
    return false;
  };
  // Returns the offset of the error, or -1 for valid text.
  const scan = (): number => {
    let expectValue = true;
    let justOpened = false;
    for (;;) {
      if (expectValue) {
        skip();
        const top = closers[closers.length - 1];
        if (justOpened && text.charCodeAt(i) === top) {
          // "[]" or "{}"
          closers.pop();
          i++;
          expectValue = false;
          justOpened = false;
          continue;
        }
        if (top === 0x7d) {
          // an object member: "key" : value
          if (text.charCodeAt(i) !== 0x22 || !string()) return i;
          skip();
          if (text.charCodeAt(i) !== 0x3a) return i;
          i++;
        }
        const depth = closers.length;
        if (!value()) return i;
        justOpened = closers.length > depth;
        expectValue = justOpened;
        continue;
      }
      skip();
      if (closers.length === 0) return i === n ? -1 : i;
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        expectValue = true;
        justOpened = false;
      } else if (c === closers[closers.length - 1]) {
        closers.pop();
        i++;
      } else {
        return i;
      }
    }
  };
  const offset = scan();
  return offset < 0 ? n : Math.min(offset, n);
}
