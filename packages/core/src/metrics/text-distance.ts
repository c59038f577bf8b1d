/**
 * Word and character error rates between a reference transcript and a hypothesis. Pure: no DOM.
 *
 * Both are the Levenshtein distance (substitutions + deletions + insertions) divided by the
 * reference length, clamped to [0, 1]: the usual WER/CER whenever it is at most 1 (comparable
 * with jiwer or sclite), and 1 for hypotheses so long that insertions outnumber the reference.
 * An empty reference gives 0 against an empty hypothesis and 1 against anything else.
 * Cost is O(n·m) time and O(min(n, m)) memory.
 */

/** Text normalisation applied to both strings before {@link wer} and {@link cer} compare them. */
export interface ErrorRateOptions {
  /** Compare case-insensitively (default `true`; locale-independent lower-casing). */
  ignoreCase?: boolean;
  /** Delete Unicode punctuation (`\p{P}`: `.,;:!?'"-()[]…`), default `true`. */
  stripPunctuation?: boolean;
  /**
   * Drop bracketed tags such as `[laughs]` or `[inaudible]` before comparing (default `false`;
   * otherwise, with `stripPunctuation`, `[laughs]` counts as the word `laughs`).
   */
  ignoreTags?: boolean;
}

const TAG = /\[[^\]\r\n]*\]/g;
const PUNCTUATION = /\p{P}/gu;
const SPACE = /\s+/u;

function normalize(text: string, options: ErrorRateOptions): string {
  let s = String(text).normalize('NFC');
  if (options.ignoreTags) s = s.replace(TAG, ' ');
  if (options.ignoreCase !== false) s = s.toLowerCase();
  if (options.stripPunctuation !== false) s = s.replace(PUNCTUATION, '');
  return s;
}

const words = (s: string): string[] => s.split(SPACE).filter((w) => w !== '');

let segmenter: Intl.Segmenter | null | undefined;

/** Grapheme clusters (what a reader counts as characters); code points where Intl.Segmenter is missing. */
function graphemes(s: string): string[] {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter() : null;
  if (!segmenter) return Array.from(s);
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

/**
 * Word error rate in [0, 1]: word-level edit distance over the number of reference words, after
 * normalisation (default: lower-case, punctuation deleted; words split on white space).
 */
export function wer(reference: string, hypothesis: string, options: ErrorRateOptions = {}): number {
  return rate(words(normalize(reference, options)), words(normalize(hypothesis, options)));
}

/**
 * Character error rate in [0, 1], counted in grapheme clusters (an emoji with modifiers or a
 * letter with combining accents is one character), after the same normalisation as {@link wer};
 * runs of white space count as one space, leading and trailing white space not at all.
 */
export function cer(reference: string, hypothesis: string, options: ErrorRateOptions = {}): number {
  const chars = (s: string): string[] => graphemes(words(normalize(s, options)).join(' '));
  return rate(chars(reference), chars(hypothesis));
}

function rate(ref: readonly string[], hyp: readonly string[]): number {
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return Math.min(1, editDistance(ref, hyp) / ref.length);
}

/** Levenshtein distance between two token sequences (tokens compared as strings). */
function editDistance(a: readonly string[], b: readonly string[]): number {
  // Tokens become small integers so the inner loop compares numbers, not strings.
  const ids = new Map<string, number>();
  const encode = (tokens: readonly string[]): Int32Array =>
    Int32Array.from(tokens, (t) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return id;
    });
  let long = encode(a);
  let short = encode(b);
  if (short.length > long.length) [long, short] = [short, long];
  if (short.length === 0) return long.length;
  let prev = new Uint32Array(short.length + 1);
  let cur = new Uint32Array(short.length + 1);
  for (let j = 0; j <= short.length; j++) prev[j] = j;
  for (let i = 1; i <= long.length; i++) {
    cur[0] = i;
    const t = long[i - 1];
    for (let j = 1; j <= short.length; j++) {
      const substitute = (prev[j - 1] as number) + (short[j - 1] === t ? 0 : 1);
      const remove = (prev[j] as number) + 1;
      const insert = (cur[j - 1] as number) + 1;
      cur[j] = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[short.length] as number;
}
