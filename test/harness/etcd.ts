// etcd for one control plane: loopback ports, data in the control plane's temp dir, no fsync (tests do
// not need durability across machine crashes, and fsync dominates etcd latency on small VMs).
import { join } from 'node:path';
import { startProcess, type ManagedProcess } from './processes.js';
import { waitFor } from './wait.js';

export interface EtcdInstance {
  process: ManagedProcess;
  clientUrl: string;
}

export async function startEtcd(opts: {
  binary: string;
  dir: string;
  logDir: string;
  pidDir: string;
  clientPort: number;
  peerPort: number;
}): Promise<EtcdInstance> {
  const clientUrl = `http://127.0.0.1:${opts.clientPort}`;
  const peerUrl = `http://127.0.0.1:${opts.peerPort}`;
  const proc = startProcess({
    name: 'etcd',
    command: opts.binary,
    args: [
      '--name=rsr',
      `--data-dir=${join(opts.dir, 'etcd-data')}`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=rsr=${peerUrl}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
    ],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
    logDir: opts.logDir,
    pidDir: opts.pidDir,
  });
  await waitFor(
    async () => {
      if (!proc.running()) throw new Error(`etcd exited (${await proc.exited})`);
      const res = await fetch(`${clientUrl}/health`, { signal: AbortSignal.timeout(1000) });
      const body = (await res.json()) as { health?: string };
      return body.health === 'true';
    },
    { timeoutMs: 30_000, intervalMs: 100, description: 'etcd /health' },
  ).catch(async (e) => {
    if (!proc.running()) throw new Error(`etcd exited with ${await proc.exited}`);
    throw e;
  });
  return { process: proc, clientUrl };
}
