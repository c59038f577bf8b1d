import { expect } from 'chai';
import { urlProblem, urlScheme } from './url.js';

describe('URL safety', () => {
  it('reads the scheme case- and whitespace-insensitively', () => {
    expect(urlScheme('HTTPS://example.org')).to.equal('https');
    expect(urlScheme('  JaVaScRiPt:alert(1)')).to.equal('javascript');
    expect(urlScheme('java\tscript:alert(1)')).to.equal('javascript');
    expect(urlScheme('java\nscript:alert(1)')).to.equal('javascript');
    expect(urlScheme('\u0000\u001fjavascript:alert(1)')).to.equal('javascript');
    expect(urlScheme('\u200bjavascript:alert(1)')).to.equal('javascript');
    expect(urlScheme('images/a.png')).to.equal(null);
    expect(urlScheme('//cdn.example.org/a.png')).to.equal(null);
    expect(urlScheme('a.png?x=javascript:1')).to.equal(null);
  });

  it('undoes HTML entities hiding the scheme', () => {
    expect(urlScheme('javascript&colon;alert(1)')).to.equal('javascript');
    expect(urlScheme('&#106;avascript:alert(1)')).to.equal('javascript');
    expect(urlScheme('&#x6A;avascript&#x3A;alert(1)')).to.equal('javascript');
    expect(urlScheme('java&Tab;script:alert(1)')).to.equal('javascript');
    expect(urlScheme('&#0000106avascript:alert(1)')).to.equal('javascript');
  });

  it('refuses script schemes everywhere', () => {
    for (const use of ['image', 'audio', 'resource'] as const) {
      expect(urlProblem('javascript:alert(1)', use)).to.deep.equal({ scheme: 'javascript', reason: 'unsafe' });
      expect(urlProblem(' VBScript:msgbox', use)?.reason).to.equal('unsafe');
    }
  });

  it('allows data: URLs only for media of their own type', () => {
    expect(urlProblem('data:image/png;base64,AAAA', 'image')).to.equal(null);
    expect(urlProblem('DATA: Image/svg+xml,<svg/>', 'image')).to.equal(null);
    expect(urlProblem('data:audio/wav;base64,AAAA', 'audio')).to.equal(null);
    expect(urlProblem('data:text/html,<script>alert(1)</script>', 'image')?.reason).to.equal('unsafe');
    expect(urlProblem('data:image/png;base64,AAAA', 'audio')?.reason).to.equal('unsafe');
    expect(urlProblem('data:audio/wav;base64,AAAA', 'resource')?.reason).to.equal('unsafe');
  });

  it('allows ordinary media URLs', () => {
    for (const url of [
      'https://example.org/a.jpg',
      'http://x/y',
      'blob:https://example.org/uuid',
      '/media/a.mp3',
      'a.mp3',
    ]) {
      expect(urlProblem(url, 'image'), url).to.equal(null);
    }
  });

  it('allows only http(s) or relative links for search results', () => {
    expect(urlProblem('https://example.org', 'link')).to.equal(null);
    expect(urlProblem('/notes/ada', 'link')).to.equal(null);
    expect(urlProblem('ftp://example.org', 'link')).to.deep.equal({ scheme: 'ftp', reason: 'link' });
    expect(urlProblem('data:image/png;base64,AAAA', 'link')?.reason).to.equal('link');
    expect(urlProblem('javascript:alert(1)', 'link')?.reason).to.equal('link');
  });
});
