import { expect } from 'chai';
import { createTranslator, type Messages } from '@tagwerk/core';
import { uiMessages } from './messages.js';
import { questionsDe } from './questions.de.js';
import { questionsEn } from './questions.en.js';
import { rankingDe } from './ranking.de.js';
import { rankingEn } from './ranking.en.js';
import { spansDe } from './spans.de.js';
import { spansEn } from './spans.en.js';
import { uiDe } from './ui.de.js';
import { uiEn } from './ui.en.js';

describe('the shared chrome messages', () => {
  it('has every English message in German, catalogue by catalogue', () => {
    const pairs: Array<[object, object]> = [
      [uiEn, uiDe],
      [questionsEn, questionsDe],
      [rankingEn, rankingDe],
      [spansEn, spansDe],
    ];
    for (const [en, de] of pairs) expect(Object.keys(de).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('falls back to English for a language no catalogue has, and per missing key', () => {
    const partial: Messages<'a' | 'b'> = { en: { a: 'A', b: 'B' }, de: { a: 'Ä' } };
    expect(createTranslator('fr', partial)('a')).to.equal('A');
    expect(createTranslator('de-CH', partial)('a')).to.equal('Ä');
    expect(createTranslator('de', partial)('b')).to.equal('B');
    expect(createTranslator('de', uiMessages)('ui.action.submit')).to.equal(uiDe['ui.action.submit']);
  });

  describe('ranking', () => {
    const params = { title: 'A', other: 'B', more: 2, position: 3, count: 5, rank: 2, tied: 'true' };

    it('has every English message in German, and all of them format', () => {
      expect(Object.keys(rankingDe).sort()).to.deep.equal(Object.keys(rankingEn).sort());
      for (const lang of ['en', 'de']) {
        const t = createTranslator(lang, uiMessages);
        for (const key of Object.keys(rankingEn) as Array<keyof typeof rankingEn>) {
          const text = t(key, params);
          expect(text, `${lang} ${key}`).to.be.a('string').and.not.be.empty;
          expect(text, `${lang} ${key}`).not.to.match(/[{}]/);
        }
      }
    });

    it('uses plurals and selects', () => {
      const en = createTranslator('en', uiMessages);
      const de = createTranslator('de', uiMessages);
      const tied = (t: typeof en, more: number) => t('ranking.tiedWith', { ...params, more });
      expect(tied(en, 0)).to.equal('A tied with B, position 3 of 5.');
      expect(tied(en, 1)).to.equal('A tied with B and one more item, position 3 of 5.');
      expect(tied(de, 2)).to.equal('A gleichauf mit B und 2 weiteren Einträgen, Position 3 von 5.');
      expect(en('ranking.kept', { count: 1 })).to.equal('Order kept as shown: 1 item ranked.');
      expect(de('ranking.kept', { count: 4 })).to.equal('Reihenfolge übernommen: 4 Einträge geordnet.');
      expect(en('ranking.option', { rank: 2, title: 'A', tied: 'false' })).to.equal('Rank 2: A');
      expect(de('ranking.option', { rank: 2, title: 'A', tied: 'true' })).to.equal('Rang 2, gleichauf: A');
    });
  });
});
