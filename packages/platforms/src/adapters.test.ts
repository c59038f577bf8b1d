/**
 * The adapters' own rules, without a widget: what is read from a URL, where a submission may go,
 * what a server's answer completes, and that a submission is made once. (The emulator tests in
 * test/ drive whole widgets against each platform's documented page.)
 */
import { expect } from '@open-wc/testing';
import type { Annotation } from '@tagwerk/core';
import { createAdapter, PlatformError, PROLIFIC_COMPLETE, readContext, type PlatformSettings } from './index.js';

const annotation = {
  schemaVersion: 1,
  kind: 'text',
  taskId: 't1',
  result: { answers: { q: 'yes' } },
  meta: { startedAt: '2026-12-02T10:00:00.000Z', submittedAt: '2026-12-02T10:01:00.000Z' },
} as unknown as Annotation;

/** A fetch that records each request and answers from `answers` in turn. */
function fakeFetch(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    const next = answers.shift() ?? new Response(null, { status: 204 });
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetch: fetch, calls };
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function urlAdapterFor(
  name: 'prolific' | 'url' | 'clickworker',
  url: string,
  settings: PlatformSettings,
  f = fakeFetch(),
) {
  return { adapter: createAdapter(name, { element: document.body, url, settings, fetch: f.fetch }), ...f };
}

describe('readContext', () => {
  it('reads the documented MTurk parameters, and a preview', () => {
    const live = readContext(
      'mturk',
      'https://x.example/?assignmentId=A1&hitId=H1&workerId=W1&turkSubmitTo=https%3A%2F%2Fwww.mturk.com',
    );
    expect(live.ids).to.deep.equal({
      assignmentId: 'A1',
      hitId: 'H1',
      workerId: 'W1',
      turkSubmitTo: 'https://www.mturk.com',
    });
    expect(live.preview).to.equal(false);
    expect(live.scope).to.equal('A1');
    const preview = readContext('mturk', 'https://x.example/?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&hitId=H1');
    expect(preview.preview).to.equal(true);
    expect(preview.scope).to.equal('');
    expect(readContext('mturk', 'https://x.example/').preview, 'no assignment at all').to.equal(true);
  });

  it("reads Prolific's ids and scopes drafts by session", () => {
    const context = readContext('prolific', 'https://x.example/?PROLIFIC_PID=p&STUDY_ID=s&SESSION_ID=z&other=1');
    expect(context.ids).to.deep.equal({ PROLIFIC_PID: 'p', STUDY_ID: 's', SESSION_ID: 'z' });
    expect(context.scope).to.equal('z');
  });

  it('takes the parameters a host names, and drops values too long to be ids', () => {
    const long = 'x'.repeat(600);
    const context = readContext('url', `https://x.example/?worker=w&job=${long}`, { params: ['worker', 'job'] });
    expect(context.ids).to.deep.equal({ worker: 'w' });
    expect(context.scope).to.equal(JSON.stringify(['w', '']));
    expect(readContext('url', 'https://x.example/', { params: ['worker'] }).scope).to.equal('');
  });
});

