/**
 * Before any control-plane suite starts: build (on a fresh machine) or locate (cached) every binary
 * those suites need (etcd, kube-apiserver, the operators, act), once, outside any test hook — a cold build takes about 13 minutes on 2 cores,
 * far longer than a hook may take, and a hook that times out mid-build used to restart it. Progress
 * is printed as it goes, with a heartbeat, so a long first run is never silent.
 */
import { resolveAct } from '../workflows/act.js';
import { KUBERAY_VERSIONS, resolveBinaries } from './binaries.js';

const HEARTBEAT_MS = 60_000;

export default async function buildControlPlaneBinaries(): Promise<void> {
  const started = Date.now();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  let last = 'locating the control plane binaries';
  const heartbeat = setInterval(() => say(`[testbin] still working (${Math.round((Date.now() - started) / 60_000)} min): ${last}`), HEARTBEAT_MS);
  try {
    for (const version of KUBERAY_VERSIONS) {
      await resolveBinaries(version, (line) => {
        last = line.replace(/^\[testbin [^\]]*\]\s*/, '');
        say(line);
      });
    }
    // The runner of the workflow suites that apply to a control plane.
    await resolveAct((line) => {
      last = line.replace(/^\[testbin [^\]]*\]\s*/, '');
      say(line);
    });
  } finally {
    clearInterval(heartbeat);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (seconds > 5) say(`[testbin] control plane binaries ready after ${seconds} s`);
}
