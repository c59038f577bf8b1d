import { expect } from 'chai';
import { parseJsonText, syntaxErrorOffset } from './json-text.js';

describe('JSON text', () => {
  it('parses valid JSON and ignores a byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a":[1,2]}')).to.deep.equal({ ok: true, value: { a: [1, 2] } });
  });

  it('locates syntax errors by line and column', () => {
    expect(parseJsonText('{\n  "id": "x",\n  "kind": }')).to.deep.include({ ok: false, line: 3, column: 11 });
    expect(parseJsonText('')).to.deep.include({ ok: false, line: 1, column: 1 });
  });

  it('finds the first offending character', () => {
    const cases: [string, number][] = [
      ['{"a":1,}', 7],
      ['[1,]', 3],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ["{'a':1}", 1],
      ['{"a":01}', 6],
      ['"\\x"', 2],
      ['"\\u12G4"', 5],
      ['"a\nb"', 2],
      ['[1.]', 3],
      ['[-]', 2],
      ['nul', 0],
      ['{"a":1} x', 8],
      ['[[[', 3],
      ['{"a":[{}]', 9],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text), text).to.throw();
      expect(syntaxErrorOffset(text), text).to.equal(offset);
    }
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of [
      '0',
      '-0.5e+3',
      '"\\u00e9\\n"',
      '[]',
      '{}',
      ' [ {"a" : [ true , false , null ] } ] ',
      '[[[[]]]]',
    ]) {
      expect(syntaxErrorOffset(text), text).to.equal(text.length);
    }
  });

  it('does not overflow the stack on deep nesting', () => {
    const deep = '['.repeat(100_000);
    expect(syntaxErrorOffset(deep)).to.equal(100_000);
  });
});
