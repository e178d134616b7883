// The real KubeRay operator, as a local process. It reaches the apiserver on 127.0.0.1 (Go never proxies
// loopback) and everything Ray — dashboards by service DNS name, head pods by pod IP — through
// HTTP_PROXY, which is the simulator's Ray HTTP proxy. NO_PROXY is emptied so nothing bypasses it.
import { startProcess, tailFile, type ManagedProcess } from './processes.js';
import { waitFor } from './wait.js';

export interface OperatorConfig {
  binary: string;
  kubeconfigPath: string;
  logDir: string;
  pidDir: string;
  rayProxyUrl: string;
  probePort: number;
  /** Extra environment, e.g. { ENABLE_ZERO_DOWNTIME: 'false' }. */
  env?: Record<string, string>;
  /** Extra flags, e.g. ['--feature-gates=RayServiceIncrementalUpgrade=true']. */
  args?: string[];
}

export async function startOperator(c: OperatorConfig, timeoutMs = 60_000): Promise<ManagedProcess> {
  const proc = startProcess({
    name: 'kuberay-operator',
    command: c.binary,
    args: [
      `--kubeconfig=${c.kubeconfigPath}`,
      '--enable-leader-election=false',
      '--metrics-addr=0',
      // The probe server is how we know the manager is up; it binds a free loopback port.
      `--health-probe-bind-address=127.0.0.1:${c.probePort}`,
      '--log-stdout-encoder=console',
      ...(c.args ?? []),
    ],
    // A clean environment: no KUBECONFIG, proxies or cluster settings leaking in from the caller.
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      HTTP_PROXY: c.rayProxyUrl,
      http_proxy: c.rayProxyUrl,
      HTTPS_PROXY: '',
      https_proxy: '',
      NO_PROXY: '',
      no_proxy: '',
      ...c.env,
    },
    logDir: c.logDir,
    pidDir: c.pidDir,
  });
  // Ready = probe answers and both controllers we care about started their workers (caches synced).
  await waitFor(
    async () => {
      if (!proc.running()) throw new Error(`kuberay-operator exited with ${await proc.exited}`);
      const log = tailFile(proc.logPath, 400);
      // console encoder: "controllers.RayService\tStarting workers"; json: "controller":"rayservice".
      const lines = log.split('\n').filter((l) => l.includes('Starting workers'));
      const started = (name: string) => lines.some((l) => l.toLowerCase().includes(name));
      return started('rayservice') && started('raycluster');
    },
    { timeoutMs, intervalMs: 200, description: 'the KubeRay operator to start its RayService and RayCluster workers' },
  ).catch(async (e) => {
    if (!proc.running()) throw new Error(`kuberay-operator exited with ${await proc.exited}`);
    throw e;
  });
  return proc;
}
