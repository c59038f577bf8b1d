import { expect } from '@open-wc/testing';
import type { TextTask } from '@tagwerk/core';
import { mountReady } from '../test/widget-fixture.js';
import { LONG_TEXT_CHARS, MARKDOWN_LIMITS, renderMarkdown, withinMarkdownLimits } from './markdown.js';
import './test-widget.js';

const host = (fragment: DocumentFragment): HTMLElement => {
  const div = document.createElement('div');
  div.append(fragment);
  return div;
};

const nested = (depth: number): string => `${'> '.repeat(depth)}deep`;

describe('markdown within bounds', () => {
  it('lays out a giant text run in chunks, never cutting a letter from its combining mark', () => {
    for (const [name, source, plain] of [
      ['1 MB of combining marks', 'a\u0301'.repeat(500_000), true],
      ['1.7 MB of RTL override and Hebrew', '\u202e\u05d0\u05d1'.repeat(570_000), false],
      ['a long paragraph of words', 'word '.repeat(20_000).trim(), false],
      ['emoji with joiners', '👩\u200d💻'.repeat(10_000), true],
    ] as const) {
      const fragment = renderMarkdown(source, { plain });
      const chunks = [...fragment.querySelectorAll('.chunk')];
      expect(chunks.length, name).to.be.above(source.length / 2_500);
      // Compared as a boolean: a failure must not print megabytes.
      expect(fragment.textContent?.trim() === source, `${name}: the text is unchanged`).to.equal(true);
      for (const chunk of chunks) {
        const text = chunk.textContent;
        expect(text.length, name).to.be.at.most(2_000);
        expect(/^[\p{M}\u200d\udc00-\udfff]/u.test(text), `${name}: a chunk starts inside a character`).to.equal(false);
      }
    }
  });

  it('leaves ordinary paragraphs alone', () => {
    const fragment = renderMarkdown(`${'A sentence. '.repeat(500)}\n\n${'x'.repeat(LONG_TEXT_CHARS)}`);
    expect(fragment.querySelectorAll('.chunk').length).to.equal(0);
  });

  it('renders ordinary nesting and emphasis as formatted markdown', () => {
    const div = host(renderMarkdown(`${nested(5)}\n\n- a\n  - *b* and _c_ and \`d\``));
    expect(div.querySelectorAll('blockquote')).to.have.length(5);
    expect(div.querySelector('em')?.textContent).to.equal('b');
    expect(div.querySelector('[data-md-fallback]')).to.equal(null);
  });

  it('shows 2,000 nested quotes (a stack overflow for the parser) as plain text with a notice', () => {
    const source = nested(2000);
    expect(withinMarkdownLimits(source)).to.equal(false);
    const div = host(renderMarkdown(source));
    expect(div.querySelector('[data-md-fallback]')?.textContent).to.contain('without formatting');
    expect(div.querySelector('p.plain')?.textContent).to.equal(source);
    expect(div.querySelector('blockquote')).to.equal(null);
  });

  it('shows 60,000 emphasis delimiters in one paragraph as plain text (the parser would backtrack for seconds)', () => {
    const source = '_a'.repeat(60_000);
    expect(withinMarkdownLimits(source)).to.equal(false);
    expect(host(renderMarkdown(source)).querySelector('p.plain')?.textContent).to.equal(source);
  });

  it('counts delimiters per paragraph: many short paragraphs stay formatted', () => {
    const paragraph = '*a* '.repeat(MARKDOWN_LIMITS.delimiters / 4);
    const source = Array.from({ length: 20 }, () => paragraph).join('\n\n');
    expect(withinMarkdownLimits(source)).to.equal(true);
    expect(withinMarkdownLimits(paragraph.repeat(3))).to.equal(false);
  });

  it('limits list indentation and nested list markers too', () => {
    expect(withinMarkdownLimits(`${' '.repeat(MARKDOWN_LIMITS.depth * 2 + 2)}- x`)).to.equal(false);
    expect(withinMarkdownLimits(`${'- '.repeat(MARKDOWN_LIMITS.depth + 1)}x`)).to.equal(false);
    expect(withinMarkdownLimits(`${'- '.repeat(3)}x`)).to.equal(true);
  });

  it('says it in the widget language, and the widget becomes ready with the words readable', async () => {
    expect(host(renderMarkdown(nested(100), { lang: 'de' })).textContent).to.contain('ohne Formatierung');
    const el = document.createElement('tagwerk-test-widget');
    el.lang = 'de';
    const task: TextTask = {
      id: 'md-deep',
      kind: 'text',
      instructions: nested(2000),
      record: { text: 'x' },
      questions: [{ id: 'q', type: 'text', label: 'Q' }],
    };
    el.task = task;
    const unhandled: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent): void => void unhandled.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await mountReady(el);
      const panel = el.shadowRoot!.querySelector('[part="instructions"]')!;
      expect(panel.querySelector('[data-md-fallback]')?.textContent).to.contain('ohne Formatierung');
      expect(panel.textContent).to.contain('deep');
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
