// A deliberately small Kubernetes REST client for the harness and the simulator: bearer token, TLS
// without verification (the apiserver's self-signed loopback cert), keep-alive, JSON in and out, and
// streamed watches. The simulator needs exact control over watches, patches and error handling, which is
// simpler here than through @kubernetes/client-node (which the tests and the product still use).
import https from 'node:https';
import type { IncomingMessage } from 'node:http';

// Kubernetes objects are open-ended JSON; the harness reads them with optional chaining.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KubeObject = Record<string, any>;

export interface RequestOptions {
  body?: unknown;
  /** Default application/json; use 'application/apply-patch+yaml' for server-side apply etc. */
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined>;
  timeoutMs?: number;
}

/** A non-2xx answer of the apiserver, with its Status object when there is one. */
export class KubeApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly reason: string,
    readonly body: unknown,
  ) {
    const msg = typeof body === 'object' && body !== null && 'message' in body ? String((body as KubeObject).message) : String(body).slice(0, 300);
    super(`${method} ${path}: ${status} ${reason}: ${msg}`);
    this.name = 'KubeApiError';
  }
}

export const isNotFound = (e: unknown): boolean => e instanceof KubeApiError && e.status === 404;
export const isConflict = (e: unknown): boolean => e instanceof KubeApiError && e.status === 409;
export const isGone = (e: unknown): boolean => e instanceof KubeApiError && e.status === 410;

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject;
}

export interface WatchHandle {
  /** Resolves when the stream ends (server timeout, connection cut, abort); rejects on a non-200 answer. */
  done: Promise<void>;
  abort(): void;
}

export class KubeRest {
  private readonly agent: https.Agent;
  private readonly base: URL;

  constructor(
    readonly server: string,
    private readonly token: string,
    private readonly userAgent = 'rayservice-rollout-harness',
  ) {
    this.base = new URL(server);
    this.agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 64 });
  }

  /** Closes pooled connections (watches are aborted by their owners). */
  close(): void {
    this.agent.destroy();
  }

  async request<T = KubeObject>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, opts);
    const text = await readBody(res);
    const body = parseJson(text);
    const status = res.statusCode ?? 0;
    if (status < 200 || status > 299) {
      const reason = typeof body === 'object' && body !== null ? String((body as KubeObject).reason ?? res.statusMessage) : String(res.statusMessage);
      throw new KubeApiError(method, path, status, reason, body);
    }
    return body as T;
  }

  get<T = KubeObject>(path: string, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  /** GET that answers undefined for 404. */
  async getOrUndefined<T = KubeObject>(path: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', path);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Merge patch (RFC 7386): maps merge, lists are replaced. */
  mergePatch<T = KubeObject>(path: string, patch: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body: patch, contentType: 'application/merge-patch+json' });
  }

  /** Server-side apply with `force`, as `kubectl apply --server-side --force-conflicts` does. */
  apply<T = KubeObject>(path: string, obj: unknown, fieldManager: string): Promise<T> {
    return this.request<T>('PATCH', path, {
      body: obj,
      contentType: 'application/apply-patch+yaml', // JSON is YAML
      query: { fieldManager, force: true },
    });
  }

  /** Opens a watch stream and calls onEvent for every event line. */
  watch(path: string, query: RequestOptions['query'], onEvent: (e: WatchEvent) => void): WatchHandle {
    let req: ReturnType<typeof https.request> | undefined;
    let aborted = false;
    const done = new Promise<void>((resolve, reject) => {
      req = this.makeRequest('GET', path, { query: { ...query, watch: true } }, (res) => {
        if (res.statusCode !== 200) {
          readBody(res).then((t) => reject(new KubeApiError('WATCH', path, res.statusCode ?? 0, String(res.statusMessage), parseJson(t))), reject);
          return;
        }
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (!line) continue;
            try {
              onEvent(JSON.parse(line) as WatchEvent);
            } catch (e) {
              // A handler bug must not kill the stream silently: surface it on stderr, keep going.
              process.stderr.write(`[harness] watch handler for ${path} threw: ${(e as Error).stack ?? e}\n`);
            }
          }
        });
        res.on('end', () => resolve());
        res.on('close', () => resolve());
        res.on('error', () => resolve());
      });
      req.on('error', (e) => (aborted ? resolve() : reject(e)));
      req.end();
    });
    return {
      done,
      abort: () => {
        aborted = true;
        req?.destroy();
      },
    };
  }

  private async send(method: string, path: string, opts: RequestOptions): Promise<IncomingMessage> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.sendOnce(method, path, opts);
      } catch (e) {
        // A pooled keep-alive connection that the server (or a cut, see ApiServerProxy) closed while idle
        // fails the next request before it reached the server: retry on another connection (several
        // pooled connections may have been cut at once).
        if (
          attempt < 8 &&
          (e as { reusedSocket?: boolean }).reusedSocket &&
          /ECONNRESET|socket hang up|EPIPE/.test(String((e as Error).message) + String((e as { code?: string }).code))
        )
          continue;
        throw e;
      }
    }
  }

  private sendOnce(method: string, path: string, opts: RequestOptions): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const body = opts.body === undefined ? undefined : Buffer.from(typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body));
      const req = this.makeRequest(method, path, opts, resolve, body?.length);
      req.on('error', (e) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
      if (opts.timeoutMs) {
        req.setTimeout(opts.timeoutMs, () => req.destroy(new Error(`${method} ${path}: timed out after ${opts.timeoutMs} ms`)));
      }
      if (body) req.write(body);
      req.end();
    });
  }

  private makeRequest(method: string, path: string, opts: RequestOptions, onResponse: (res: IncomingMessage) => void, contentLength?: number) {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      Accept: 'application/json',
      'User-Agent': this.userAgent,
    };
    if (opts.body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
    // Always frame bodies with Content-Length: Node sends a DELETE body without chunked framing, and the
    // apiserver would then read it as the start of the next request on the connection (400 Bad Request).
    if (contentLength !== undefined) headers['Content-Length'] = String(contentLength);
    return https.request({ method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers, agent: this.agent }, onResponse);
  }
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    res.setEncoding('utf8');
    res.on('data', (d: string) => (s += d));
    res.on('end', () => resolve(s));
    res.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
