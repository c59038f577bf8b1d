// Serves /csp/*.html test pages with a strict Content-Security-Policy header, as hosts with
// Trusted Types enforcement would. Widgets add themselves to packages/*/test/csp.test.html.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

export function cspPagePlugin() {
  return {
    name: 'tagwerk-csp-page',
    transform(context) {
      if (context.path.startsWith('/csp/') || context.URL.searchParams.has('strict-csp')) {
        return { headers: { 'content-security-policy': STRICT_CSP } };
      }
      return undefined;
    },
  };
}
