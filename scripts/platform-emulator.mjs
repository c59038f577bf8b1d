// The receiving side of the crowd platforms, for the emulator pages of packages/platforms/test
// (web-test-runner middleware, Koa style). Every test uses its own run id; what arrived is read
// back from /emulator/log. Nothing here knows about Tagwerk: it records what a platform's server
// would receive, and misbehaves on request.
//
//   POST /emulator/mturk/<run>/mturk/externalSubmit   MTurk's externalSubmit: the worker's form
//        post (application/x-www-form-urlencoded), recorded field by field; answers with a small
//        HTML page, as MTurk answers with its own page. The page's turkSubmitTo is
//        `<origin>/emulator/mturk/<run>`.
//        https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/mturk-hits-defining-questions-html-rendered.html
//   POST /emulator/submit?run=<run>                   a host's submit-url (prolific, url,
//        clickworker): the JSON body and the Idempotency-Key header; answers
//        {"completionCode": <code>} (query `code`, default `CODE-<run>`; `code=-`: no code).
//   POST /emulator/collect?run=<run>                  what an emulated crowd-form or Toloka page
//        sends on (JSON), recorded as it came.
//   GET  /emulator/done?run=<run>&…                   a completion page (the `url` platform's
//        completion-url): the visit and its query are recorded.
//   GET  /emulator/log?run=<run>                      { records, attempts, held }: what was stored,
//        every request with its outcome (held — still waiting —, answered, dropped, 500, 503, and
//        whether it was held first), and how many requests are being held right now.
//
// Faults, on every POST route, from the request's query or else from the run's settings:
//   fail=500|503|drop   answer 500 / 503, or drop the connection after reading the request (a
//                       network failure: the browser gets no response at all)
//   times=<n>           only the first n requests of the run fail (default: all, until changed)
//   hold=1              keep each request waiting, unanswered, until POST /emulator/release
//                       (holding ends for the run with that release)
//   POST /emulator/control?run=<run>&fail=…&times=…&hold=…   sets the run's settings
//        (fail=none: no failure); the failure count starts again.
//   POST /emulator/release?run=<run>                 answers every held request of the run.
//
// Chromium resends a request by itself when a kept-alive connection it reused is reset, so one
// "drop" the browser reports may be two attempts here: tests that drop use the run's settings and
// switch them off, rather than counting on `times`.
const runs = new Map();

function runState(run) {
  let state = runs.get(run);
  if (!state) {
    state = { records: [], attempts: [], settings: {}, failures: 0, holding: true, held: new Set() };
    runs.set(run, state);
  }
  return state;
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

const parseJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
};

/** The faults in force for this request: the query's, else the run's settings. */
function faultsFor(ctx, state) {
  const source = ctx.query.fail !== undefined || ctx.query.hold !== undefined ? ctx.query : state.settings;
  const fail = ['500', '503', 'drop'].includes(String(source.fail)) ? String(source.fail) : undefined;
  const times = source.times === undefined ? Infinity : Number(source.times);
  return { fail, times, hold: String(source.hold) === '1' };
}

/**
 * Runs the faults for one request. Resolves true when the request goes on to be recorded and
 * answered, false when it was answered (or dropped) here.
 */
async function misbehave(ctx, state, route) {
  const faults = faultsFor(ctx, state);
  const attempt = { route, outcome: 'held', held: false };
  const key = ctx.get('Idempotency-Key');
  if (key) attempt.idempotencyKey = key;
  state.attempts.push(attempt);
  if (faults.hold && state.holding) {
    attempt.held = true;
    await new Promise((resolve) => state.held.add(resolve));
  }
  if (faults.fail && state.failures < faults.times) {
    state.failures += 1;
    if (faults.fail === 'drop') {
      attempt.outcome = 'dropped';
      ctx.respond = false;
      ctx.req.socket.destroy();
      return false;
    }
    attempt.outcome = faults.fail;
    ctx.status = Number(faults.fail);
    ctx.type = 'text/plain';
    ctx.body = faults.fail === '503' ? 'Service unavailable (emulated)' : 'Internal error (emulated)';
    return false;
  }
  attempt.outcome = 'answered';
  return true;
}

const MTURK_ROUTE = /^\/emulator\/mturk\/([\w-]+)\/mturk\/externalSubmit$/;

/** Koa middleware for the test runner's `middleware` list (it runs before the static files). */
export async function platformEmulator(ctx, next) {
  if (!ctx.path.startsWith('/emulator/')) return next();
  const mturk = MTURK_ROUTE.exec(ctx.path);
  const run = mturk ? mturk[1] : String(ctx.query.run ?? '');
  if (!/^[\w-]+$/.test(run)) {
    ctx.status = 400;
    ctx.body = 'run id missing';
    return;
  }
  const state = runState(run);
  ctx.set('Cache-Control', 'no-store');

  if (mturk && ctx.method === 'POST') {
    const text = await readBody(ctx.req);
    if (!(await misbehave(ctx, state, 'mturk'))) return;
    const fields = [...new URLSearchParams(text)];
    state.records.push({
      route: 'mturk',
      fields: Object.fromEntries(fields),
      fieldNames: fields.map(([name]) => name),
      contentType: ctx.get('Content-Type'),
    });
    ctx.type = 'text/html';
    ctx.body =
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>HIT submitted</title>' +
      '<p id="mturk-done">Your HIT was submitted.</p></html>';
    return;
  }

  switch (`${ctx.method} ${ctx.path}`) {
    case 'GET /emulator/log':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ records: state.records, attempts: state.attempts, held: state.held.size });
      return;
    case 'POST /emulator/control':
      state.settings = { fail: ctx.query.fail, times: ctx.query.times, hold: ctx.query.hold };
      state.failures = 0;
      state.holding = true;
      ctx.status = 204;
      return;
    case 'POST /emulator/release': {
      const held = [...state.held];
      state.held.clear();
      state.holding = false;
      held.forEach((resolve) => resolve());
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ released: held.length });
      return;
    }
    case 'POST /emulator/submit': {
      const text = await readBody(ctx.req);
      if (!(await misbehave(ctx, state, 'submit'))) return;
      state.records.push({
        route: 'submit',
        body: parseJson(text),
        idempotencyKey: ctx.get('Idempotency-Key'),
        contentType: ctx.get('Content-Type'),
      });
      ctx.type = 'application/json';
      // code=- : an answer without a completion code (the widget falls back to its attribute).
      const code = String(ctx.query.code ?? `CODE-${run}`);
      ctx.body = JSON.stringify(code === '-' ? { saved: true } : { completionCode: code });
      return;
    }
    case 'POST /emulator/collect': {
      const text = await readBody(ctx.req);
      if (!(await misbehave(ctx, state, 'collect'))) return;
      state.records.push({ route: 'collect', body: parseJson(text) });
      ctx.status = 204;
      return;
    }
    case 'GET /emulator/done':
      state.records.push({ route: 'done', query: { ...ctx.query } });
      ctx.type = 'text/html';
      ctx.body =
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Completed</title>' +
        '<p id="completed">Study completed.</p></html>';
      return;
    default:
      ctx.status = 404;
      ctx.body = 'no such emulator route';
  }
}