describe('submit-url platforms', () => {
  it('POSTs the ids and the envelope as JSON with an idempotency key, and completes on 2xx', async () => {
    const { adapter, calls } = urlAdapterFor(
      'prolific',
      'https://tasks.example/?PROLIFIC_PID=p&STUDY_ID=s&SESSION_ID=z',
      { submitUrl: 'https://api.example/answers' },
      fakeFetch(json({ completionCode: 'C0DE' })),
    );
    const delivery = await adapter.deliver(annotation);
    expect(delivery).to.deep.equal({ kind: 'saved', completionCode: 'C0DE', redirect: `${PROLIFIC_COMPLETE}?cc=C0DE` });
    expect(calls).to.have.length(1);
    const [call] = calls;
    expect(call!.url).to.equal('https://api.example/answers');
    expect(call!.init.method).to.equal('POST');
    const headers = new Headers(call!.init.headers);
    expect(headers.get('content-type')).to.equal('application/json');
    expect(headers.get('idempotency-key')).to.match(/^[0-9a-z]+$/);
    expect(JSON.parse(call!.init.body as string)).to.deep.equal({
      platform: 'prolific',
      ids: { PROLIFIC_PID: 'p', STUDY_ID: 's', SESSION_ID: 'z' },
      annotation,
    });
  });

  it('falls back to the completion-code attribute, and ignores a code that is not a short string', async () => {
    const { adapter } = urlAdapterFor(
      'prolific',
      'https://tasks.example/',
      { submitUrl: 'https://api.example/a', completionCode: 'ATTR' },
      fakeFetch(json({ completionCode: 'x'.repeat(500) })),
    );
    expect(await adapter.deliver(annotation)).to.include({ completionCode: 'ATTR' });
  });

  it('refuses to send where it must not: no submit-url, plain http elsewhere, javascript:', async () => {
    for (const submitUrl of [undefined, 'http://other.example/a', 'javascript:alert(1)']) {
      const { adapter, calls } = urlAdapterFor('url', 'https://tasks.example/', { submitUrl });
      const error = await adapter.deliver(annotation).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, String(submitUrl)).to.be.instanceOf(PlatformError);
      expect((error as PlatformError).code).to.equal('config');
      expect(calls, 'nothing sent').to.have.length(0);
    }
  });

  it('reports a network failure and an HTTP error as retryable, and the next try sends again', async () => {
    const { adapter, calls } = urlAdapterFor(
      'clickworker',
      'https://tasks.example/?user_id=42',
      { submitUrl: '/api' },
      fakeFetch(new TypeError('Failed to fetch'), new Response('no', { status: 503 }), json({})),
    );
    const first = (await adapter.deliver(annotation).catch((e: unknown) => e)) as PlatformError;
    expect([first.code, first.retryable]).to.deep.equal(['network', true]);
    const second = (await adapter.deliver(annotation).catch((e: unknown) => e)) as PlatformError;
    expect([second.code, second.status, second.retryable]).to.deep.equal(['rejected', 503, true]);
    expect(await adapter.deliver(annotation)).to.deep.equal({
      kind: 'saved',
      completionCode: undefined,
      redirect: undefined,
    });
    expect(calls).to.have.length(3);
    const keys = calls.map((c) => new Headers(c.init.headers).get('idempotency-key'));
    expect(new Set(keys).size, 'a retry of the same envelope carries the same key').to.equal(1);
    expect(JSON.parse(calls[2]!.init.body as string).ids).to.deep.equal({ user_id: '42' });
  });

  it('sends an envelope once: a second call while the first is on its way shares it, and after a success too', async () => {
    let release!: (r: Response) => void;
    const calls: string[] = [];
    const fetch = ((url: string) => {
      calls.push(url);
      return new Promise<Response>((resolve) => (release = resolve));
    }) as unknown as typeof globalThis.fetch;
    const adapter = createAdapter('url', {
      element: document.body,
      url: 'https://tasks.example/',
      settings: { submitUrl: 'https://api.example/a' },
      fetch,
    });
    const one = adapter.deliver(annotation);
    const two = adapter.deliver(annotation);
    release(json({}));
    expect(await one).to.deep.equal(await two);
    await adapter.deliver(annotation);
    expect(calls).to.have.length(1);
  });

  it('builds the url platform completion address, and refuses a hostile one', async () => {
    const ok = urlAdapterFor(
      'url',
      'https://tasks.example/',
      { submitUrl: '/a', completionUrl: 'https://platform.example/done?code={code}', completionCode: 'a b&c' },
      fakeFetch(json({})),
    );
    expect(((await ok.adapter.deliver(annotation)) as { redirect: string }).redirect).to.equal(
      'https://platform.example/done?code=a%20b%26c',
    );
    const hostile = urlAdapterFor(
      'url',
      'https://tasks.example/',
      { submitUrl: '/a', completionUrl: 'javascript:alert(1)' },
      fakeFetch(json({})),
    );
    expect(((await hostile.adapter.deliver(annotation)) as { redirect?: string }).redirect).to.equal(undefined);
  });
});

describe('mturk', () => {
  it('refuses a turkSubmitTo that is not MTurk (nothing is posted)', async () => {
    for (const target of ['https://evil.example', 'javascript:alert(1)', 'http://www.mturk.com', '']) {
      const adapter = createAdapter('mturk', {
        element: document.body,
        url: `https://tasks.example/?assignmentId=A1&turkSubmitTo=${encodeURIComponent(target)}`,
      });
      const error = (await adapter.deliver(annotation).catch((e: unknown) => e)) as PlatformError;
      expect(error.code, target).to.equal('config');
      expect(document.querySelector('form[data-tagwerk-platform]'), target).to.equal(null);
    }
  });

  it('posts nothing in a preview', async () => {
    const adapter = createAdapter('mturk', {
      element: document.body,
      url: 'https://tasks.example/?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&turkSubmitTo=https%3A%2F%2Fwww.mturk.com',
    });
    const error = (await adapter.deliver(annotation).catch((e: unknown) => e)) as PlatformError;
    expect(error.code).to.equal('preview');
    expect(document.querySelector('form[data-tagwerk-platform]')).to.equal(null);
  });
});
