/**
 * The host-style promise: a page's CSS reaches a widget only through the documented
 * `--tagwerk-*` custom properties, `::part()`s and rules on the host element itself, never by
 * inheritance. Each widget is mounted twice with the same task, in a plain container and inside
 * a hostile `#root` (every inherited property this Chromium implements at an odd value, under
 * `<a href><u>`, with global element rules), and the two shadow trees must match: every
 * inherited property of every element (fields' shadow roots and pseudo-elements included) and
 * the size and offset of every `[part]`.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { AudioTask, ImageTask, TextTask } from '@tagwerk/core';
import { toneFixture, type ToneFixture } from '../../audio-transcriber/test/audio-fixtures.js';
import { nerTask, rankingTask, rubricTask } from '../../text-rater/test/fixtures.js';
import type { TagwerkWidget } from '../src/index.js';
import '../../text-rater/src/index.js';
import '../../image-labeler/src/index.js';
import '../../audio-transcriber/src/index.js';
import { gridImageUrl as imageUrl } from '../../image-labeler/test/image-fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any widget, whatever its messages
type AnyWidget = TagwerkWidget<any, any>;

/**
 * The inherited longhands of Chromium 156 (`probeInherited` finds them; the first test fails,
 * naming it, when a newer Chromium adds one). Prefixed aliases that share their standard
 * property's value (-webkit-writing-mode, -webkit-line-break, …) are listed too: they are compared.
 */
const INHERITED = `accent-color app-region border-collapse caption-side caret-animation caret-color caret-shape
  clip-rule color color-interpolation color-interpolation-filters color-rendering color-scheme cursor
  direction dominant-baseline dynamic-range-limit empty-cells fill fill-opacity fill-rule font-family
  font-feature-settings font-kerning font-language-override font-optical-sizing font-palette font-size
  font-size-adjust font-stretch font-style font-synthesis-small-caps font-synthesis-style
  font-synthesis-weight font-variant font-variant-alternates font-variant-caps font-variant-east-asian
  font-variant-emoji font-variant-ligatures font-variant-numeric font-variant-position
  font-variation-settings font-weight forced-color-adjust hyphenate-character hyphenate-limit-chars hyphens
  image-orientation image-rendering interactivity interpolate-size letter-spacing line-break line-height
  list-style-image list-style-position list-style-type marker-end marker-mid marker-start math-depth
  math-shift math-style orphans overflow-wrap paint-order pointer-events print-color-adjust quotes
  ruby-align ruby-overhang ruby-position scrollbar-color shape-rendering speak stroke stroke-dasharray
  stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width tab-size
  text-align text-align-last text-anchor text-autospace text-box-edge text-combine-upright
  text-decoration-skip-ink text-emphasis-color text-emphasis-position text-emphasis-style text-indent
  text-justify text-orientation text-rendering text-shadow text-size-adjust text-spacing-trim
  text-transform text-underline-offset text-underline-position text-wrap-mode text-wrap-style user-select
  visibility white-space-collapse widows word-break word-spacing writing-mode
  -webkit-border-horizontal-spacing -webkit-border-vertical-spacing -webkit-font-smoothing
  -webkit-line-break -webkit-locale -webkit-rtl-ordering -webkit-ruby-position -webkit-tap-highlight-color
  -webkit-text-combine -webkit-text-fill-color -webkit-text-orientation -webkit-text-security
  -webkit-text-stroke-color -webkit-text-stroke-width -webkit-user-modify -webkit-writing-mode`.split(/\s+/);

/**
 * Inherited on purpose, so the hostile root leaves them alone: the page decides the writing
 * direction (with `dir`, which the widget follows), the language (`lang`, whose CSS face is
 * -webkit-locale), whether a region is hidden, disabled or inert, and mobile font inflation.
 */
const KEPT = ['direction', '-webkit-locale', 'visibility', 'pointer-events', 'interactivity', 'text-size-adjust'];

