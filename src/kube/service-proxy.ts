/**
 * One HTTP request to a Service, through the API server's service proxy:
 *   <method> /api/v1/namespaces/<ns>/services/<service>:<port>/proxy<route>
 * so no port-forward and no network path from the runner to the cluster is needed, only the
 * `services/proxy` rule (docs/rbac.md). The answer is read up to a bound and in a bounded time;
 * what it says is the cluster's words (the caller neutralizes it before it is shown).
 *
 * The API server authenticates the request with the kubeconfig's credentials and removes the
 * Authorization header before proxying, so the application never sees one (the smoke file refuses
 * it); other headers pass through.
 */
import http from 'node:http';
import https from 'node:https';
import type { SmokeAnswer } from '../rollout/smoke.js';
import type { Connection } from './connection.js';

export interface ServiceProxyRequest {
  readonly namespace: string;
  readonly service: string;
  /** The Service's port name (or number). */
  readonly port: string;
  readonly method: string;
  /** Path and query, starting with `/`. */
  readonly route: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface ServiceProxyLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const DEFAULT_PROXY_LIMITS: ServiceProxyLimits = { timeoutMs: 10_000, maxBytes: 64 * 1024 };

export function serviceProxyPath(r: Pick<ServiceProxyRequest, 'namespace' | 'service' | 'port' | 'route'>): string {
  const id = encodeURIComponent(`${r.service}:${r.port}`).replace(/%3A/gi, ':');
  return `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/services/${id}/proxy${r.route}`;
}

/** Never throws: a transport failure, a timeout or the deadline becomes `{error}`. */
export async function sendThroughServiceProxy(conn: Connection, r: ServiceProxyRequest, limits = DEFAULT_PROXY_LIMITS): Promise<SmokeAnswer> {
  const started = Date.now();
  const server = conn.kc.getCurrentCluster()?.server;
  if (!server) return { error: 'no cluster in the kubeconfig', ms: 0 };
  const url = new URL(serviceProxyPath(r), server);
  const options: https.RequestOptions = { method: r.method, headers: {} };
  try {
    await conn.kc.applyToHTTPSOptions(options);
  } catch (e) {
    return { error: `credentials: ${((e as Error).message ?? '').split('\n')[0]}`, ms: Date.now() - started };
  }
  const timeoutMs = Math.max(1, Math.min(limits.timeoutMs, conn.deadline.remainingMs()));
  const headers = { ...(options.headers as Record<string, string>), ...withoutAuth(r.headers) };
  if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
  const send = url.protocol === 'http:' ? http.request : https.request;
  return new Promise<SmokeAnswer>((resolve) => {
    const done = (a: SmokeAnswer) => {
      clearTimeout(timer);
      resolve(a);
    };
    const req = send(url, { ...options, agent: url.protocol === 'http:' ? undefined : options.agent, headers, signal: conn.deadline.signal }, (res) => {
      readBounded(res, limits.maxBytes, (body, truncated) => done({ status: res.statusCode ?? 0, body, truncated, ms: Date.now() - started }));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (e) => done({ error: conn.deadline.expired ? 'the command ran out of time' : e.message.split('\n')[0]!, ms: Date.now() - started }));
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

/** The API server consumes Authorization itself: the application cannot be given one this way. */
function withoutAuth(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
}

/** The body as text, at most `max` bytes; the rest is not read (the socket is let go). */
function readBounded(res: http.IncomingMessage, max: number, then: (body: string, truncated: boolean) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (truncated: boolean) => {
    if (finished) return;
    finished = true;
    then(Buffer.concat(chunks).subarray(0, max).toString('utf8'), truncated);
  };
  res.on('data', (c: Buffer) => {
    chunks.push(c);
    size += c.length;
    if (size > max) {
      finish(true);
      res.destroy();
    }
  });
  res.on('end', () => finish(false));
  res.on('error', () => finish(size > max));
  res.on('close', () => finish(size > max));
}
