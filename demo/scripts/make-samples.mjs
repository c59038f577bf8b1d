#!/usr/bin/env node
// Generates the demo's sample media into demo/public/samples/ (committed; nothing is downloaded at
// run time): flat-colour PNG scenes drawn from scenes.mjs with a minimal indexed-PNG encoder, and
// 16 kHz mono WAV speech from espeak-ng (two voices for two speakers; tones when espeak-ng is
// missing) with a precomputed waveform in audiowaveform's JSON format.
//
//   node demo/scripts/make-samples.mjs              write every sample
//   node demo/scripts/make-samples.mjs radio …      write only the named samples (others untouched)
//   node demo/scripts/make-samples.mjs --geometry   print the objects and speech timings as JSON
//
// Only Node built-ins are used. Deterministic: the same bytes on every run (given espeak-ng 1.51).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { SCENES } from './scenes.mjs';

const OUT = new URL('../public/samples/', import.meta.url).pathname;

// ---------------------------------------------------------------------------------------------
// PNG: 8-bit indexed colour, filter type 0 on every row (the spec's advice for palette images;
// flat colours leave long runs that deflate shrinks to almost nothing).

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes `pixels` (one palette index per pixel, row-major) as an indexed PNG. */
export function encodePng(width, height, pixels, palette) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (indexed), deflate, filter, no interlace
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((hex, i) => {
    for (let k = 0; k < 3; k++) plte[i * 3 + k] = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  });
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// A tiny rasteriser: no anti-aliasing (flat colours compress best); pixel centres are sampled.

class Canvas {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height);
    this.palette = [];
  }

  index(color) {
    let i = this.palette.indexOf(color);
    if (i < 0) {
      if (this.palette.length === 256) throw new Error('more than 256 colours');
      i = this.palette.push(color) - 1;
    }
    return i;
  }

  span(y, xa, xb, c) {
    if (y < 0 || y >= this.height) return;
    const x0 = Math.max(0, Math.ceil(xa - 0.5));
    const x1 = Math.min(this.width, Math.ceil(xb - 0.5));
    if (x1 > x0) this.pixels.fill(c, y * this.width + x0, y * this.width + x1);
  }

  rect({ x0, y0, x1, y1, color }) {
    const c = this.index(color);
    for (let y = Math.max(0, Math.ceil(y0 - 0.5)); y < Math.min(this.height, Math.ceil(y1 - 0.5)); y++)
      this.span(y, x0, x1, c);
  }

  circle({ cx, cy, r, color }) {
    const c = this.index(color);
    for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(this.height - 1, Math.ceil(cy + r)); y++) {
      const d = r * r - (y + 0.5 - cy) ** 2;
      if (d < 0) continue;
      const dx = Math.sqrt(d);
      this.span(y, cx - dx, cx + dx, c);
    }
  }

  poly({ points, color }) {
    const c = this.index(color);
    const ys = points.map((p) => p[1]);
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = top; y <= bottom; y++) {
      const yc = y + 0.5;
      const xs = [];
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i];
        const [bx, by] = points[(i + 1) % points.length];
        if (ay <= yc === by <= yc) continue;
        xs.push(ax + ((yc - ay) / (by - ay)) * (bx - ax));
      }
      xs.sort((a, b) => a - b);
      for (let i = 0; i + 1 < xs.length; i += 2) this.span(y, xs[i], xs[i + 1], c);
    }
  }

  line({ x0, y0, x1, y1, width, color }) {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const nx = (-(y1 - y0) / len) * (width / 2);
    const ny = ((x1 - x0) / len) * (width / 2);
    this.poly({
      points: [
        [x0 + nx, y0 + ny],
        [x1 + nx, y1 + ny],
        [x1 - nx, y1 - ny],
        [x0 - nx, y0 - ny],
      ],
      color,
    });
    this.circle({ cx: x0, cy: y0, r: width / 2, color });
    this.circle({ cx: x1, cy: y1, r: width / 2, color });
  }

  draw(op) {
    this[op.shape](op);
  }
}

