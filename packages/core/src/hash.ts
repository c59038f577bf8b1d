/**
 * A short, stable, non-cryptographic hash (FNV-1a, 32 bits) for keys that must not change between
 * releases or machines: the order a randomised pairwise question shows its pair in, the local
 * "instructions read" flag. Never use it where an attacker could profit from a collision.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. Code units, not
 * bytes: keys already stored by earlier releases were computed this way, so it must stay.
 */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** `fnv1a(text)` in base 36: a short key such as `"1r9wi7g"` (for `"a"`). */
export function stableHash(text: string): string {
  return fnv1a(text).toString(36);
}
