import { expect } from '@open-wc/testing';

interface Report {
  results: Record<string, string>;
  violations: string[];
  errors: string[];
}

/** Loads the strict-CSP page (see scripts/csp-page-plugin.mjs) and waits for its report. */
function runCspPage(query = '', page = 'page.html'): Promise<Report> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('the CSP page never reported')), 20000);
    window.addEventListener('message', function onMessage(event: MessageEvent) {
      if ((event.data as { type?: string })?.type !== 'tagwerk-csp-report') return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data as Report);
    });
    frame.src = `/packages/ui/test/csp/${page}?strict-csp${query}`;
    document.body.append(frame);
  });
}

describe('strict Content-Security-Policy with Trusted Types', () => {
  it('serves the page with the policy (a violation would be reported)', async () => {
    const response = await fetch('/packages/ui/test/csp/page.html?strict-csp');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).to.contain("require-trusted-types-for 'script'");
    expect(csp).to.contain("script-src 'self'");
    expect(csp).not.to.contain('unsafe');
  });

  it('detects violations (canary: eval and a raw innerHTML are refused and reported)', async () => {
    const report = await runCspPage('&canary');
    // Under Trusted Types enforcement the browser refuses both as trusted-types sinks.
    expect(report.violations.length).to.equal(2);
    for (const violation of report.violations) expect(violation).to.contain('require-trusted-types-for');
  });

  it('runs every widget scenario with no violation and no error', async () => {
    const report = await runCspPage();
    expect(report.violations).to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(Object.keys(report.results).length).to.be.greaterThan(0);
    for (const [name, outcome] of Object.entries(report.results)) expect(`${name}: ${outcome}`).to.equal(`${name}: ok`);
  });

  it('runs the built standalone bundles (classic script and ES module together) with no violation', async () => {
    const built = await fetch('/packages/text-rater/dist/standalone.iife.js', { method: 'HEAD' });
    expect(built.ok, 'standalone bundles missing: `npm test` builds them; by hand run `pnpm build`').to.equal(true);
    const report = await runCspPage('', 'standalone.html');
    expect(report.violations).to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(report.results).to.deep.equal({
      'text-rater global': 'ok',
      'text-rater': 'ok',
      'image-labeler global': 'ok',
      'image-labeler': 'ok',
      'audio-transcriber global': 'ok',
      'audio-transcriber': 'ok',
    });
  });
});
