/**
 * The demo platform's backend, as a Vite dev-server plugin. It serves the task queue and receives
 * submissions, and it trusts nothing the browser sends: every envelope is validated again, first
 * against the published JSON Schema (Ajv, as a Python or Go backend would), then with
 * `validateAnnotation` from `@tagwerk/core` against the task it claims to answer.
 *
 *   GET    /api/tasks                    { tasks: Task[] }
 *   GET    /api/tasks/:id/reference      the task's reference annotation (review and training)
 *   POST   /api/submissions              body: an envelope → { accepted, schemaErrors, contractErrors, id }
 *   GET    /api/submissions              { submissions: [{ id, taskId, kind, receivedAt, annotation }] }
 *   DELETE /api/submissions              forgets every accepted submission
 *
 * Accepted submissions live in memory only: restarting the server forgets them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { createSchemaValidator, type SchemaError } from './schema-validator.js';
import { readTasks } from './task-store.js';

/** The answer to `POST /api/submissions`. */
export interface Verdict {
  accepted: boolean;
  /** Violations of `@tagwerk/core/schema/annotation.json`, found by Ajv. */
  schemaErrors: SchemaError[];
  /** Problems found by `validateAnnotation` against the task (labels, geometry, answers, …). */
  contractErrors: SchemaError[];
  /** The stored submission's id; `null` when refused. */
  id: string | null;
}

/** An accepted submission as the server keeps it. */
export interface Submission {
  id: string;
  taskId: string;
  kind: string;
  receivedAt: string;
  annotation: unknown;
}

/** Largest accepted body; a 100 000-region image annotation stays well below it. */
const MAX_BODY = 20 * 1024 * 1024;

type Core = typeof import('@tagwerk/core');

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, `Body larger than ${MAX_BODY} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The first language of an Accept-Language header, for translated validation messages. */
function requestLocale(req: IncomingMessage): string {
  const header = req.headers['accept-language'];
  return (typeof header === 'string' ? header.split(',')[0]?.split(';')[0]?.trim() : undefined) || 'en';
}

/** The demo's `/api` routes. */
export function tagwerkDemoApi(): Plugin {
  let server: ViteDevServer;
  const schema = createSchemaValidator('annotation');
  const submissions: Submission[] = [];
  let counter = 0;

  // Loaded through Vite's SSR pipeline so that the workspace's TypeScript sources run in Node.
  const core = (): Promise<Core> => server.ssrLoadModule('@tagwerk/core') as Promise<Core>;

  async function judge(body: string, locale: string): Promise<{ status: number; verdict: Verdict }> {
    let annotation: unknown;
    try {
      annotation = JSON.parse(body) as unknown;
    } catch (error) {
      const message = `Body is not JSON: ${(error as Error).message}`;
      return {
        status: 400,
        verdict: {
          accepted: false,
          schemaErrors: [{ path: '', code: 'json-syntax', message }],
          contractErrors: [],
          id: null,
        },
      };
    }
    const schemaErrors = schema(annotation);

    const { parseTask, validateAnnotation } = await core();
    const taskId =
      typeof annotation === 'object' && annotation !== null ? (annotation as { taskId?: unknown }).taskId : undefined;
    const stored = readTasks().find((t) => t.task.id === taskId);
    let contractErrors: SchemaError[];
    if (!stored) {
      contractErrors = [
        {
          path: '/taskId',
          code: 'unknown-task',
          message: `No task with id ${JSON.stringify(taskId ?? null)} in this queue.`,
        },
      ];
    } else {
      const task = parseTask(stored.task, { locale });
      contractErrors = task.ok
        ? validateAnnotation(annotation, task.value, { locale }).errors
        : [{ path: '', code: 'task-invalid', message: `The stored task ${stored.task.id} is invalid.` }];
    }

    const accepted = schemaErrors.length === 0 && contractErrors.length === 0;
    let id: string | null = null;
    if (accepted) {
      const envelope = annotation as { taskId: string; kind: string };
      counter += 1;
      id = `sub-${String(counter).padStart(4, '0')}`;
      submissions.push({
        id,
        taskId: envelope.taskId,
        kind: envelope.kind,
        receivedAt: new Date().toISOString(),
        annotation,
      });
    }
    return { status: accepted ? 201 : 422, verdict: { accepted, schemaErrors, contractErrors, id } };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';

    if (path === '/api/tasks' && method === 'GET') {
      send(res, 200, { tasks: readTasks().map((t) => t.task) });
      return true;
    }
    const reference = /^\/api\/tasks\/([^/]+)\/reference$/.exec(path);
    if (reference && method === 'GET') {
      const id = decodeURIComponent(reference[1]!);
      const stored = readTasks().find((t) => t.task.id === id);
      if (stored?.reference) send(res, 200, stored.reference);
      else send(res, 404, { error: `No reference annotation for task ${JSON.stringify(id)}.` });
      return true;
    }
    if (path === '/api/submissions') {
      if (method === 'POST') {
        const { status, verdict } = await judge(await readBody(req), requestLocale(req));
        send(res, status, verdict);
      } else if (method === 'GET') {
        send(res, 200, { submissions });
      } else if (method === 'DELETE') {
        submissions.length = 0;
        send(res, 200, { submissions });
      } else {
        res.setHeader('Allow', 'GET, POST, DELETE');
        send(res, 405, { error: `${method} not allowed.` });
      }
      return true;
    }
    return false;
  }

  return {
    name: 'tagwerk-demo-api',
    configureServer(devServer) {
      server = devServer;
      devServer.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/api/')) {
          next();
          return;
        }
        route(req, res)
          .then((handled) => {
            if (!handled) send(res, 404, { error: `No route ${req.method} ${req.url}.` });
          })
          .catch((error: unknown) => {
            const status = error instanceof HttpError ? error.status : 500;
            if (status === 500)
              devServer.config.logger.error(`[tagwerk-demo-api] ${(error as Error).stack ?? String(error)}`);
            if (!res.headersSent) send(res, status, { error: (error as Error).message });
          });
      });
    },
  };
}
