import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { tagwerkDemoApi } from './server/api-plugin.js';

/**
 * The policy a careful platform would send: no inline or foreign scripts, no eval, nothing loaded
 * from other hosts. Only the dev server allows inline styles, because Vite injects imported CSS
 * as <style> elements during development; the built page links its CSS and needs no exception.
 */
const csp = (dev: boolean): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    `connect-src 'self'${dev ? ' ws://127.0.0.1:5173' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

// The demo runs the workspace packages from their TypeScript sources (the `source` export
// condition), so `npm start` needs no build step; the API plugin loads @tagwerk/core the same way.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: { 'Content-Security-Policy': csp(true) } },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': csp(false) } },
  build: { target: 'es2022' },
  plugins: [tagwerkDemoApi()],
});
