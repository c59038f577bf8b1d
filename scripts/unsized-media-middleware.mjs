// Serves /__tagwerk/unsized.wav: a WAV streamed without Content-Length and without byte ranges,
// as some proxies and dynamic endpoints do. Chromium then reports duration Infinity and cannot
// seek; the audio transcriber's fallback (download once, play from memory) is tested against it.
import { Readable } from 'node:stream';

/** `seconds` of 8 kHz 16-bit mono PCM: a 440 Hz tone in the first and last third (as test/audio-fixtures.ts). */
function toneWav(seconds) {
  const rate = 8000;
  const count = Math.round(seconds * rate);
  const buffer = Buffer.alloc(44 + count * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + count * 2, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(count * 2, 40);
  for (let i = 0; i < count; i++) {
    const third = Math.floor((3 * i) / count);
    const v = third === 1 ? 0 : 0.8 * Math.sin((2 * Math.PI * 440 * i) / rate);
    buffer.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), 44 + i * 2);
  }
  return buffer;
}

/** Koa middleware for the test runner's `middleware` list (it runs before the static files). */
export async function unsizedMediaMiddleware(ctx, next) {
  if (ctx.path !== '/__tagwerk/unsized.wav') return next();
  const wav = toneWav(Number(ctx.query.seconds ?? 3));
  ctx.type = 'audio/wav';
  // Two chunks from a stream: Koa sends them chunked, with no length and no Accept-Ranges.
  ctx.body = Readable.from([wav.subarray(0, 1000), wav.subarray(1000)]);
}
