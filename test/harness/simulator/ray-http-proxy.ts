// The one HTTP proxy (on 127.0.0.1) that plays every Ray endpoint the operator calls. The operator runs
// with HTTP_PROXY pointing here, so its Go clients send absolute-URI requests to this server:
//   GET http://rs-abcde-head-svc.ns.svc.cluster.local:8265/api/serve/applications/?api_type=declarative
//   PUT http://rs-abcde-head-svc.ns.svc.cluster.local:8265/api/serve/applications/
//   GET http://198.18.0.7:8000/-/healthz            (the head pod's Serve proxy, by pod IP)
// The simulator resolves the host and port (a head service's `dashboard` port, a pod IP's container
// port, the serve service's `serve` port) to a target; this file answers for that target.
import http from 'node:http';
import net, { type Socket } from 'node:net';
import type { Faults, RayClusterRef } from './faults.js';
import type { RayServeSim } from './ray-serve.js';

/** What a host:port resolves to. `reachable: false` = nothing listens (no running head / no endpoint). */
export type ProxyTarget =
  | { kind: 'dashboard'; cluster: RayClusterRef; reachable: boolean }
  | { kind: 'serve'; cluster: RayClusterRef; reachable: boolean; via: 'pod' | 'service' };

export interface ProxiedRequest {
  at: number;
  method: string;
  /** host:port as the client asked for it */
  host: string;
  path: string;
  target: ProxyTarget['kind'] | undefined;
  /** Cluster the host resolved to ("ns/name"), if any. */
  cluster: string | undefined;
  /** HTTP status answered, or 'reset' (connection dropped) / 'hang' (no answer) for transport failures. */
  outcome: number | 'reset' | 'hang';
}

export interface RayHttpProxyDeps {
  serve: RayServeSim;
  faults: Faults;
  /** undefined: the name does not resolve (a DNS failure: the proxy answers 502). */
  resolve(hostname: string, port: number): ProxyTarget | 'unreachable' | undefined;
  /**
   * A CONNECT (the apiserver's HTTPS_PROXY tunnel to a kubelet, for `pods/log`): the local port that
   * plays `host:port`, or undefined (refused with 502).
   */
  tunnel?(hostname: string, port: number): number | undefined;
  /**
   * The service or pod a request of the apiserver's proxy is for, from its X-Forwarded-Uri
   * (`/api/v1/namespaces/<ns>/services/<name>:<port>/proxy/…`): Go's transport writes the absolute
   * URI of a proxied request from the request's Host header, which the apiserver's proxy leaves as
   * its own address, so the URI cannot say which endpoint the apiserver picked.
   */
  forwardedTarget?(forwardedUri: string): { hostname: string; port: number } | undefined;
}

export class RayHttpProxy {
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Every request, oldest first (capped at a few thousand): what the operator asked whom, and the answer. */
  readonly requests: ProxiedRequest[] = [];
  port = 0;

  constructor(private readonly deps: RayHttpProxyDeps) {}