function renderScene(scene) {
  const canvas = new Canvas(scene.width, scene.height);
  for (const op of scene.ops) canvas.draw(op);
  return encodePng(scene.width, scene.height, canvas.pixels, canvas.palette);
}

// ---------------------------------------------------------------------------------------------
// Audio

const RATE = 16_000;

/** Reads 16-bit PCM mono from a RIFF/WAVE file; returns samples and their rate. */
function readWav(buffer) {
  let offset = 12;
  let rate = 0;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('latin1', offset, offset + 4);
    let size = buffer.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (
        buffer.readUInt16LE(offset + 8) !== 1 ||
        buffer.readUInt16LE(offset + 10) !== 1 ||
        buffer.readUInt16LE(offset + 22) !== 16
      ) {
        throw new Error('expected 16-bit PCM mono');
      }
      rate = buffer.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      size = Math.min(size, buffer.length - offset - 8);
      const samples = new Float32Array(size >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = buffer.readInt16LE(offset + 8 + 2 * i) / 32768;
      return { samples, rate };
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error('no data chunk');
}

function writeWav(samples) {
  const out = Buffer.alloc(44 + samples.length * 2);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + samples.length * 2, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(RATE, 24);
  out.writeUInt32LE(RATE * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++)
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767))), 44 + 2 * i);
  return out;
}

/** Band-limited resampling with a Blackman-windowed sinc (cut-off just under the new Nyquist). */
function resample(input, from, to) {
  if (from === to) return input;
  const out = new Float32Array(Math.floor((input.length * to) / from));
  const ratio = from / to;
  const cutoff = (0.45 * Math.min(from, to)) / from; // cycles per input sample
  const half = 24;
  for (let n = 0; n < out.length; n++) {
    const t = n * ratio;
    const k0 = Math.floor(t);
    let sum = 0;
    for (let k = k0 - half + 1; k <= k0 + half; k++) {
      if (k < 0 || k >= input.length) continue;
      const d = t - k;
      const sinc = d === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * d) / (Math.PI * d);
      const w = 0.42 + 0.5 * Math.cos((Math.PI * d) / half) + 0.08 * Math.cos((2 * Math.PI * d) / half);
      sum += input[k] * sinc * w;
    }
    out[n] = sum;
  }
  return out;
}

/** Drops leading and trailing near-silence so segment times fit the speech tightly. */
function trim(samples) {
  const threshold = 0.01;
  let a = 0;
  let b = samples.length;
  while (a < b && Math.abs(samples[a]) < threshold) a++;
  while (b > a && Math.abs(samples[b - 1]) < threshold) b--;
  return samples.subarray(a, b);
}

const hasEspeak = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).status === 0;

function speak(text, voice, work) {
  if (!hasEspeak) {
    // No speech synthesiser: a gliding tone per word, so segments still have something to show.
    const words = text.split(/\s+/).length;
    const out = new Float32Array(Math.round(words * 0.32 * RATE));
    for (let i = 0; i < out.length; i++) {
      const word = Math.floor(i / (0.32 * RATE));
      const f = voice.fallbackHz * (1 + 0.08 * (word % 3));
      out[i] = 0.3 * Math.sin((2 * Math.PI * f * i) / RATE) * Math.min(1, ((i % (0.32 * RATE)) / (0.32 * RATE)) * 8);
    }
    return out;
  }
  const file = join(work, 'utterance.wav');
  const result = spawnSync('espeak-ng', [
    '-v',
    voice.name,
    '-s',
    String(voice.speed),
    '-p',
    String(voice.pitch),
    '-w',
    file,
    text,
  ]);
  if (result.status !== 0) throw new Error(`espeak-ng failed: ${result.stderr}`);
  const { samples, rate } = readWav(readFileSync(file));
  return trim(resample(samples, rate, RATE));
}

/** A seeded generator in [0, 1): the same "random" noise on every run. */
function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/**
 * Sounds that are not speech, for segment labels: `jingle` (a few notes with overtones, like a
 * radio station's), `noise` (a filtered rumble, like something dropped near the microphone).
 */
