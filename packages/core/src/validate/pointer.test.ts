import { expect } from 'chai';
import { appendPointer, escapePointerToken, parsePointer, toPointer, unescapePointerToken } from './pointer.js';
import { answerIdOfPath } from './pointer.js';

describe('JSON Pointer', () => {
  it('escapes ~ before / (RFC 6901)', () => {
    expect(escapePointerToken('a/b')).to.equal('a~1b');
    expect(escapePointerToken('m~n')).to.equal('m~0n');
    expect(escapePointerToken('~1')).to.equal('~01');
    expect(escapePointerToken(3)).to.equal('3');
    expect(escapePointerToken('plain')).to.equal('plain');
  });

  it('unescapes ~1 before ~0, so "~01" stays "~1"', () => {
    expect(unescapePointerToken('~01')).to.equal('~1');
    expect(unescapePointerToken('a~1b')).to.equal('a/b');
  });

  it('builds and parses pointers, "" being the whole document', () => {
    expect(toPointer([])).to.equal('');
    expect(toPointer(['answers', 'a/b', 0])).to.equal('/answers/a~1b/0');
    expect(appendPointer('/answers', '~')).to.equal('/answers/~0');
    expect(parsePointer('/answers/a~1b/0')).to.deep.equal(['answers', 'a/b', '0']);
    expect(parsePointer('')).to.deep.equal([]);
    expect(parsePointer('/')).to.deep.equal(['']);
  });

  it('rejects strings that are not pointers', () => {
    expect(parsePointer('answers')).to.equal(null);
    expect(parsePointer('/a~2')).to.equal(null);
  });

  it('round-trips any token', () => {
    for (const token of ['', '~', '/', '~/~1/~0', '👩‍💻', 'a b']) {
      expect(parsePointer(toPointer([token]))).to.deep.equal([token]);
    }
  });

  it('finds the question an error path points into, decoding its id', () => {
    const cases: Array<[path: string, id: string | undefined]> = [
      ['/result/answers/why', 'why'],
      ['/result/answers/a~1b~0c/2/label', 'a/b~c'],
      ['/result/answers/~01', '~1'],
      ['/result/answers', undefined],
      ['/result/answers/', undefined],
      ['/result/regions/0', undefined],
      ['/questions/0', undefined],
      ['/result/answers/a~2', undefined],
      ['result/answers/why', undefined],
    ];
    for (const [path, id] of cases) expect(answerIdOfPath(path), path).to.equal(id);
  });
});