/**
 * Not a property anyone can set, but Chromium's record of the text decorations propagated from
 * ancestors (`<u>`, `<a>`, `text-decoration` on a container): compared like an inherited one.
 */
const PROPAGATED = ['-webkit-text-decorations-in-effect'];

const COMPARED = [...INHERITED, ...PROPAGATED];

/** Every inherited property but the kept ones, at a value no widget would choose. */
const HOSTILE_ROOT = `
  accent-color: lime; app-region: drag; border-collapse: collapse; caption-side: bottom;
  caret-animation: manual; caret-color: red; caret-shape: underscore; clip-rule: evenodd;
  color: rgb(255, 0, 255); color-interpolation: linearRGB; color-interpolation-filters: sRGB;
  color-rendering: optimizeSpeed; color-scheme: dark; cursor: wait; dominant-baseline: hanging;
  dynamic-range-limit: standard; empty-cells: hide; fill: red; fill-opacity: 0.3; fill-rule: evenodd;
  font-family: fantasy; font-feature-settings: 'smcp' 1; font-kerning: none; font-language-override: 'TRK';
  font-optical-sizing: none; font-palette: dark; font-size: 37px; font-size-adjust: 0.9;
  font-stretch: ultra-condensed; font-style: italic; font-synthesis: none;
  font-variant-alternates: historical-forms; font-variant-caps: all-small-caps;
  font-variant-east-asian: full-width; font-variant-emoji: text; font-variant-ligatures: no-common-ligatures;
  font-variant-numeric: slashed-zero tabular-nums; font-variant-position: super;
  font-variation-settings: 'wght' 900; font-weight: 900; forced-color-adjust: none;
  hyphenate-character: '='; hyphenate-limit-chars: 3; hyphens: auto; image-orientation: none;
  image-rendering: pixelated; interpolate-size: allow-keywords; letter-spacing: 0.3em; line-break: anywhere;
  line-height: 3.7; list-style: upper-roman inside linear-gradient(red, blue); marker: url(#nowhere);
  math-depth: 3; math-shift: compact; math-style: compact; orphans: 7; overflow-wrap: anywhere;
  paint-order: stroke markers; print-color-adjust: exact; quotes: '«' '»'; ruby-align: center;
  ruby-overhang: none; ruby-position: under; scrollbar-color: red blue; shape-rendering: crispEdges;
  speak: none; stroke: red; stroke-dasharray: 3 1; stroke-dashoffset: 2; stroke-linecap: square;
  stroke-linejoin: bevel; stroke-miterlimit: 2; stroke-opacity: 0.5; stroke-width: 5px; tab-size: 17;
  text-align: center; text-align-last: right; text-anchor: middle; text-autospace: normal;
  text-box-edge: cap alphabetic; text-combine-upright: all; text-decoration-skip-ink: none;
  text-emphasis: filled sesame red; text-emphasis-position: under left; text-indent: 3em;
  text-justify: inter-character; text-orientation: upright; text-rendering: optimizeSpeed;
  text-shadow: 2px 2px 1px red; text-spacing-trim: space-all; text-transform: uppercase;
  text-underline-offset: 5px; text-underline-position: under right; text-wrap: nowrap balance;
  user-select: none; white-space-collapse: preserve; widows: 7; word-break: break-all; word-spacing: 1em;
  writing-mode: vertical-rl; border-spacing: 9px 11px; -webkit-font-smoothing: none;
  -webkit-rtl-ordering: visual; -webkit-tap-highlight-color: red; -webkit-text-fill-color: lime;
  -webkit-text-security: disc; -webkit-text-stroke: 1px red; -webkit-user-modify: read-write;
  text-decoration: underline overline wavy red;
`;

