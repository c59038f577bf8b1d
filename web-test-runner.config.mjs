// Browser tests for every package, in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { cspPagePlugin } from './scripts/csp-page-plugin.mjs';
import { ajvModulePlugin } from './scripts/ajv-module-plugin.mjs';
import { unsizedMediaMiddleware } from './scripts/unsized-media-middleware.mjs';
import { platformEmulator } from './scripts/platform-emulator.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export default {
  files: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname }),
    cspPagePlugin(),
    ajvModulePlugin(),
  ],
  middleware: [unsizedMediaMiddleware, platformEmulator],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args, headless: true } })],
  // One page at a time: keyboard and focus tests need the page to have focus, and the runner
  // machine has two cores.
  concurrency: 1,
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 30000 } },
  coverageConfig: {
    include: ['packages/*/src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/node_modules/**'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
  reporters: [summaryReporter({ flatten: false }), defaultReporter(), countReporter()],
};
