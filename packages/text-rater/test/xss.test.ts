/**
 * Every string of a task is hostile. This renders a corpus of classic XSS vectors — script and
 * event-handler injection, `javascript:`/`data:` URLs (plain, mixed case, entity-encoded),
 * SVG/MathML namespace tricks and mutation XSS, CSS injection, form and frame elements,
 * template-injection strings, and the label/data-field payloads of published annotation-tool
 * advisories — through every string field of a text task, and asserts that nothing executes and
 * no dangerous element, attribute or URL survives anywhere in the widget's DOM.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TextTask } from '@tagwerk/core';
import type { TagwerkTextRater } from '../src/index.js';
import '../src/index.js';

const CALL = 'window.__xss(1)';
export const PAYLOADS = [
  `<script>${CALL}</script>`,
  `<img src=x onerror=${CALL}>`,
  `<img src="x" onerror="${CALL}" />`,
  `<svg onload=${CALL}>`,
  `<svg><script>${CALL}</script></svg>`,
  `<svg><animate onbegin=${CALL} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${CALL}"><text x=20 y=20>x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${CALL}>`,
  `<math href="javascript:${CALL}">x</math>`,
  `<noscript><p title="</noscript><img src=x onerror=${CALL}>">`,
  `<iframe src="javascript:${CALL}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss(1)</script>"></iframe>`,
  `<object data="javascript:${CALL}"></object>`,
  `<embed src="data:text/html,<script>parent.__xss(1)</script>">`,
  `<a href="javascript:${CALL}">click</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMSk8L3NjcmlwdD4=">x</a>`,
  `[click](javascript:${CALL})`,
  `[click](JaVaScRiPt:${CALL})`,
  `[click](javascript&colon;${CALL})`,
  `[click](&#106;avascript:${CALL})`,
  `[click](java\tscript:${CALL})`,
  `[click](data:text/html,<script>parent.__xss(1)</script>)`,
  `![x](javascript:${CALL})`,
  `![x](x" onerror="${CALL})`,
  `![x](data:image/svg+xml,<svg onload=parent.__xss(1)>)`,
  `<details open ontoggle=${CALL}>`,
  `<body onload=${CALL}>`,
  `<input autofocus onfocus=${CALL}>`,
  `<form action="javascript:${CALL}"><button>send</button></form>`,
  `<button formaction="javascript:${CALL}">x</button>`,
  `<style>*{display:none} @import 'https://evil.invalid/x.css';</style>`,
  `<div style="background:url(javascript:${CALL})">x</div>`,
  `<x onmouseover=${CALL}>hover</x>`,
  `<marquee onstart=${CALL}>`,
  `<video><source onerror=${CALL}></video>`,
  `<audio src=x onerror=${CALL}>`,
  `<base href="javascript:${CALL}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${CALL}">`,
  `<link rel=stylesheet href="https://evil.invalid/x.css">`,
  `<template><img src=x onerror=${CALL}></template>`,
  `<slot name=x onclick=${CALL}>`,
  `<table background="javascript:${CALL}">`,
  `"><script>${CALL}</script>`,
  `'><img src=x onerror=${CALL}>`,
  `<<script>${CALL}//<</script>`,
  `<scr<script>ipt>${CALL}</script>`,
  `<ScRiPt>${CALL}</ScRiPt>`,
  `%3Cscript%3E${CALL}%3C/script%3E`,
  `\${${CALL}}`,
  `{{constructor.constructor('${CALL}')()}}`,
  `<img src=1 onerror=${CALL}><b>label</b>`,
  `<a href="#" onclick="${CALL}">label</a>`,
  `<div id="__proto__" name="constructor">clobber</div>`,
  `<form id="test"><input name="attributes"></form>`,
];

const SAFE_URL = 'https://example.org/page';

function hostileTask(payload: string, id: string): TextTask {
  return {
    id,
    kind: 'text',
    title: payload,
    instructions: payload,
    record: {
      prompt: payload,
      conversation: [
        { role: 'user', text: payload },
        { role: 'assistant', text: payload, format: 'markdown' },
        { role: 'system', text: payload, format: 'plain' },
      ],
      responses: [
        { id: 'r1', text: payload, format: 'markdown', label: payload },
        { id: 'r2', text: payload, format: 'plain', label: payload },
      ],
      query: payload,
      results: [{ id: 'res-1', title: payload, url: SAFE_URL, snippet: payload }],
      text: payload,
    },
    questions: [
      {
        id: 'q-rate',
        type: 'rating',
        label: payload,
        description: payload,
        target: 'r1',
        scale: { min: 1, max: 3, labels: { '1': payload, '3': payload } },
      },
      {
        id: 'q-choice',
        type: 'choice',
        label: payload,
        description: payload,
        options: [{ id: 'o1', label: payload, description: payload }],
      },
      { id: 'q-text', type: 'text', label: payload, description: payload },
      { id: 'q-pair', type: 'pairwise', label: payload, pair: ['r1', 'r2'], allowTie: true, strength: true },
      { id: 'q-rank', type: 'ranking', label: payload, items: 'responses' },
      { id: 'q-rel', type: 'relevance', label: payload, scale: { min: 0, max: 2, labels: { '0': payload } } },
      { id: 'q-spans', type: 'spans', label: payload, field: 'text', labels: [{ id: 'L1', name: payload }] },
    ],
  };
}

const hits: string[] = [];
const DANGEROUS_ELEMENTS =
  'script, iframe, frame, object, embed, form, style, base, meta, link, template, slot, svg script, foreignObject, math, noscript, marquee, video, audio, input, button[formaction]';

/** Every element of the widget, across nested shadow roots (spans and ranking fields). */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...deepElements(element.shadowRoot));
  }
  return out;
}