/** What a careless page or a framework template puts in its global stylesheet. */
const HOSTILE_PAGE = `
  :root { font-size: 30px; line-height: 4; }
  * { box-sizing: content-box !important; }
  body { font: italic 700 22px/3 serif; }
  button, input, select, textarea, summary {
    font: bold 28px/3 fantasy; padding: 1em; margin: 1em; border: 4px dashed red;
    text-transform: uppercase; letter-spacing: 0.5em; min-height: 90px;
  }
  h1, h2, h3, p, ul, ol, li, details, table, td, th, label, fieldset, legend, figure, pre, code {
    margin: 3em; padding: 2em; font-size: 2em; text-align: right;
  }
  ul, ol { list-style: square inside; }
  a { color: red !important; cursor: crosshair; }
  ::-webkit-scrollbar { width: 40px; height: 40px; }
  #root { ${HOSTILE_ROOT} }
`;

/** Property values an inherited property may take, to find the ones `INHERITED` lacks. */
const PROBE_VALUES = `none|auto|hidden|center|right|end|justify|2px|13px|0.3em|3|1.7|bold|700|italic|uppercase|pre|
  nowrap|break-all|anywhere|strict|collapse|bottom|hide|rtl|vertical-rl|sideways|upright|red|red blue|
  optimizeSpeed|pixelated|stroke|under|circle|inside|pointer|small-caps|condensed|"a" "b"|manual|"liga" 0|
  "wght" 500|0|1|dark|filled|inter-character|first|always|evenodd|round|bevel|visual|after|read-write|
  reverse|block|inert|standard|horizontal|compact|display|inline|text|normal|all|balance|preserve|
  break-spaces|exact|"x"|url(#a)|allow-keywords|space-all|trim-start|cap alphabetic|no-autospace|
  diagonal-fractions|historical-forms|full-width|super|linearRGB|crispEdges|hanging|middle|start|
  sub|spell-out|-webkit-match-parent|from-font|economy|visible|painted|fill`
  .split('|')
  .map((v) => v.trim());

/**
 * The longhands a child takes from its parent, among those not listed in `known`: for each, some
 * valid value that changes the parent is tried, and an inline and a block child must both follow.
 */
function probeInherited(known: Set<string>): string[] {
  const parent = document.createElement('div');
  const inline = document.createElement('span');
  const block = document.createElement('section');
  parent.append(inline, block);
  document.body.append(parent);
  const found: string[] = [];
  try {
    for (const prop of getComputedStyle(parent)) {
      if (prop.startsWith('--') || known.has(prop)) continue;
      parent.removeAttribute('style');
      const initial = getComputedStyle(parent).getPropertyValue(prop);
      for (const value of PROBE_VALUES) {
        parent.removeAttribute('style');
        parent.style.setProperty(prop, value);
        if (!parent.style.getPropertyValue(prop)) continue;
        const set = getComputedStyle(parent).getPropertyValue(prop);
        if (set === initial) continue;
        if (
          getComputedStyle(inline).getPropertyValue(prop) === set &&
          getComputedStyle(block).getPropertyValue(prop) === set
        ) {
          found.push(prop);
          break;
        }
      }
    }
  } finally {
    parent.remove();
  }
  return found;
}

interface Snapshot {
  /** Per element path (and pseudo-element), the compared properties' computed values. */
  styles: Map<string, string[]>;
  /** Per `[part]` path, its box relative to the host: x, y, width, height. */
  boxes: Map<string, number[]>;
}

function labelOf(el: Element, index: number): string {
  const part = el.getAttribute('part');
  const classes = [...el.classList]
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');
  return `${el.localName}${part ? `[part="${part}"]` : ''}${classes}:nth-child(${index})`;
}

/**
 * Computed styles of every element in the widget's shadow tree, nested shadow roots included
 * (only the `[part]` boxes when `boxesOnly`).
 */
