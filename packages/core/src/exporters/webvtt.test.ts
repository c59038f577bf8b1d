import { expect } from 'chai';
import fc from 'fast-check';
import type { AudioAnnotation, Segment } from '../model/types.js';
import { audioAnnotation, imageAnnotation } from '../validate/test-fixtures.js';
import { formatTimestamp, toWebVTT } from './webvtt.js';

function withSegments(segments: Segment[]): AudioAnnotation {
  const annotation = audioAnnotation();
  annotation.result.segments = segments;
  return annotation;
}

const seconds = (stamp: string): number => {
  const [h, m, s] = stamp.split(':') as [string, string, string];
  return Number(h) * 3600 + Number(m) * 60 + Number(s.replace(',', '.'));
};

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A small WebVTT reader: enough of the spec to check what a player would see. */
function parseVTT(text: string): Array<{ start: number; end: number; voice?: string; text: string }> {
  const blocks = text.replace(/\n$/, '').split('\n\n');
  expect(blocks[0]).to.equal('WEBVTT');
  return blocks
    .slice(1)
    .filter((b) => b !== '')
    .map((block) => {
      const [timing, ...payload] = block.replace(/\n$/, '').split('\n');
      const m = /^(\d{2,}:\d{2}:\d{2}\.\d{3}) --> (\d{2,}:\d{2}:\d{2}\.\d{3})$/.exec(timing!);
      expect(m, `timing line ${JSON.stringify(timing)}`).not.to.equal(null);
      for (const line of payload) {
        expect(line.trim()).not.to.equal('');
        expect(line).not.to.contain('-->');
      }
      let body = payload.join('\n');
      const voice = /^<v ([^>]*)>([\s\S]*)<\/v>$/.exec(body);
      if (voice) body = voice[2]!;
      expect(body).not.to.match(/<|>/);
      return {
        start: seconds(m![1]!),
        end: seconds(m![2]!),
        ...(voice ? { voice: unescape(voice[1]!) } : {}),
        text: unescape(body),
      };
    });
}

describe('exporters: toWebVTT', () => {
  it('writes a header and one cue per segment, speakers as voice tags (hand-checked)', () => {
    expect(toWebVTT(audioAnnotation())).to.equal(
      [
        'WEBVTT',
        '',
        '00:00:01.250 --> 00:00:04.800',
        '<v A>Hello and welcome [laughs]</v>',
        '',
        '00:00:04.800 --> 00:00:09.001',
        '<v B>Thanks 👋</v>',
        '',
      ].join('\n'),
    );
    expect(toWebVTT(audioAnnotation(), { speakerNames: { A: 'Host', B: 'Guest' } })).to.contain('<v Host>Hello');
  });

  it('sorts by start, leaves out empty segments, and writes hours past 99', () => {
    const vtt = toWebVTT(
      withSegments([
        { id: 'c', start: 360_000.5, end: 360_001, text: 'late' },
        { id: 'b', start: 2, end: 3, text: '  \n ' },
        { id: 'a', start: 0.0004, end: 1, text: 'early' },
        { id: 'd', start: 5, end: 5.0001, text: 'too short once rounded' },
      ]),
    );
    expect(vtt).to.equal('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nearly\n\n100:00:00.500 --> 100:00:01.000\nlate\n');
  });

  it('escapes hostile text and speaker names, drops blank lines and defuses -->', () => {
    const vtt = toWebVTT(
      withSegments([{ id: 'a', start: 1, end: 2, speaker: 'S', text: 'a --> b\r\n\r\n\n  c & <i>d</i> </v>\n\n' }]),
      { speakerNames: { S: 'x>y &z\n<v Evil>' } },
    );
    expect(vtt).to.equal(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v x&gt;y &amp;z &lt;v Evil&gt;>a --&gt; b\nc &amp; &lt;i&gt;d&lt;/i&gt; &lt;/v&gt;</v>\n',
    );
    expect(parseVTT(vtt)).to.deep.equal([
      { start: 1, end: 2, voice: 'x>y &z <v Evil>', text: 'a --> b\nc & <i>d</i> </v>' },
    ]);
  });

  it("is read back by the browser's own WebVTT parser, voices and escapes included", async function () {
    if (typeof document === 'undefined') this.skip(); // browsers only
    const annotation = audioAnnotation();
    annotation.result.segments.unshift({
      id: 'h',
      start: 0.5,
      end: 1,
      speaker: 'S',
      text: 'a --> b\n\nc & <i>d</i> </v>',
    });
    const vtt = toWebVTT(annotation, { speakerNames: { S: 'x>y &z\n<v Evil>' } });
    const video = document.createElement('video');
    const track = document.createElement('track');
    const url = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
    track.src = url;
    video.append(track);
    document.body.append(video);
    try {
      const loaded = new Promise((resolve, reject) => {
        track.addEventListener('load', resolve);
        track.addEventListener('error', reject);
      });
      track.track.mode = 'hidden';
      await loaded;
      const cues = [...(track.track.cues ?? [])] as VTTCue[];
      expect(cues.map((c) => [c.startTime, c.endTime, c.getCueAsHTML().textContent])).to.deep.equal([
        [0.5, 1, 'a --> b\nc & <i>d</i> </v>'],
        [1.25, 4.8, 'Hello and welcome [laughs]'],
        [4.8, 9.001, 'Thanks 👋'],
      ]);
      const voice = cues[0]!.getCueAsHTML().firstChild as HTMLElement;
      expect(voice.title).to.equal('x>y &z <v Evil>');
      expect(voice.querySelector('*')).to.equal(null);
    } finally {
      video.remove();
      URL.revokeObjectURL(url);
    }
  });

  it('round-trips times to the millisecond and text up to blank lines (property)', () => {
    const segment = fc
      .record({
        start: fc.integer({ min: 0, max: 604_800_000 }),
        length: fc.integer({ min: 1, max: 3_600_000 }),
        speaker: fc.option(fc.constantFrom('A', 'B b', 'C&<>'), { nil: undefined }),
        text: fc.string({ minLength: 1 }),
      })
      .map(({ start, length, speaker, text }) => ({
        id: 's',
        start: start / 1000,
        end: (start + length) / 1000,
        text,
        ...(speaker ? { speaker } : {}),
      }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const cues = parseVTT(toWebVTT(withSegments(segments)));
        const kept = segments
          .map((s) => ({
            s,
            lines: s.text
              .split(/\r\n|\r|\n/)
              .map((l) => l.trim())
              .filter((l) => l !== ''),
          }))
          .filter((k) => k.lines.length > 0)
          .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end);
        expect(cues).to.have.length(kept.length);
        cues.forEach((cue, i) => {
          const { s, lines } = kept[i]!;
          expect(cue.start).to.be.closeTo(s.start, 1e-6);
          expect(cue.end).to.be.closeTo(s.end, 1e-6);
          expect(cue.text).to.equal(lines.join('\n'));
          expect(cue.voice).to.equal(s.speaker?.replace(/\s+/g, ' '));
        });
      }),
    );
  });

  it('formats timestamps', () => {
    expect(formatTimestamp(0, '.')).to.equal('00:00:00.000');
    expect(formatTimestamp(3_723_004, ',')).to.equal('01:02:03,004');
  });

  it('throws for other kinds', () => {
    expect(() => toWebVTT(imageAnnotation())).to.throw(TypeError, /audio annotation/);
  });
});
