/**
 * JSON Pointer (RFC 6901) helpers. Every validation error carries one as its `path`: "" is the
 * document itself, "/questions/2/scale/min" a value inside it.
 */

/** Escapes one reference token: `~` becomes `~0` and `/` becomes `~1` (in that order). */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Undoes `escapePointerToken`: `~1` becomes `/`, then `~0` becomes `~`. */
export function unescapePointerToken(token: string): string {
  if (token.indexOf('~') < 0) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends one token to a pointer: `appendPointer('/answers', 'a/b')` is `/answers/a~1b`. */
export function appendPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapePointerToken(token)}`;
}

/** Builds a pointer from unescaped tokens; `[]` is the whole document (""). */
export function toPointer(tokens: readonly (string | number)[]): string {
  let pointer = '';
  for (const token of tokens) pointer += `/${escapePointerToken(token)}`;
  return pointer;
}

/**
 * Splits a pointer into unescaped tokens. Returns `null` for a string that is not a pointer
 * (non-empty and not starting with "/", or a `~` not followed by 0 or 1).
 */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (pointer[0] !== '/' || /~(?![01])/.test(pointer)) return null;
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/**
 * The question id an error path points into: `"/result/answers/a~1b/2"` gives `"a/b"` (the
 * question whose answer holds the error, however deep the path goes). Undefined for any other
 * path and for strings that are not JSON Pointers.
 */
export function answerIdOfPath(path: string): string | undefined {
  const tokens = parsePointer(path);
  if (!tokens || tokens[0] !== 'result' || tokens[1] !== 'answers') return undefined;
  return tokens[2] || undefined;
}