function snapshot(host: AnyWidget, boxesOnly = false): Snapshot {
  const styles = new Map<string, string[]>();
  const boxes = new Map<string, number[]>();
  const origin = host.getBoundingClientRect();
  const read = (style: CSSStyleDeclaration): string[] => COMPARED.map((p) => style.getPropertyValue(p));
  const walk = (parent: ParentNode, path: string): void => {
    let index = 0;
    for (const el of parent.children) {
      index += 1;
      if (el.localName === 'style' || el.localName === 'template') continue;
      const key = `${path} > ${labelOf(el, index)}`;
      if (!boxesOnly) {
        const style = getComputedStyle(el);
        styles.set(key, read(style));
        for (const pseudo of ['::before', '::after']) {
          const ps = getComputedStyle(el, pseudo);
          if (ps.content !== 'none' && ps.content !== 'normal') styles.set(key + pseudo, read(ps));
        }
        if (style.display === 'list-item' || el.localName === 'summary') {
          styles.set(`${key}::marker`, read(getComputedStyle(el, '::marker')));
        }
        if (el.localName === 'input' || el.localName === 'textarea') {
          styles.set(`${key}::placeholder`, read(getComputedStyle(el, '::placeholder')));
        }
      }
      if (el.hasAttribute('part')) {
        const r = el.getBoundingClientRect();
        boxes.set(
          key,
          [r.x - origin.x, r.y - origin.y, r.width, r.height].map((n) => Math.round(n * 100) / 100),
        );
      }
      walk(el, key);
      if (el.shadowRoot) walk(el.shadowRoot, `${key} ::shadow-root`);
    }
  };
  walk(host.shadowRoot!, host.localName);
  boxes.set(
    host.localName,
    [0, 0, origin.width, origin.height].map((n) => Math.round(n * 100) / 100),
  );
  return { styles, boxes };
}

/**
 * Human-readable differences between two snapshots, the first `limit`: `[part]` boxes (what a
 * worker sees move), then structure, then per property the first element where it differs.
 */
function differences(clean: Snapshot, hostile: Snapshot, limit = 40): string[] {
  const out: string[] = [];
  for (const [key, box] of clean.boxes) {
    const other = hostile.boxes.get(key);
    if (other && other.some((n, i) => Math.abs(n - box[i]!) > 0.5)) {
      out.push(
        `${key} box [x, y, width, height]: [${box.join(', ')}] in a plain page, [${other.join(', ')}] in the hostile one`,
      );
    }
  }
  for (const key of clean.styles.keys()) if (!hostile.styles.has(key)) out.push(`${key}: missing in the hostile page`);
  for (const key of hostile.styles.keys()) if (!clean.styles.has(key)) out.push(`${key}: only in the hostile page`);
  COMPARED.forEach((prop, i) => {
    const where = [...clean.styles].filter(([key, values]) => {
      const other = hostile.styles.get(key);
      return other !== undefined && other[i] !== values[i];
    });
    if (!where.length) return;
    const [key, values] = where[0]!;
    const more = where.length > 1 ? ` (and ${where.length - 1} more elements)` : '';
    out.push(
      `${prop}: "${values[i]}" in a plain page, "${hostile.styles.get(key)![i]}" in the hostile one, on ${key}${more}`,
    );
  });
  if (out.length > limit) return [...out.slice(0, limit), `… and ${out.length - limit} more`];
  return out;
}

/** Resolves once every Lit element in the shadow tree (nested fields too) has rendered. */
async function settled(root: ParentNode): Promise<void> {
  for (const el of root.querySelectorAll('*')) {
    const lit = el as Partial<AnyWidget>;
    if (lit.updateComplete) await lit.updateComplete;
    if (el.shadowRoot) await settled(el.shadowRoot);
  }
}

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** What must be on screen before a widget is compared (a virtualized list renders its rows late). */
type Shown = (el: AnyWidget) => boolean;

/**
 * Mounts `tag` with `task` (900 px wide, no drafts) into `container`, resolving once it is ready,
 * `shown`, and laid out: resize observers (stage, waveform) refit in the frames after layout, so
 * its parts must have kept their boxes for two frames.
 */
