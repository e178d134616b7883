// npm run cluster:up [-- --kuberay v1.5.1] [-- --keep]
// Starts a local control plane (etcd, kube-apiserver, KubeRay operator, simulator) and holds it until
// Ctrl-C (or SIGTERM), then tears everything down. Use it with kubectl or the CLI:
//   export KUBECONFIG=<printed path>; kubectl get rayservices -A
// See docs/local-control-plane.md.
import { parseArgs } from 'node:util';
import { KUBERAY_VERSIONS, startControlPlane, type KubeRayVersion } from '../test/harness/index.js';

const { values } = parseArgs({
  options: {
    kuberay: { type: 'string', default: KUBERAY_VERSIONS[0] },
    keep: { type: 'boolean', default: false },
    'zero-downtime': { type: 'string' },
  },
});
const kuberayVersion = values.kuberay as KubeRayVersion;
if (!KUBERAY_VERSIONS.includes(kuberayVersion)) {
  console.error(`unknown KubeRay version ${kuberayVersion} (known: ${KUBERAY_VERSIONS.join(', ')})`);
  process.exit(2);
}

console.error(`starting a local control plane with KubeRay ${kuberayVersion}…`);
const cp = await startControlPlane({
  kuberayVersion,
  keepTempDir: values.keep,
  operatorEnv: values['zero-downtime'] ? { ENABLE_ZERO_DOWNTIME: values['zero-downtime'] } : undefined,
  onProgress: (l) => console.error(`  ${l}`),
});

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: stopping the control plane…`);
  await cp.stop();
  console.error(values.keep ? `stopped; files kept in ${cp.dir}` : 'stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

console.error(`ready in ${(cp.startupMs.total! / 1000).toFixed(1)} s
  apiserver          ${cp.server} (direct: ${cp.directServer})
  Ray HTTP proxy     ${cp.sim.http.url}
  logs               ${cp.logs.dir}
Press Ctrl-C to stop.`);
// stdout: only the lines a shell wants (eval "$(npm run -s cluster:up | head -2)" works too).
console.log(`KUBECONFIG=${cp.kubeconfigPath}`);
console.log(`export KUBECONFIG=${cp.kubeconfigPath}`);

// Hold the event loop open until a signal arrives.
setInterval(() => undefined, 1 << 30);
