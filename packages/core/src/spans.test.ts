import { expect } from 'chai';
import fc from 'fast-check';
import type { Span, TextAnnotation, TextTask } from './model/types.js';
import {
  addSpan,
  assignLanes,
  compareSpans,
  isToken,
  makeSpan,
  overlaps,
  removeSpan,
  segmentText,
  snapToGraphemes,
  sortSpans,
  TextBoundaries,
  trimWhitespace,
  truncateGraphemes,
  wordBoundaries,
} from './spans.js';
import { CodePointIndex, sliceCodePoints } from './validate/codepoints.js';
import { validateAnnotation } from './validate/index.js';

const WOMAN_TECH = '👩‍💻'; // U+1F469 U+200D U+1F4BB: 3 code points, 5 UTF-16 units
const FAMILY = '👨‍👩‍👧'; // 5 code points, 8 UTF-16 units
const FLAG = '🇩🇪'; // two regional indicators: 2 code points, 4 UTF-16 units
const E_ACUTE = 'e\u0301'; // e + combining acute: 2 code points, 1 grapheme

const TEXT = `Hi Ada ${WOMAN_TECH} and ${FAMILY}! ${FLAG} caf${E_ACUTE}`;

function task(text: string, overlap = false): TextTask {
  return {
    id: 'spans-pure',
    kind: 'text',
    record: { text },
    questions: [
      {
        id: 'ents',
        type: 'spans',
        label: 'Entities',
        field: 'text',
        overlap,
        labels: [
          { id: 'PER', name: 'Person' },
          { id: 'EMO', name: 'Emoji' },
        ],
      },
    ],
  };
}

function envelope(spans: Span[]): TextAnnotation {
  return {
    schemaVersion: 1,
    kind: 'text',
    taskId: 'spans-pure',
    result: { answers: { ents: spans } },
    meta: {
      startedAt: '2026-01-01T00:00:00.000Z',
      submittedAt: null,
      activeMs: 0,
      idleMs: 0,
      edits: 1,
      undos: 0,
      locale: 'en',
      widget: 'test',
    },
  };
}