async function mountIn(
  container: HTMLElement,
  tag: string,
  task: unknown,
  shown: Shown = () => true,
): Promise<AnyWidget> {
  const el = document.createElement(tag) as AnyWidget;
  el.autosave = 'off';
  el.task = task;
  el.style.width = '900px';
  const ready = oneEvent(el, 'tagwerk-ready');
  container.append(el);
  await ready;
  await el.updateComplete;
  let last = '';
  for (let stable = 0, frames = 0; stable < 2; frames += 1) {
    if (frames > 120) throw new Error(`<${tag}> did not settle in 120 frames`);
    await frame();
    await settled(el.shadowRoot!);
    const boxes = JSON.stringify([...snapshot(el, true).boxes]);
    stable = shown(el) && boxes === last ? stable + 1 : 0;
    last = boxes;
  }
  return el;
}

/** The value HOSTILE_ROOT gives a property ('' when it gives none). */
const hostileValue = (property: string): string =>
  new RegExp(`(?:^|[;\\s])${property.replace(/[-]/g, '\\-')}:\\s*([^;]+);`).exec(HOSTILE_ROOT)?.[1]?.trim() ?? '';

const hostileSheet = new CSSStyleSheet();
hostileSheet.replaceSync(HOSTILE_PAGE);

/**
 * The differences between the widget in a plain page and inside the hostile one. `nested` names
 * the fields whose shadow roots the comparison must have reached (no vacuous pass).
 */
async function compare(tag: string, task: unknown, nested: string[] = [], shown?: Shown): Promise<string[]> {
  const clean = document.createElement('div');
  document.body.append(clean);
  let cleanSnapshot: Snapshot;
  try {
    cleanSnapshot = snapshot(await mountIn(clean, tag, task, shown));
  } finally {
    clean.remove();
  }
  const keys = [...cleanSnapshot.styles.keys()];
  for (const field of nested) {
    const inside = keys.filter((k) => k.includes(field) && k.lastIndexOf('::shadow-root') > k.indexOf(field));
    expect(inside.length, `elements compared inside <${field}>`).to.be.greaterThan(3);
  }
  expect(cleanSnapshot.boxes.size, 'parts compared').to.be.greaterThan(5);
  const root = document.createElement('div');
  root.id = 'root';
  const link = document.createElement('a');
  link.href = '#host-styles';
  const underline = document.createElement('u');
  link.append(underline);
  root.append(link);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostileSheet];
  document.body.append(root);
  try {
    return differences(cleanSnapshot, snapshot(await mountIn(underline, tag, task, shown)));
  } finally {
    root.remove();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hostileSheet);
  }
}

let seq = 0;
function fresh<T extends { id: string }>(task: T): T {
  seq += 1;
  return { ...structuredClone(task), id: `${task.id}-host-styles-${seq}` };
}

