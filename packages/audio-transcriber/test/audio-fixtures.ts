/**
 * Test audio made on the spot: a 16-bit mono PCM WAV (tone, silence, tone) and the audiowaveform
 * JSON (version 2, 8-bit min/max pairs) that matches it, both as blob URLs.
 */
export interface ToneFixture {
  wavUrl: string;
  waveformUrl: string;
  waveform: {
    version: 2;
    channels: 1;
    sample_rate: number;
    samples_per_pixel: number;
    bits: 8;
    length: number;
    data: number[];
  };
  duration: number;
  revoke(): void;
}

/** Samples of `seconds` at `rate`: 440 Hz tone in the first and last third, silence between. */
function samples(seconds: number, rate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) {
    const third = Math.floor((3 * i) / out.length);
    out[i] = third === 1 ? 0 : 0.8 * Math.sin((2 * Math.PI * 440 * i) / rate);
  }
  return out;
}

/** A RIFF/WAVE file, PCM 16-bit mono. */
export function wavBytes(pcm: Float32Array, rate: number): ArrayBuffer {
  const buffer = new ArrayBuffer(44 + pcm.length * 2);
  const v = new DataView(buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) v.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + pcm.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, pcm.length * 2, true);
  for (let i = 0; i < pcm.length; i++)
    v.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, pcm[i]!)) * 32767), true);
  return buffer;
}

/** audiowaveform JSON: per block of `scale` samples, the 8-bit min and max. */
export function waveformJson(pcm: Float32Array, rate: number, scale: number): ToneFixture['waveform'] {
  const length = Math.ceil(pcm.length / scale);
  const data: number[] = [];
  for (let block = 0; block < length; block++) {
    let min = 0;
    let max = 0;
    for (let i = block * scale; i < Math.min(pcm.length, (block + 1) * scale); i++) {
      min = Math.min(min, pcm[i]!);
      max = Math.max(max, pcm[i]!);
    }
    data.push(Math.max(-128, Math.round(min * 128)), Math.min(127, Math.round(max * 127)));
  }
  return { version: 2, channels: 1, sample_rate: rate, samples_per_pixel: scale, bits: 8, length, data };
}

/** The tone fixture: `seconds` of audio at `rate` Hz and its waveform at 64 samples per pixel. */
export function toneFixture(seconds = 3, rate = 8000): ToneFixture {
  const pcm = samples(seconds, rate);
  const waveform = waveformJson(pcm, rate, 64);
  const wavUrl = URL.createObjectURL(new Blob([wavBytes(pcm, rate)], { type: 'audio/wav' }));
  const waveformUrl = URL.createObjectURL(new Blob([JSON.stringify(waveform)], { type: 'application/json' }));
  return {
    wavUrl,
    waveformUrl,
    waveform,
    duration: pcm.length / rate,
    revoke: () => {
      URL.revokeObjectURL(wavUrl);
      URL.revokeObjectURL(waveformUrl);
    },
  };
}