function sound(kind, seconds) {
  const out = new Float32Array(Math.round(seconds * RATE));
  if (kind === 'jingle') {
    const notes = [523.25, 659.25, 783.99, 1046.5];
    const noteLength = out.length / notes.length;
    for (let i = 0; i < out.length; i++) {
      const n = Math.min(notes.length - 1, Math.floor(i / noteLength));
      const t = (i % noteLength) / RATE;
      const f = notes[n];
      const envelope = Math.min(1, t * 60) * Math.exp(-t * 3);
      out[i] = 0.3 * envelope * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t));
    }
  } else if (kind === 'noise') {
    const random = seeded(11);
    let low = 0;
    for (let i = 0; i < out.length; i++) {
      const t = i / RATE;
      low += 0.08 * (random() - 0.5 - low);
      out[i] = 6 * low * Math.min(1, t * 40) * Math.exp(-t * 2.5);
    }
  } else {
    throw new Error(`unknown sound ${kind}`);
  }
  return out;
}

/**
 * Speaks `turns` one after another with pauses (a turn may be a `sound` instead of speech);
 * returns the samples and each turn's times.
 */
function dialogue(turns, voices, work) {
  const pieces = [];
  const timings = [];
  let at = Math.round(0.6 * RATE);
  pieces.push(new Float32Array(at));
  for (const turn of turns) {
    const speech = turn.sound ? sound(turn.sound, turn.seconds) : speak(turn.say, voices[turn.speaker], work);
    pieces.push(speech);
    timings.push({
      ...(turn.sound ? { sound: turn.sound } : { speaker: turn.speaker }),
      start: +(at / RATE).toFixed(3),
      end: +((at + speech.length) / RATE).toFixed(3),
      ...(turn.say ? { say: turn.say } : {}),
    });
    at += speech.length;
    const pause = Math.round((turn.pause ?? 0.55) * RATE);
    pieces.push(new Float32Array(pause));
    at += pause;
  }
  const out = new Float32Array(at);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  // A faint, seeded noise floor: real recordings are never digitally silent.
  let seed = 7;
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = out[i] * 0.9 + (seed / 0x7fffffff - 0.5) * 0.002;
  }
  return { samples: out, timings, duration: +(out.length / RATE).toFixed(3) };
}

/** Peaks in audiowaveform's JSON format (version 2, 8-bit, 256 samples per pixel). */
function waveform(samples) {
  const perPixel = 256;
  const length = Math.ceil(samples.length / perPixel);
  const data = [];
  for (let p = 0; p < length; p++) {
    let min = 0;
    let max = 0;
    for (let i = p * perPixel; i < Math.min(samples.length, (p + 1) * perPixel); i++) {
      min = Math.min(min, samples[i]);
      max = Math.max(max, samples[i]);
    }
    data.push(Math.max(-128, Math.round(min * 128)), Math.min(127, Math.round(max * 128)));
  }
  return { version: 2, channels: 1, sample_rate: RATE, samples_per_pixel: perPixel, bits: 8, length, data };
}

const VOICES = {
  host: { name: 'en-us+m3', speed: 165, pitch: 40, fallbackHz: 180 },
  guest: { name: 'en-gb+f3', speed: 160, pitch: 60, fallbackHz: 260 },
  caller: { name: 'en-us+f2', speed: 160, pitch: 55, fallbackHz: 240 },
  presenter: { name: 'en-gb+m4', speed: 160, pitch: 45, fallbackHz: 200 },
  moderatorin: { name: 'de+f3', speed: 155, pitch: 60, fallbackHz: 250 },
  gast: { name: 'de+m3', speed: 150, pitch: 40, fallbackHz: 170 },
  sprecher: { name: 'ar+m3', speed: 145, pitch: 45, fallbackHz: 190 },
};

