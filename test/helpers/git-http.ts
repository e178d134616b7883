/**
 * Git's smart HTTP protocol for the fake GitHub, served by git's own CGI (`git http-backend`), so
 * clones and fetches in the workflow tests talk to a real git server: protocol v2, shallow fetches,
 * `refs/pull/<n>/head` and `refs/pull/<n>/merge` as GitHub keeps them. Repositories live under
 * `root` as `<owner>/<repo>.git`; the URL is `<server>/<owner>/<repo>` as actions/checkout builds it.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

const GIT_PATH = /^\/[^/]+\/[^/?]+\/(info\/refs|git-upload-pack|git-receive-pack|HEAD)(\?|$)/;

export function isGitRequest(url: string): boolean {
  return GIT_PATH.test(url);
}

/** Answers one smart-HTTP request; `body` is the request body already read. */
export function serveGit(root: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: url.pathname,
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: String(req.headers['content-type'] ?? ''),
      CONTENT_LENGTH: String(body.length),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      REMOTE_ADDR: '127.0.0.1',
    },
  });
  const out: Buffer[] = [];
  cgi.stdout.on('data', (d: Buffer) => out.push(d));
  cgi.stderr.resume();
  cgi.on('close', () => answerFromCgi(Buffer.concat(out), res));
  cgi.stdin.end(body);
}

/** A CGI answer is header lines, a blank line, then the body; `Status:` sets the HTTP status. */
function answerFromCgi(raw: Buffer, res: ServerResponse): void {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) {
    res.writeHead(500).end('git http-backend gave no answer');
    return;
  }
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of raw.subarray(0, end).toString('latin1').split('\r\n')) {
    const i = line.indexOf(':');
    const name = line.slice(0, i).trim();
    const value = line.slice(i + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  res.writeHead(status, headers).end(raw.subarray(end + 4));
}
