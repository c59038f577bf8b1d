import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { tagwerkDemoApi } from './server/api-plugin.js';

/**
 * The policy a careful platform would send: no inline or foreign scripts, no eval, nothing loaded
 * from other hosts. Only the dev server allows inline styles, because Vite injects imported CSS
 * as <style> elements during development; the built page links its CSS and needs no exception.
 */
const csp = (dev: boolean, port?: number): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    `connect-src 'self'${dev && port ? ` ws://127.0.0.1:${port}` : ''}`,
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
  // 5173 when free, else the next free port (Vite prints which); the policy names the port in use.
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': csp(false) } },
  build: { target: 'es2022' },
  plugins: [
    tagwerkDemoApi(),
    {
      name: 'tagwerk-demo-csp',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          res.setHeader('Content-Security-Policy', csp(true, req.socket.localPort));
          next();
        });
      },
    },
  ],
});
