/**
 * Loopback stand-ins for API servers that misbehave, and kubeconfigs that point at them: a TCP
 * server that accepts and never answers, an HTTPS server whose certificate nobody trusts, one that
 * answers /version and then stalls, and credential plugins that never return.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StandIn {
  readonly url: string;
  close(): Promise<void>;
}

function closing(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

function listening(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** Accepts connections and never says a word (a black hole behind a load balancer). */
export async function silentServer(): Promise<StandIn> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  const port = await listening(server);
  return { url: `https://127.0.0.1:${port}`, close: closing(server, sockets) };
}

/** A self-signed certificate for 127.0.0.1, made with openssl once per call. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rsr-cert-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'].concat([
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

/**
 * HTTPS with a certificate of its own: answers GET /version, and stalls every other request when
 * `stallAfterVersion` (an API server that is up but does not serve).
 */
export async function httpsServer(cert: { key: string; cert: string }, stallAfterVersion = false): Promise<StandIn> {
  const sockets = new Set<Socket>();
  const server = createHttpsServer(cert, (req, res) => {
    if (req.url?.startsWith('/version')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ major: '1', minor: '33', gitVersion: 'v1.33.0' }));
      return;
    }
    if (stallAfterVersion) return; // never answers
    res.statusCode = 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' }));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => {});
  const port = await listening(server as unknown as Server);
  return { url: `https://127.0.0.1:${port}`, close: closing(server as unknown as Server, sockets) };
}

export interface KubeconfigOptions {
  readonly server: string;
  /** PEM of the CA to trust; none: the system's. */
  readonly ca?: string;
  /** An exec credential plugin (a path). */
  readonly exec?: string;
  readonly contexts?: readonly string[];
}

/** A kubeconfig file in `dir`; contexts (default: one, "test") all use the same cluster and user. */
export function writeKubeconfig(dir: string, o: KubeconfigOptions): string {
  const contexts = o.contexts ?? ['test'];
  const user = o.exec ? { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: o.exec, interactiveMode: 'Never' } } : { token: 'test-token' };
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: o.server, ...(o.ca ? { 'certificate-authority-data': Buffer.from(o.ca).toString('base64') } : {}) } }],
    users: [{ name: 'u', user }],
    contexts: contexts.map((name) => ({ name, context: { cluster: 'c', user: 'u' } })),
    'current-context': contexts[0],
  };
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** A credential plugin that never returns; its child `sleep` must die with it. */
export function hangingPlugin(dir: string): string {
  const path = join(dir, 'hanging-plugin.sh');
  writeFileSync(path, '#!/bin/sh\nsleep 600\n');
  chmodSync(path, 0o755);
  return path;
}

/** A credential plugin that fails, as a real one says why. */
export function failingPlugin(dir: string): string {
  const path = join(dir, 'failing-plugin.sh');
  writeFileSync(path, '#!/bin/sh\necho "error: the SSO session has expired; run aws sso login" >&2\nexit 1\n');
  chmodSync(path, 0o755);
  return path;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