describe('host styles', () => {
  before(() => setViewport({ width: 1280, height: 1000 }));

  it('knows every inherited property this Chromium implements', () => {
    expect(
      probeInherited(new Set(COMPARED)),
      'inherited properties missing from INHERITED (and maybe the :host reset)',
    ).to.deep.equal([]);
    // The probe itself finds inherited properties (no vacuous pass).
    const some = new Set(COMPARED.filter((p) => p !== 'text-align' && p !== 'cursor'));
    expect(probeInherited(some)).to.have.members(['text-align', 'cursor']);
  });

  it('gives the hostile root an odd value for every inherited property but the kept ones', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const plain = INHERITED.map((p) => getComputedStyle(root).getPropertyValue(p));
    root.id = 'root';
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostileSheet];
    try {
      // A value this Chromium does not parse (a property's syntax grew in a later version) is
      // dropped from the sheet: nothing to compare for it here.
      const understood = (p: string): boolean => hostileValue(p) === '' || CSS.supports(p, hostileValue(p));
      const same = INHERITED.filter(
        (p, i) => !KEPT.includes(p) && understood(p) && getComputedStyle(root).getPropertyValue(p) === plain[i],
      );
      expect(same, 'properties the hostile root leaves at their default').to.deep.equal([]);
    } finally {
      root.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hostileSheet);
    }
  });

  const textTasks: [TextTask, string[]][] = [
    [rubricTask, []],
    [rankingTask, ['tagwerk-ranking-field']],
    [nerTask, ['tagwerk-spans-field']],
  ];
  for (const [task, nested] of textTasks) {
    it(`keeps <tagwerk-text-rater> (${task.id}) as it is in a plain page`, async () => {
      expect(await compare('tagwerk-text-rater', fresh(task), nested)).to.deep.equal([]);
    });
  }

  it('keeps <tagwerk-image-labeler> as it is in a plain page', async () => {
    const url = await imageUrl(1600, 1200);
    const task: ImageTask = {
      id: 'img-host-styles',
      kind: 'image',
      title: 'Box every car',
      instructions: 'Draw a **tight** box around each car.\n\n- Include mirrors\n- Skip reflections',
      image: { url, alt: 'A test grid' },
      labels: [
        { id: 'car', name: 'Car', color: '#d62728', hotkey: 'c' },
        { id: 'person', name: 'Person' },
      ],
      tools: ['bbox', 'polygon'],
      attributes: [{ id: 'truncated', label: 'Cut off by the image edge', type: 'boolean' }],
      prefill: [
        { id: 'p1', type: 'bbox', label: 'car', bbox: { x: 100, y: 100, width: 200, height: 100 } },
        { id: 'p2', type: 'bbox', label: 'person', bbox: { x: 600, y: 300, width: 80, height: 220 } },
      ],
    };
    try {
      const rowsShown: Shown = (el) => el.shadowRoot!.querySelectorAll('.region-row').length === task.prefill!.length;
      expect(await compare('tagwerk-image-labeler', fresh(task), [], rowsShown)).to.deep.equal([]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('keeps <tagwerk-audio-transcriber> as it is in a plain page', async () => {
    const audio: ToneFixture = toneFixture();
    const task: AudioTask = {
      id: 'audio-host-styles',
      kind: 'audio',
      title: 'Transcribe the recording',
      instructions: 'Type what you hear. Mark **each** speaker.',
      audio: { url: audio.wavUrl, waveform: audio.waveformUrl },
      speakers: [
        { id: 'A', name: 'Anna', color: '#1f77b4' },
        { id: 'B', name: 'Ben' },
      ],
      prefill: [
        { id: 'p1', start: 0.2, end: 1, speaker: 'A', text: 'hello there' },
        { id: 'p2', start: 2, end: 2.8, speaker: 'B', text: 'general\tkenobi  (twice)' },
      ],
    };
    try {
      expect(await compare('tagwerk-audio-transcriber', fresh(task))).to.deep.equal([]);
    } finally {
      audio.revoke();
    }
  });

  it('still follows the page when it hides, disables or inerts a region', async () => {
    const page = document.createElement('div');
    page.style.setProperty('visibility', 'hidden');
    page.style.setProperty('pointer-events', 'none');
    page.style.setProperty('interactivity', 'inert');
    document.body.append(page);
    try {
      const el = await mountIn(page, 'tagwerk-text-rater', fresh(rubricTask));
      const submit = getComputedStyle(el.shadowRoot!.querySelector('[part="submit-button"]')!);
      expect([submit.visibility, submit.pointerEvents, submit.getPropertyValue('interactivity')]).to.deep.equal([
        'hidden',
        'none',
        'inert',
      ]);
    } finally {
      page.remove();
    }
  });

  it('still follows the page’s writing direction', async () => {
    const page = document.createElement('div');
    page.dir = 'rtl';
    document.body.append(page);
    try {
      const el = await mountIn(page, 'tagwerk-text-rater', fresh(rubricTask));
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('rtl');
    } finally {
      page.remove();
    }
  });
});
