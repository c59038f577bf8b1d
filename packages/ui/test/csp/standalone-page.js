// Plain JavaScript (nothing to compile): mounts each standalone widget, answers, submits, reports.
/* global OffscreenCanvas */
const report = window.__tagwerkReport;
const results = {};

function mount(tag, task) {
  const el = document.createElement(tag);
  el.autosave = 'off';
  el.task = task;
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('tagwerk-ready', resolve, { once: true });
    el.addEventListener('tagwerk-error', (e) => reject(new Error(e.detail.message)), { once: true });
  });
  document.getElementById('widgets').append(el);
  return ready.then(() => el);
}

async function run(name, fn) {
  try {
    results[name] = await fn();
  } catch (error) {
    results[name] = 'failed: ' + (error && error.message);
  }
}

await run('text-rater global', async () =>
  window.Tagwerk && window.Tagwerk.TextRater ? 'ok' : 'no Tagwerk.TextRater global',
);
await run('text-rater', async () => {
  const el = await mount('tagwerk-text-rater', {
    id: 'standalone-text',
    kind: 'text',
    instructions: 'Rate **this** answer. [Docs](https://example.org)',
    record: {
      prompt: 'Say hi',
      responses: [
        { id: 'r1', text: '# Hello\n\n- a list\n\n`code`' },
        { id: 'r2', text: 'Hi' },
      ],
      text: 'Ada 👩‍💻 met José.',
    },
    questions: [
      { id: 'q', type: 'rating', label: 'Quality', required: true, scale: { min: 1, max: 5 } },
      { id: 'order', type: 'ranking', label: 'Order', items: 'responses' },
      { id: 'who', type: 'spans', label: 'People', field: 'text', labels: [{ id: 'PER', name: 'Person' }] },
    ],
  });
  el.shadowRoot.querySelector('[data-question="q"] input[type="radio"]').click();
  // The internal field elements must be in the bundle (a bundler may drop side-effect imports).
  for (const tag of ['tagwerk-ranking-field', 'tagwerk-spans-field']) {
    const field = el.shadowRoot.querySelector(tag);
    if (!field || !field.shadowRoot) return tag + ' is not defined by the bundle';
  }
  const annotation = await el.submit();
  return annotation.result.answers.q === 1 ? 'ok' : 'wrong answer ' + JSON.stringify(annotation.result);
});

await run('image-labeler global', async () =>
  window.Tagwerk && window.Tagwerk.ImageLabeler ? 'ok' : 'no Tagwerk.ImageLabeler global',
);
await run('image-labeler', async () => {
  const canvas = new OffscreenCanvas(640, 480);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c8d8e8';
  ctx.fillRect(0, 0, 640, 480);
  const url = URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
  const el = await mount('tagwerk-image-labeler', {
    id: 'standalone-image',
    kind: 'image',
    image: { url, alt: 'test' },
    labels: [{ id: 'car', name: 'Car' }],
    tools: ['bbox', 'polygon'],
  });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  if (el.shadowRoot.querySelectorAll('[part="stage"] canvas').length < 2) return 'no canvases on the stage';
  const annotation = await el.submit();
  return annotation.result.image.width === 640 ? 'ok' : 'wrong image size';
});

await run('audio-transcriber global', async () =>
  window.Tagwerk && window.Tagwerk.AudioTranscriber ? 'ok' : 'no Tagwerk.AudioTranscriber global',
);
await run('audio-transcriber', async () => {
  // One second of a 440 Hz tone, 8 kHz 16-bit mono PCM, decoded in the page (no waveform file).
  const rate = 8000;
  const samples = rate;
  const bytes = new DataView(new ArrayBuffer(44 + samples * 2));
  const ascii = (at, text) => [...text].forEach((c, i) => bytes.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  bytes.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  bytes.setUint32(16, 16, true);
  bytes.setUint16(20, 1, true);
  bytes.setUint16(22, 1, true);
  bytes.setUint32(24, rate, true);
  bytes.setUint32(28, rate * 2, true);
  bytes.setUint16(32, 2, true);
  bytes.setUint16(34, 16, true);
  ascii(36, 'data');
  bytes.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++)
    bytes.setInt16(44 + i * 2, Math.round(16000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  const url = URL.createObjectURL(new Blob([bytes.buffer], { type: 'audio/wav' }));
  const el = await mount('tagwerk-audio-transcriber', {
    id: 'standalone-audio',
    kind: 'audio',
    audio: { url },
    speakers: [{ id: 'A', name: 'Anna', color: '#1f77b4' }],
    tags: ['[laughs]'],
    prefill: [{ id: 'p1', start: 0.1, end: 0.6, speaker: 'A', text: 'hi' }],
  });
  if (!el.shadowRoot.querySelector('.zoomview canvas')) return 'no waveform canvas';
  const annotation = await el.submit();
  URL.revokeObjectURL(url);
  return annotation.result.segments[0].text === 'hi' && annotation.result.duration === 1 ? 'ok' : 'wrong result';
});

await new Promise((resolve) => setTimeout(resolve, 100)); // violation events are dispatched asynchronously
window.parent.postMessage(
  { type: 'tagwerk-csp-report', results, violations: report.violations, errors: report.errors },
  location.origin,
);
