/**
 * URL safety for task fields. Widgets only ever put task URLs into `src`/`href` through the DOM,
 * but a `javascript:` link is still one click from running code, so such URLs are refused at the
 * boundary. Browsers strip tabs, newlines and leading control characters from URLs, and a URL
 * that went through an HTML template may carry entities (`javascript&colon;`), so the scheme is
 * read after undoing all of that, case-insensitively.
 */

/** What a URL is used for: media may be `data:` of their own type, links must be web pages. */
export type UrlUse = 'image' | 'audio' | 'resource' | 'link';

const ENTITY = /&(?:#(\d{1,7});?|#x([0-9a-f]{1,6});?|(colon|tab|newline|nbsp);)/gi;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };
// White space, C0/C1 controls and invisible format characters anywhere in the scheme part.
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/** The URL's scheme, lower-cased and de-obfuscated ("javascript"), or null for a relative URL. */
export function urlScheme(url: string): string | null {
  // Only the start can carry a scheme; a bounded prefix keeps this cheap for 8 KB data URLs.
  const head = url
    .slice(0, 256)
    .replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name.toLowerCase()] ?? '';
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(INVISIBLE, '')
    .toLowerCase();
  return SCHEME.exec(head)?.[1] ?? null;
}

/** Why a URL is refused (`unsafe` code or a non-web `link`), or null when it is fine for `use`. */
export function urlProblem(url: string, use: UrlUse): { scheme: string; reason: 'unsafe' | 'link' } | null {
  const scheme = urlScheme(url);
  if (scheme === null) return null;
  if (use === 'link') return scheme === 'http' || scheme === 'https' ? null : { scheme, reason: 'link' };
  if (scheme === 'javascript' || scheme === 'vbscript') return { scheme, reason: 'unsafe' };
  if (scheme === 'data') {
    const type = url
      .slice(url.toLowerCase().indexOf('data:') + 5)
      .replace(INVISIBLE, '')
      .toLowerCase();
    const ok = (use === 'image' && type.startsWith('image/')) || (use === 'audio' && type.startsWith('audio/'));
    return ok ? null : { scheme, reason: 'unsafe' };
  }
  return null;
}
