/**
 * Runs dist/index.js the way the GitHub runner does: INPUT_* variables, an event payload file,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at a loopback server
 * that records every request and answers like the GitHub REST/GraphQL API: comments per pull
 * request with their author (the token's `actor`), GraphQL `viewer` answered or refused; and
 * faults injected a given number of times (a 5xx, a 429 with Retry-After, a secondary rate limit,
 * a request that never answers).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { isGitRequest, serveGit } from '../helpers/git-http.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
  authorization?: string;
}

export interface FakeComment {
  id: number;
  node_id: string;
  /** The pull request (issue) the comment is on. */
  issue: number;
  body: string;
  /** Who wrote it, as the REST API lists it. */
  user: { login: string };
  minimized?: boolean;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  /** Force an HTTP status for requests whose "METHOD path" matches. */
  failWith: { match: RegExp; status: number }[];
  /** Faults for requests whose "METHOD path" matches, each used `times` times, then the normal answer. */
  faults: Fault[];
  /** The identity the token acts as: the author of the comments it writes. */
  actor: string;
  /** The merged pull request that brought a commit to the default branch (none: an empty list). */
  pullForCommit: (sha: string) => number | undefined;
  /** Whether GraphQL `viewer { login }` answers; the default GITHUB_TOKEN of an app installation is refused. */
  viewerAllowed: boolean;
  close(): Promise<void>;
}

export interface Fault {
  match: RegExp;
  times: number;
  /** Never answer (the connection stays open until the server closes). */
  hang?: boolean;
  status?: number;
  headers?: Record<string, string>;
  message?: string;
}

/** `gitRoot`: also serve the repositories under it over git's smart HTTP (`<url>/<owner>/<repo>`). */
export async function startFakeGitHub(opts: { gitRoot?: string } = {}): Promise<FakeGitHub> {
  const state: FakeGitHub = {
    url: '',
    requests: [],
    comments: [],
    failWith: [],
    faults: [],
    actor: 'github-actions[bot]',
    viewerAllowed: false,
    pullForCommit: () => 7,
    close: async () => {},
  };
  let nextId = 1000;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (opts.gitRoot && isGitRequest(req.url ?? '')) {
      state.requests.push({ method: req.method ?? '', path: req.url ?? '', body: undefined, authorization: req.headers.authorization });
      return serveGit(opts.gitRoot, req, Buffer.concat(chunks), res);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? JSON.parse(raw) : undefined;
    const path = req.url ?? '';
    state.requests.push({ method: req.method ?? '', path, body, authorization: req.headers.authorization });
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    const fault = state.faults.find((f) => f.times > 0 && f.match.test(`${req.method} ${path}`));
    if (fault) {
      fault.times--;
      if (fault.hang) return;
      res.writeHead(fault.status ?? 500, { 'content-type': 'application/json', ...fault.headers });
      return res.end(JSON.stringify({ message: fault.message ?? 'Server Error' }));
    }
    const forced = state.failWith.find((f) => f.match.test(`${req.method} ${path}`));
    if (forced) return send(forced.status, { message: 'Resource not accessible by integration' });
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments/)))
      return send(
        200,
        state.comments.filter((c) => c.issue === Number(m![1])),
      );
    if (req.method === 'POST' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const c: FakeComment = { id: nextId++, node_id: `IC_${nextId}`, issue: Number(m[1]), body: body.body, user: { login: state.actor } };
      state.comments.push(c);
      return send(201, c);
    }
    if (req.method === 'PATCH' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      const c = state.comments.find((x) => x.id === Number(m![1]));
      if (!c) return send(404, { message: 'Not Found' });
      c.body = body.body;
      return send(200, c);
    }
    if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]+$/.test(path)) return send(201, { id: nextId++, ...body });
    if (req.method === 'GET' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls/))) {
      const pr = state.pullForCommit(m[1]!);
      return send(200, pr === undefined ? [] : [{ number: pr, merged_at: '2026-11-26T12:00:00Z' }]);
    }
    if (req.method === 'POST' && path === '/graphql') {
      const query = String(body?.query ?? '');
      if (/\bviewer\b/.test(query)) {
        if (state.viewerAllowed) return send(200, { data: { viewer: { login: state.actor } } });
        // What GitHub answers an installation token: HTTP 200 with a FORBIDDEN error.
        return send(200, { data: null, errors: [{ type: 'FORBIDDEN', path: ['viewer'], message: 'Resource not accessible by integration' }] });
      }
      if (/minimizeComment/.test(query)) {
        const c = state.comments.find((x) => x.node_id === body.variables?.id);
        if (!c) return send(200, { data: null, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a node' }] });
        c.minimized = true;
        return send(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
      }
      return send(200, { data: null, errors: [{ message: `fake GitHub: no GraphQL answer for ${query}` }] });
    }
    send(404, { message: `fake GitHub: no route for ${req.method} ${path}` });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections(); // hung requests
    });
  return state;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The file the `plan-file` output names, read before the runner's temp folder goes. */
  planFile: string | undefined;
  /** Milliseconds the action ran. */
  ms: number;
}

export async function runAction(opts: {
  cwd: string;
  eventName: string;
  event: unknown;
  inputs: Record<string, string>;
  apiUrl: string;
  env?: Record<string, string>;
  /** The bundle to run (default: this repository's dist/index.js). */
  entry?: string;
}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rsr-runner-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output');
    const summaryPath = join(dir, 'summary');
    writeFileSync(eventPath, JSON.stringify(opts.event));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: opts.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_API_URL: opts.apiUrl,
      GITHUB_GRAPHQL_URL: `${opts.apiUrl}/graphql`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/ml-platform',
      GITHUB_WORKFLOW: 'rayservice plan',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKSPACE: opts.cwd,
      RUNNER_TEMP: dir,
      ...opts.env,
    };
    for (const [k, v] of Object.entries(opts.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const started = Date.now();
    const child = spawn(process.execPath, [opts.entry ?? resolve('dist/index.js')], { cwd: opts.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const ms = Date.now() - started;
    const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
    const planFile = outputs['plan-file'] && existsSync(outputs['plan-file']) ? readFileSync(outputs['plan-file'], 'utf8') : undefined;
    return { code, stdout, stderr, outputs, summary: readFileSync(summaryPath, 'utf8'), planFile, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** GITHUB_OUTPUT uses `name<<DELIMITER` heredocs. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(/^([^<=]+)<<(.+)$/);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}
