// Test routes standing in for the receiving side of the crowd platforms (web-test-runner
// middleware). Each test run uses its own `<run>` id; what arrived is read back from /log.
//   POST /__tagwerk/platform/<run>/mturk/externalSubmit   MTurk's form post (urlencoded)
//   POST /__tagwerk/platform/<run>/save                   a host's submit-url (JSON): answers as
//        the run's mode says: "ok" {"completionCode"}, "503", or "drop" (the connection is lost;
//        every request while in that mode, so Chromium's own retry of a reset POST fails too)
//   POST /__tagwerk/platform/<run>/mode?set=ok|503|drop    sets the run's mode (default ok)
//   POST /__tagwerk/platform/<run>/collect                what an emulated crowd-form or Toloka
//        sends on (JSON), recorded as it came
//   GET  /__tagwerk/platform/<run>/log                    everything received, in order
const runs = new Map();

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

export async function platformTestRoutes(ctx, next) {
  const match = /^\/__tagwerk\/platform\/([\w-]+)\/(.*)$/.exec(ctx.path);
  if (!match) return next();
  const [, run, route] = match;
  const state = runs.get(run) ?? { received: [], attempts: 0, mode: 'ok' };
  runs.set(run, state);
  if (route === 'log' && ctx.method === 'GET') {
    ctx.type = 'application/json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify(state.received);
    return;
  }
  if (route === 'mturk/externalSubmit' && ctx.method === 'POST') {
    const fields = Object.fromEntries(new URLSearchParams(await readBody(ctx.req)));
    state.received.push({ route, fields, contentType: ctx.get('Content-Type') });
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Submitted</title><p id="mturk-done">HIT submitted</p>';
    return;
  }
  if (route === 'collect' && ctx.method === 'POST') {
    state.received.push({ route, body: JSON.parse(await readBody(ctx.req)) });
    ctx.status = 204;
    return;
  }
  if (route === 'mode' && ctx.method === 'POST') {
    state.mode = String(ctx.query.set ?? 'ok');
    ctx.status = 204;
    return;
  }
  if (route === 'save' && ctx.method === 'POST') {
    const body = await readBody(ctx.req);
    state.attempts += 1;
    if (state.mode === 'drop') {
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    if (state.mode === '503') {
      ctx.status = 503;
      ctx.body = 'unavailable';
      return;
    }
    state.received.push({
      route,
      body: JSON.parse(body),
      idempotencyKey: ctx.get('Idempotency-Key'),
      contentType: ctx.get('Content-Type'),
    });
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ completionCode: `CODE-${run}` });
    return;
  }
  return next();
}