function assertInert(el: TagwerkTextRater, payload: string): void {
  const elements = deepElements(el.shadowRoot!);
  for (const element of elements) {
    const attributes = [...element.attributes].map((a) => a.name.toLowerCase());
    expect(
      attributes.filter((a) => a.startsWith('on')),
      `${payload} → <${element.localName}>`,
    ).to.deep.equal([]);
    // Rendered content never carries inline styles (the widget's own code may set CSSOM styles).
    if (element.closest('.md'))
      expect(attributes.includes('style'), `${payload} → style on <${element.localName}>`).to.equal(false);
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'data', 'srcdoc']) {
      const value = (element.getAttribute(name) ?? '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      expect(
        /^(javascript|vbscript|data:text)/.test(value),
        `${payload} → ${name}="${value}" on <${element.localName}>`,
      ).to.equal(false);
    }
  }
  for (const root of [el.shadowRoot!, ...elements.filter((e) => e.shadowRoot).map((e) => e.shadowRoot!)]) {
    // Inputs belong to the widget's own controls; from content they are refused inside `.md`.
    const bad = [...root.querySelectorAll(DANGEROUS_ELEMENTS)].filter(
      (e) => e.localName !== 'input' || e.closest('.md'),
    );
    expect(
      bad.map((e) => e.localName),
      payload,
    ).to.deep.equal([]);
  }
}

/** Lets every image in the widget load or fail, so an `onerror` would have run by now. */
async function settle(el: TagwerkTextRater): Promise<void> {
  const images = deepElements(el.shadowRoot!).filter((e): e is HTMLImageElement => e instanceof HTMLImageElement);
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

describe('<tagwerk-text-rater> with hostile task content', () => {
  before(() => {
    const w = window as unknown as Record<string, unknown>;
    w['__xss'] = (n: number) => hits.push(`__xss(${n})`);
    for (const name of ['alert', 'confirm', 'prompt']) w[name] = () => hits.push(name);
  });

  it('has a corpus of known vectors', () => {
    expect(PAYLOADS.length).to.be.greaterThan(50);
  });

  it('renders every payload in every string field as inert text', async function () {
    this.timeout(120_000);
    for (const [i, payload] of PAYLOADS.entries()) {
      const el = document.createElement('tagwerk-text-rater');
      el.autosave = 'off';
      el.task = hostileTask(payload, `xss-${i}`);
      const outcome = Promise.race([
        oneEvent(el, 'tagwerk-ready').then(() => 'ready'),
        oneEvent(el, 'tagwerk-error').then((e) => `error: ${(e as CustomEvent<{ message: string }>).detail.message}`),
      ]);
      await fixture(html`<div>${el}</div>`);
      expect(await outcome, payload).to.equal('ready');
      await el.updateComplete;
      await settle(el);
      assertInert(el, payload);
      expect(hits, payload).to.deep.equal([]);
      // The payload is still there, as text: the worker sees what the task said.
      expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.equal(payload.trim());
    }
  });

  it('refuses hostile URLs with an error state that shows them as text', async () => {
    for (const url of [
      'javascript:window.__xss(2)',
      ' JaVa\tScRiPt:window.__xss(2)',
      'data:text/html,<script>parent.__xss(2)</script>',
      'vbscript:msgbox(1)',
    ]) {
      const task = hostileTask('x', `xss-url-${url.length}`);
      task.record.results![0]!.url = url;
      const el = document.createElement('tagwerk-text-rater');
      const error = oneEvent(el, 'tagwerk-error');
      el.task = task;
      await fixture(html`<div>${el}</div>`);
      expect((await error).detail.code).to.equal('task-invalid');
      await el.updateComplete;
      assertInert(el, url);
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('/record/results/0/url');
    }
    expect(hits).to.deep.equal([]);
  });
});