describe('spans: span helpers', () => {
  it('makeSpan fills text and UTF-16 offsets from code-point offsets', () => {
    // "Hi " = 3 code points; "Ada 👩‍💻" = 3 + 1 + 3 code points.
    const span = makeSpan(TEXT, 3, 10, 'PER');
    expect(span).to.deep.equal({
      start: 3,
      end: 10,
      label: 'PER',
      text: `Ada ${WOMAN_TECH}`,
      startUtf16: 3,
      endUtf16: 12,
    });
    expect(sliceCodePoints(TEXT, span.start, span.end)).to.equal(span.text);
  });

  it('makeSpan uses a given CodePointIndex and covers astral text after many emoji', () => {
    const text = `${'😀'.repeat(100)}x${FAMILY}`;
    const index = new CodePointIndex(text);
    const span = makeSpan(text, 100, 106, 'EMO', index);
    expect(span.text).to.equal(`x${FAMILY}`);
    expect([span.startUtf16, span.endUtf16]).to.deep.equal([200, 209]);
  });

  it('makeSpan refuses empty and out-of-range spans', () => {
    expect(() => makeSpan('abc', 1, 1, 'PER')).to.throw(RangeError);
    expect(() => makeSpan('abc', 2, 4, 'PER')).to.throw(RangeError);
    expect(() => makeSpan('abc', -1, 2, 'PER')).to.throw(RangeError);
  });

  it('sorts by start, then end, then label', () => {
    const a = { start: 1, end: 4, label: 'B', text: '' };
    const b = { start: 1, end: 4, label: 'A', text: '' };
    const c = { start: 1, end: 2, label: 'Z', text: '' };
    const d = { start: 0, end: 9, label: 'Z', text: '' };
    expect(sortSpans([a, b, c, d])).to.deep.equal([d, c, b, a]);
    expect(compareSpans(a, a)).to.equal(0);
  });

  it('overlaps: sharing a code point overlaps, touching does not', () => {
    expect(overlaps({ start: 0, end: 3 }, { start: 2, end: 5 })).to.equal(true);
    expect(overlaps({ start: 0, end: 3 }, { start: 3, end: 5 })).to.equal(false);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 })).to.equal(true);
  });

  it('addSpan keeps the list sorted and refuses overlaps unless allowed', () => {
    const ada = makeSpan(TEXT, 3, 6, 'PER');
    const emoji = makeSpan(TEXT, 7, 10, 'EMO');
    const first = addSpan([], emoji);
    expect(first.ok).to.equal(true);
    const second = addSpan(first.ok ? first.spans : [], ada);
    expect(second.ok && second.spans).to.deep.equal([ada, emoji]);

    const wide = makeSpan(TEXT, 3, 10, 'PER');
    const refused = addSpan([ada, emoji], wide);
    expect(refused).to.deep.equal({ ok: false, reason: 'overlap', conflict: ada });
    const allowed = addSpan([ada, emoji], wide, { overlap: true });
    expect(allowed.ok && allowed.spans.map((s) => [s.start, s.end])).to.deep.equal([
      [3, 6],
      [3, 10],
      [7, 10],
    ]);
  });

  it('addSpan refuses identical duplicates even with overlap, and malformed ranges', () => {
    const ada = makeSpan(TEXT, 3, 6, 'PER');
    expect(addSpan([ada], { ...ada }, { overlap: true })).to.deep.equal({
      ok: false,
      reason: 'duplicate',
      conflict: ada,
    });
    // Same offsets, another label: not a duplicate.
    expect(addSpan([ada], { ...ada, label: 'EMO' }, { overlap: true }).ok).to.equal(true);
    expect(addSpan([], { start: 4, end: 4, label: 'PER', text: '' })).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(addSpan([], { start: 1.5, end: 4, label: 'PER', text: '' }).ok).to.equal(false);
  });

  it('removeSpan removes by identity or by value and never mutates', () => {
    const ada = makeSpan(TEXT, 3, 6, 'PER');
    const emoji = makeSpan(TEXT, 7, 10, 'EMO');
    const list = [emoji, ada];
    expect(removeSpan(list, ada)).to.deep.equal([emoji]);
    expect(removeSpan(list, { start: 7, end: 10, label: 'EMO' })).to.deep.equal([ada]);
    expect(removeSpan(list, { start: 0, end: 1, label: 'EMO' })).to.deep.equal([ada, emoji]);
    expect(list).to.deep.equal([emoji, ada]);
  });

  it('results pass validateAnnotation (offsets, text, UTF-16, overlap rules)', () => {
    let spans: Span[] = [];
    for (const [s, e, l] of [
      [3, 6, 'PER'],
      [7, 10, 'EMO'],
      [15, 20, 'EMO'],
      [22, 24, 'EMO'],
      [25, 30, 'PER'],
    ] as const) {
      const r = addSpan(spans, makeSpan(TEXT, s, e, l));
      expect(r.ok, `${s}-${e}`).to.equal(true);
      if (r.ok) spans = r.spans;
    }
    expect(spans.map((s) => s.text)).to.deep.equal(['Ada', WOMAN_TECH, FAMILY, FLAG, `caf${E_ACUTE}`]);
    const result = validateAnnotation(envelope(spans), task(TEXT));
    expect(result.errors).to.deep.equal([]);
  });
});

describe('spans: segmentText and lanes', () => {
  it('one segment for a text without spans, none for an empty text', () => {
    expect(segmentText('', [])).to.deep.equal([]);
    expect(segmentText(TEXT, [])).to.deep.equal([
      { start: 0, end: 30, start16: 0, end16: TEXT.length, text: TEXT, spans: [] },
    ]);
  });

  it('splits at every boundary, lists covering spans, and keeps exact offsets around emoji', () => {
    const spans = sortSpans([
      makeSpan(TEXT, 3, 10, 'PER'),
      makeSpan(TEXT, 7, 10, 'EMO'),
      makeSpan(TEXT, 15, 20, 'EMO'),
    ]);
    const segments = segmentText(TEXT, spans);
    expect(segments.map((s) => [s.start, s.end, s.text, s.spans])).to.deep.equal([
      [0, 3, 'Hi ', []],
      [3, 7, 'Ada ', [0]],
      [7, 10, WOMAN_TECH, [0, 1]],
      [10, 15, ' and ', []],
      [15, 20, FAMILY, [2]],
      [20, 30, `! ${FLAG} caf${E_ACUTE}`, []],
    ]);
    // Contiguous, covering the whole text in both units.
    expect(segments.map((s) => s.text).join('')).to.equal(TEXT);
    for (const s of segments) expect(TEXT.slice(s.start16, s.end16)).to.equal(s.text);
  });

  it('ignores spans outside the text', () => {
    const segments = segmentText('abc', [
      { start: 1, end: 9, label: 'X' },
      { start: 2, end: 2, label: 'X' },
    ]);
    expect(segments).to.have.length(1);
  });

  it('assignLanes stacks overlapping spans and reuses free lanes', () => {
    const spans = [
      { start: 0, end: 10, label: 'A' },
      { start: 2, end: 4, label: 'B' },
      { start: 3, end: 6, label: 'C' },
      { start: 5, end: 8, label: 'D' },
      { start: 12, end: 14, label: 'E' },
    ];
    const lanes = assignLanes(spans);
    expect(lanes).to.deep.equal([0, 1, 2, 1, 0]);
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        if (overlaps(spans[i]!, spans[j]!)) expect(lanes[i]).to.not.equal(lanes[j]);
      }
    }
  });
});