  /** http://127.0.0.1:<port>: the HTTP_PROXY value for the operator (and for tests that call Ray). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 30_000;
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    server.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => this.connect(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const addr = server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** GET through the proxy, as the operator would (for tests: `await sim.http.get('http://<podIP>:8000/-/healthz')`). */
  get(url: string, timeoutMs = 2000): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const u = new URL(url);
      const req = http.request({ host: '127.0.0.1', port: this.port, method: 'GET', path: url, headers: { host: u.host }, timeout: timeoutMs }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('timeout', () => req.destroy(new Error(`GET ${url}: timed out`)));
      req.on('error', reject);
      req.end();
    });
  }

  /**
   * Waits until `count` requests matching `filter` arrived after now (or after `since`). The operator
   * reads Serve status once per reconcile pass (every 2 s, and on events), so "3 more GETs for cluster X"
   * means "the operator looked at X three more times": a settle window for asserting that nothing happens.
   */
  async waitForRequests(filter: (r: ProxiedRequest) => boolean, count: number, opts: { since?: number; timeoutMs?: number } = {}): Promise<ProxiedRequest[]> {
    const since = opts.since ?? Date.now();
    const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
    for (;;) {
      const seen = this.requests.filter((r) => r.at >= since && filter(r));
      if (seen.length >= count) return seen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} matching Ray requests (saw ${seen.length})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A tunnel to a kubelet: piped to the local port that plays it. */
  private connect(req: http.IncomingMessage, socket: Socket, head: Buffer): void {
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    const local = m ? this.deps.tunnel?.(m[1]!, Number(m[2])) : undefined;
    this.record({ method: 'CONNECT', host: req.url ?? '', path: '', target: undefined, cluster: undefined, outcome: local ? 200 : 502 });
    if (!local) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(local, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  }

  private record(r: Omit<ProxiedRequest, 'at'>): void {
    this.requests.push({ at: Date.now(), ...r });
    if (this.requests.length > 5000) this.requests.splice(0, 1000);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    // A proxied request carries an absolute URI; a direct one (curl to the proxy port) only a path + Host.
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'unknown'}`);
    } catch {
      res.writeHead(400).end('bad request URI');
      return;
    }
    const method = req.method ?? 'GET';
    const forwarded = typeof req.headers['x-forwarded-uri'] === 'string' ? this.deps.forwardedTarget?.(req.headers['x-forwarded-uri']) : undefined;
    const port = forwarded?.port ?? Number(url.port || 80);
    const resolved = this.deps.resolve(forwarded?.hostname ?? url.hostname, port);
    const target = typeof resolved === 'object' ? resolved : undefined;
    const base = {
      method,
      host: url.host,
      path: url.pathname + url.search,
      target: target?.kind,
      cluster: target ? `${target.cluster.namespace}/${target.cluster.name}` : undefined,
    };

    if (resolved === undefined) {
      // What a forward proxy answers when the name does not resolve.
      this.record({ ...base, outcome: 502 });
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`simulator: cannot resolve ${url.hostname}`);
      return;
    }
    const down = target?.kind === 'dashboard' ? this.deps.faults.find('dashboardDown', target.cluster) : undefined;
    if (resolved === 'unreachable' || !target?.reachable || down) {
      const mode = down?.mode ?? 'refuse';
      if (mode === 'error') {
        this.record({ ...base, outcome: 503 });
        res.writeHead(503, { 'content-type': 'text/plain' }).end('simulator: dashboard unavailable');
      } else if (mode === 'hang') {
        this.record({ ...base, outcome: 'hang' }); // never answer; the client times out; stop() cleans up
      } else {
        this.record({ ...base, outcome: 'reset' }); // as close as a proxy gets to "connection refused"
        req.socket.destroy();
      }
      return;
    }

    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      const answer = (status: number, text: string, type = 'application/json') => {
        this.record({ ...base, outcome: status });
        res.writeHead(status, { 'content-type': type }).end(text);
      };
      const r = target.kind === 'dashboard' ? this.dashboard(target.cluster, method, url.pathname, body) : this.serveHttp(target, method, url.pathname);
      if (r.delayMs) setTimeout(() => answer(r.status, r.body, r.type), r.delayMs).unref();
      else answer(r.status, r.body, r.type);
    });
  }

  private dashboard(cluster: RayClusterRef, method: string, path: string, body: string): Answer {
    const serve = this.deps.serve;
    if (path === '/api/serve/applications/' || path === '/api/serve/applications') {
      if (method === 'GET') return json(200, serve.detailsJson(cluster));
      if (method === 'PUT') {
        const r = serve.put(cluster, body);
        return text(r.status, r.body);
      }
      if (method === 'DELETE') {
        serve.put(cluster, '{"applications":[]}');
        return text(200, '');
      }
      return text(405, 'method not allowed');
    }
    if (path === '/api/version') return json(200, JSON.stringify({ version: '4', ray_version: '2.46.0', ray_commit: 'simulated' }));
    if (path === '/api/jobs/' && method === 'GET') return json(200, '[]');
    if (path.startsWith('/api/jobs/')) return text(404, 'simulator: Ray jobs are not simulated');
    return text(404, `simulator: no dashboard route ${path}`);
  }

  /**
   * The Serve HTTP proxy: /-/healthz, /-/routes, and application traffic by route prefix (the longest
   * prefix that matches, as Ray's proxy routes). What an application answers is decided by its
   * config (ray-serve.ts `routeAnswer`), so a Serve change changes the answer.
   */
  private serveHttp(target: Extract<ProxyTarget, { kind: 'serve' }>, method: string, path: string): Answer {
    const { namespace, name } = target.cluster;
    const serve = this.deps.serve;
    // Ray starts Serve (and its proxies) with the first config; before that nothing answers healthily.
    const healthy = serve.started(namespace, name) && !this.deps.faults.find('serveProxyUnhealthy', target.cluster);
    if (path === '/-/healthz') return text(healthy ? 200 : 503, healthy ? 'success' : 'This node is not ready.');
    const apps = [...(serve.state(namespace, name)?.apps.values() ?? [])];
    if (path === '/-/routes') {
      const routes: Record<string, string> = {};
      for (const a of apps) if (a.routePrefix) routes[a.routePrefix] = a.name;
      return json(healthy ? 200 : 503, JSON.stringify(routes));
    }
    const app = apps
      .filter((a) => a.routePrefix && (path === a.routePrefix || a.routePrefix === '/' || path.startsWith(`${a.routePrefix.replace(/\/$/, '')}/`)))
      .sort((a, b) => (b.routePrefix?.length ?? 0) - (a.routePrefix?.length ?? 0))[0];
    const answer: Answer = app ? serve.routeAnswer(target.cluster, app) : text(404, `Path '${path}' not found. Ping http://.../-/routes for available routes.`);
    serve.logProxyRequest(target.cluster, method, path, answer.status, app?.name);
    return answer;
  }
}

export interface Answer {
  status: number;
  body: string;
  type: string;
  /** Answer this late (a slow first request). */
  delayMs?: number;
}
const json = (status: number, body: string): Answer => ({ status, body, type: 'application/json' });
const text = (status: number, body: string): Answer => ({ status, body, type: 'text/plain' });