const AUDIO = {
  interview: [
    {
      speaker: 'host',
      say: 'Welcome back to the show. Today we talk about the people who label data for machine learning.',
    },
    { speaker: 'guest', say: 'Ha ha. Thanks for having me. It is careful, patient work, one small task at a time.' },
    { speaker: 'host', say: 'So what makes a good transcript?' },
    { speaker: 'guest', say: 'The right words, clear speaker turns, and honest tags when something is hard to hear.' },
  ],
  voicemail: [
    { speaker: 'caller', say: 'Hi, this is Maria from the front desk.' },
    { speaker: 'caller', say: 'Your appointment has been moved to Thursday at ten thirty.' },
    { speaker: 'caller', say: 'Please bring your insurance card, and arrive fifteen minutes early.' },
    { speaker: 'caller', say: 'Call us back at five five five, zero one nine two. Thanks, bye!' },
  ],
  // Speech, music and noise for segment labels and non-speech tags.
  radio: [
    { sound: 'jingle', seconds: 1.6, pause: 0.4 },
    { speaker: 'presenter', say: 'Good morning, this is the traffic report.', pause: 0.3 },
    { sound: 'noise', seconds: 1.2, pause: 0.3 },
    { speaker: 'presenter', say: 'Ha ha, sorry, I dropped my cup. The roads are clear this morning.', pause: 0.4 },
    { sound: 'jingle', seconds: 1.2 },
  ],
  // German, for the German stories and the German interface.
  gespraech: [
    { speaker: 'moderatorin', say: 'Guten Morgen und willkommen zu unserer Sendung über Datenarbeit.' },
    { speaker: 'gast', say: 'Danke für die Einladung. Ich schreibe jeden Tag Aufnahmen ab.' },
    { speaker: 'moderatorin', say: 'Was ist dabei am schwierigsten?' },
    { speaker: 'gast', say: 'Wenn zwei Leute gleichzeitig sprechen.' },
  ],
  // Arabic, for the right-to-left stories.
  'news-ar': [
    { speaker: 'sprecher', say: 'مرحبًا بكم في نشرة الأخبار.' },
    { speaker: 'sprecher', say: 'الطقس اليوم مشمس وجميل.' },
  ],
};

// ---------------------------------------------------------------------------------------------

/** Formats JSON as the repository's Prettier would (when it is installed), so `prettier --check` stays clean. */
async function prettyJson(value, file) {
  const text = JSON.stringify(value);
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    return `${text}\n`;
  }
}

const geometryOnly = process.argv.includes('--geometry');
/** Sample names given on the command line: only those are written (all when none are given). */
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const wanted = (name) => only.length === 0 || only.includes(name);
mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'tagwerk-samples-'));
const geometry = { images: {}, audio: {} };
try {
  for (const make of Object.values(SCENES)) {
    const scene = make();
    geometry.images[scene.name] = {
      width: scene.width,
      height: scene.height,
      objects: scene.objects,
      regions: scene.regions,
    };
    if (geometryOnly || !wanted(scene.name)) continue;
    const png = renderScene(scene);
    writeFileSync(join(OUT, `${scene.name}.png`), png);
    console.error(`${scene.name}.png  ${scene.width}×${scene.height}  ${(png.length / 1024).toFixed(1)} KiB`);
  }
  for (const [name, turns] of Object.entries(AUDIO)) {
    const { samples, timings, duration } = dialogue(turns, VOICES, work);
    geometry.audio[name] = { duration, timings, synthesised: hasEspeak ? 'espeak-ng' : 'tones' };
    if (geometryOnly || !wanted(name)) continue;
    const wav = writeWav(samples);
    writeFileSync(join(OUT, `${name}.wav`), wav);
    const peaksFile = join(OUT, `${name}.waveform.json`);
    writeFileSync(peaksFile, await prettyJson(waveform(samples), peaksFile));
    console.error(
      `${name}.wav  ${duration} s  ${(wav.length / 1024).toFixed(1)} KiB${hasEspeak ? '' : ' (tones: espeak-ng not found)'}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (geometryOnly) console.log(JSON.stringify(geometry, null, 2));