describe('spans: grapheme and word boundaries', () => {
  it('snapToGraphemes never splits a ZWJ sequence, a flag or a combining mark', () => {
    const at = TEXT.indexOf(WOMAN_TECH);
    // Start inside the sequence (after U+1F469), end inside too.
    expect(snapToGraphemes(TEXT, at + 2, at + 3)).to.deep.equal({ start: at, end: at + WOMAN_TECH.length });
    const fam = TEXT.indexOf(FAMILY);
    expect(snapToGraphemes(TEXT, fam + 5, fam + 6)).to.deep.equal({ start: fam, end: fam + FAMILY.length });
    const flag = TEXT.indexOf(FLAG);
    expect(snapToGraphemes(TEXT, flag + 2, flag + 3)).to.deep.equal({ start: flag, end: flag + 4 });
    const e = TEXT.indexOf(E_ACUTE);
    expect(snapToGraphemes(TEXT, e, e + 1)).to.deep.equal({ start: e, end: e + 2 });
    // Reversed input is ordered; boundaries stay where they are.
    expect(snapToGraphemes(TEXT, 6, 3)).to.deep.equal({ start: 3, end: 6 });
  });

  it('snaps Hebrew with niqqud and Arabic with harakat to whole letters', () => {
    const hebrew = 'שָׁלוֹם עוֹלָם';
    // Offset 1 is the qamats on shin: snapping widens to the whole cluster.
    expect(snapToGraphemes(hebrew, 1, 2)).to.deep.equal({ start: 0, end: 3 });
    const arabic = 'مَرْحَبًا';
    expect(snapToGraphemes(arabic, 1, 1)).to.deep.equal({ start: 0, end: 2 });
  });

  it('trimWhitespace drops surrounding spaces and newlines, not inner ones', () => {
    const text = '  \n Ada Lovelace \t\n';
    const r = trimWhitespace(text, 0, text.length);
    expect(text.slice(r.start, r.end)).to.equal('Ada Lovelace');
    expect(trimWhitespace(text, 0, 3)).to.deep.equal({ start: 3, end: 3 });
    // A space carrying a combining mark is a letter-like cluster: kept.
    const marked = ' \u0301x ';
    const m = trimWhitespace(marked, 0, marked.length);
    expect(marked.slice(m.start, m.end)).to.equal(' \u0301x');
  });

  it('wordBoundaries lists words, numbers, emoji and symbols, not spaces or punctuation', () => {
    expect(wordBoundaries(TEXT).map((t) => t.text)).to.deep.equal([
      'Hi',
      'Ada',
      WOMAN_TECH,
      'and',
      FAMILY,
      FLAG,
      `caf${E_ACUTE}`,
    ]);
    expect(wordBoundaries('3.5% of C++').map((t) => t.text)).to.deep.equal(['3.5', 'of', 'C', '+', '+']);
    expect(wordBoundaries('שלום עולם').map((t) => [t.start, t.end])).to.deep.equal([
      [0, 4],
      [5, 9],
    ]);
    expect(wordBoundaries(TEXT, 4, 9).map((t) => t.text)).to.deep.equal(['Ada', WOMAN_TECH]);
    expect(isToken('!')).to.equal(false);
    expect(isToken('  ')).to.equal(false);
    expect(isToken('€')).to.equal(true);
  });

  it('TextBoundaries moves by token in both directions', () => {
    const b = new TextBoundaries(TEXT);
    const ada = TEXT.indexOf('Ada');
    const emoji = TEXT.indexOf(WOMAN_TECH);
    expect(b.nextTokenStart(0)).to.equal(ada);
    expect(b.nextTokenEnd(ada)).to.equal(ada + 3);
    expect(b.nextTokenEnd(ada + 3)).to.equal(emoji + WOMAN_TECH.length);
    expect(b.prevTokenStart(emoji + WOMAN_TECH.length)).to.equal(emoji);
    expect(b.prevTokenEnd(emoji + WOMAN_TECH.length)).to.equal(ada + 3);
    expect(b.prevTokenStart(0)).to.equal(null);
    expect(b.nextTokenStart(TEXT.length - 1)).to.equal(null);
    expect(b.nextTokenEnd(TEXT.length)).to.equal(null);
    expect(b.tokenAt(emoji)).to.deep.equal({ start: emoji, end: emoji + 5, text: WOMAN_TECH });
    expect(b.tokenAt(2)).to.equal(null); // the space after "Hi"
  });

  it('TextBoundaries steps by grapheme over emoji, flags and combining marks', () => {
    const b = new TextBoundaries(TEXT);
    const emoji = TEXT.indexOf(WOMAN_TECH);
    expect(b.nextGrapheme(emoji)).to.equal(emoji + 5);
    expect(b.prevGrapheme(emoji + 5)).to.equal(emoji);
    const flag = TEXT.indexOf(FLAG);
    expect(b.nextGrapheme(flag)).to.equal(flag + 4);
    expect(b.prevGrapheme(TEXT.length)).to.equal(TEXT.length - 2); // "é" is e + U+0301
    expect(b.graphemeFloor(TEXT.length)).to.equal(TEXT.length);
    expect(b.graphemeCeil(0)).to.equal(0);
    expect(b.nextGrapheme(TEXT.length)).to.equal(TEXT.length);
    expect(b.prevGrapheme(0)).to.equal(0);
  });

  it('crosses newlines and blank lines', () => {
    const text = 'one\n\n  two\nthree';
    const b = new TextBoundaries(text);
    expect(b.nextTokenStart(0)).to.equal(text.indexOf('two'));
    expect(b.prevTokenStart(text.indexOf('three'))).to.equal(text.indexOf('two'));
  });

  it('truncateGraphemes cuts between clusters only', () => {
    expect(truncateGraphemes('short', 40)).to.equal('short');
    expect(truncateGraphemes(`ab${FAMILY}cd`, 3)).to.equal(`ab${FAMILY}…`);
    expect(truncateGraphemes(FAMILY.repeat(50), 2)).to.equal(`${FAMILY}${FAMILY}…`);
    // A cluster longer than the head the function segments is never cut in half.
    const zalgo = `a${'\u0301'.repeat(500)}b`;
    const cut = truncateGraphemes(zalgo, 1);
    expect(cut === zalgo || cut === '…' || cut === `a${'\u0301'.repeat(500)}…`).to.equal(true);
  });
});

