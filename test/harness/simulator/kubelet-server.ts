// The kubelets' HTTPS endpoint, as kube-apiserver calls it for `pods/log`:
//   GET https://<node>:<port>/containerLogs/<namespace>/<pod>/<container>?tailLines=…&limitBytes=…
// One TLS server on 127.0.0.1 for every simulated node: each Node's status.daemonEndpoints
// .kubeletEndpoint.Port names its port, and the apiserver reaches "<node>:<port>" through its
// HTTPS_PROXY, the simulator's HTTP proxy, which pipes the CONNECT here (ray-http-proxy.ts). The
// apiserver verifies no kubelet certificate unless --kubelet-certificate-authority is given (it is
// not), so the apiserver's own self-signed serving certificate does.
// What a container "printed" comes from `logs(namespace, pod, container)`: the head pods' Serve lines
// (ray-serve.ts), a process's log file for a stand-in pod (the KubeRay operator's).
import https from 'node:https';
import type { Socket } from 'node:net';
import { readFileSync } from 'node:fs';

export interface ContainerLogRequest {
  at: number;
  path: string;
  status: number;
}

export type ContainerLogs = (namespace: string, pod: string, container: string) => string | undefined;

export class KubeletServer {
  private server: https.Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Every /containerLogs request the apiserver made, oldest first. */
  readonly requests: ContainerLogRequest[] = [];
  port = 0;

  constructor(
    private readonly tls: { certPath: string; keyPath: string },
    private readonly logs: ContainerLogs,
  ) {}

  async start(): Promise<void> {
    const server = https.createServer({ cert: readFileSync(this.tls.certPath), key: readFileSync(this.tls.keyPath) }, (req, res) => {
      const url = new URL(req.url ?? '/', 'https://kubelet');
      const status = this.answer(url, res);
      this.requests.push({ at: Date.now(), path: url.pathname + url.search, status });
      if (this.requests.length > 1000) this.requests.splice(0, 200);
    });
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const addr = server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The kubelet's answer: the container's output, its last `tailLines`, at most `limitBytes`. */
  private answer(url: URL, res: import('node:http').ServerResponse): number {
    const m = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const text = m ? this.logs(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), decodeURIComponent(m[3]!)) : undefined;
    if (text === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('simulated kubelet: no such container');
      return 404;
    }
    let lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const tail = Number(url.searchParams.get('tailLines') ?? '');
    if (Number.isInteger(tail) && tail >= 0 && url.searchParams.has('tailLines')) lines = tail === 0 ? [] : lines.slice(-tail);
    let body = Buffer.from(lines.map((l) => `${l}\n`).join(''));
    const limit = Number(url.searchParams.get('limitBytes') ?? '');
    if (Number.isInteger(limit) && limit > 0) body = body.subarray(0, limit);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
    return 200;
  }
}
