// kube-apiserver for one control plane, on loopback, backed by the control plane's etcd.
// Authentication: a static token (system:masters) for every client; RBAC authorization. The service
// account key pair is generated with Node's crypto (OpenSSL inside Node: no openssl binary needed).
// No controller-manager runs, so the ServiceAccount admission plugin (which wants default service
// accounts) is off, as in controller-runtime's envtest; TaintNodesByCondition is off too, so simulated
// nodes never get the node.kubernetes.io/not-ready taint that only a node lifecycle controller removes.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, type ManagedProcess } from './processes.js';
import { KubeRest } from './kube/rest.js';
import { waitFor } from './wait.js';

export interface ApiServerConfig {
  binary: string;
  dir: string;
  logDir: string;
  pidDir: string;
  port: number;
  etcdUrl: string;
  token: string;
  /** Extra flags, e.g. ['--feature-gates=…']. */
  extraArgs?: string[];
  /**
   * The simulator's HTTP proxy (http://127.0.0.1:<port>), given to the apiserver as HTTP_PROXY and
   * HTTPS_PROXY: its service proxy (`services/<name>:<port>/proxy`, to a pod IP) and its kubelet
   * client (`pods/log`, to a node IP) honour them (Go's http.ProxyFromEnvironment, set by
   * utilnet.SetTransportDefaults), so the simulated addresses reach the simulator. Loopback — etcd,
   * the apiserver's own clients — is never proxied.
   */
  simulatorProxy?: string;
}

/** Writes the token file and the service-account key pair (once per control plane). */
export function prepareApiServerFiles(dir: string, token: string): void {
  mkdirSync(join(dir, 'certs'), { recursive: true });
  writeFileSync(join(dir, 'tokens.csv'), `${token},admin,admin,"system:masters"\n`, { mode: 0o600 });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'sa.key'), privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
}

export function apiServerArgs(c: ApiServerConfig): string[] {
  return [
    `--etcd-servers=${c.etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${c.port}`,
    // Self-signed serving cert, generated on first start and reused on restart (same dir).
    `--cert-dir=${join(c.dir, 'certs')}`,
    `--token-auth-file=${join(c.dir, 'tokens.csv')}`,
    '--authorization-mode=RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${join(c.dir, 'sa.pub')}`,
    `--service-account-signing-key-file=${join(c.dir, 'sa.key')}`,
    '--service-cluster-ip-range=10.96.0.0/22',
    '--disable-admission-plugins=ServiceAccount,TaintNodesByCondition',
    '--allow-privileged=true',
    '--endpoint-reconciler-type=none',
    '--profiling=false',
    ...(c.extraArgs ?? []),
  ];
}

/** Starts kube-apiserver and waits until /readyz answers ok (5-30 s on 2 cores). */
export async function startApiServer(c: ApiServerConfig, timeoutMs = 120_000): Promise<ManagedProcess> {
  const proc = startProcess({
    name: 'kube-apiserver',
    command: c.binary,
    args: apiServerArgs(c),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...(c.simulatorProxy ? { HTTP_PROXY: c.simulatorProxy, HTTPS_PROXY: c.simulatorProxy, NO_PROXY: '' } : {}),
    },
    logDir: c.logDir,
    pidDir: c.pidDir,
  });
  const rest = new KubeRest(`https://127.0.0.1:${c.port}`, c.token);
  try {
    await waitFor(
      async () => {
        if (!proc.running()) throw new ExitedError(`kube-apiserver exited with ${await proc.exited}`);
        return (await rest.request<unknown>('GET', '/readyz', { timeoutMs: 2000 })) === 'ok';
      },
      { timeoutMs, intervalMs: 250, description: 'kube-apiserver /readyz' },
    );
  } catch (e) {
    if (!proc.running()) throw new Error(`kube-apiserver exited with ${await proc.exited}`);
    throw e;
  } finally {
    rest.close();
  }
  return proc;
}

class ExitedError extends Error {}