describe('spans: properties', () => {
  const alphabet = ['a', 'Z', ' ', '\n', 'é', E_ACUTE, WOMAN_TECH, FAMILY, FLAG, 'ש', 'م', '😀', '.', '\u200d'];
  const textArb = fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 })
    .map((parts) => parts.join(''));

  it('a snapped, trimmed selection always makes a span that validates', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, x, y) => {
        const b = new TextBoundaries(text);
        const snapped = b.snap(x % (text.length + 1), y % (text.length + 1));
        const { start, end } = b.trim(snapped.start, snapped.end);
        if (start >= end) return;
        const index = new CodePointIndex(text);
        const span = makeSpan(text, index.toCodePoint(start), index.toCodePoint(end), 'PER', index);
        expect(sliceCodePoints(text, span.start, span.end)).to.equal(span.text);
        // No white-space cluster at either end (a space carrying a mark or a ZWJ is not white space).
        const clusters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(span.text)].map(
          (g) => g.segment,
        );
        expect(/^\s+$/u.test(clusters[0]!) || /^\s+$/u.test(clusters[clusters.length - 1]!)).to.equal(false);
        // Snapping again changes nothing: both ends sit on cluster boundaries.
        expect(b.snap(start, end)).to.deep.equal({ start, end });
        expect(validateAnnotation(envelope([span]), task(text)).errors).to.deep.equal([]);
      }),
      { numRuns: 300 },
    );
  });

  it('segments always reassemble the text and agree with every span', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (text, pairs) => {
        const index = new CodePointIndex(text);
        const spans = pairs
          .map(([x, y]) => [Math.min(x, y) % index.length, (Math.max(x, y) % index.length) + 1] as const)
          .filter(([s, e]) => s < e)
          .map(([s, e]) => makeSpan(text, s, e, 'PER', index));
        const segments = segmentText(text, spans, index);
        expect(segments.map((s) => s.text).join('')).to.equal(text);
        for (const seg of segments) {
          for (let i = 0; i < spans.length; i++) {
            const covers = spans[i]!.start <= seg.start && seg.end <= spans[i]!.end;
            expect(seg.spans.includes(i)).to.equal(covers);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
