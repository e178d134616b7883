// npm run record:health [-- --kuberay v1.6.2]
// Re-records the RayService statuses that the health rules of deploy/argocd and deploy/flux are
// tested against (test/tools/health-rules.test.ts): each scenario is played on a local control
// plane (the real KubeRay operator; the simulator plays nodes and Ray), and the RayService is saved
// at the moment the scenario is in the state its name says, with the health a person expects of it.
// Output: test/fixtures/health/<scenario>.json = { kuberay, expect: {argocd, flux}, object }.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KUBERAY_VERSIONS, rayServiceObject, repoRoot, startControlPlane, waitFor, type KubeObject, type KubeRayVersion } from '../test/harness/index.js';

const { values } = parseArgs({ options: { kuberay: { type: 'string', default: KUBERAY_VERSIONS[0] } } });
const kuberay = values.kuberay as KubeRayVersion;
const NS = 'health';
const OUT = join(repoRoot, 'test', 'fixtures', 'health');

type Health = { argocd: 'Healthy' | 'Progressing' | 'Degraded'; flux: 'Current' | 'InProgress' | 'Failed' };
const HEALTHY: Health = { argocd: 'Healthy', flux: 'Current' };
const PROGRESSING: Health = { argocd: 'Progressing', flux: 'InProgress' };
const DEGRADED: Health = { argocd: 'Degraded', flux: 'Failed' };

const cp = await startControlPlane({ kuberayVersion: kuberay, onProgress: (l) => console.error(`  ${l}`) });
try {
  await cp.kubectl.ensureNamespace(NS);
  const get = (name: string) => cp.kubectl.get('RayService', name, NS);
  const st = (o: KubeObject) => o.status ?? {};
  const ready = (o: KubeObject) => (st(o).conditions ?? []).find((c: KubeObject) => c.type === 'Ready');
  const apps = (s: KubeObject | undefined) => Object.values(s?.applicationStatuses ?? {}) as KubeObject[];
  const serving = (o: KubeObject) =>
    !!st(o).activeServiceStatus?.rayClusterName &&
    !st(o).pendingServiceStatus?.rayClusterName &&
    ready(o)?.status === 'True' &&
    apps(st(o).activeServiceStatus).length > 0 &&
    apps(st(o).activeServiceStatus).every((a) => a.status === 'RUNNING') &&
    st(o).observedGeneration === o.metadata.generation;
  const record = async (scenario: string, name: string, expect: Health, when: (o: KubeObject) => boolean, timeoutMs = 120_000) => {
    const o = await waitFor(
      async () => {
        const x = await get(name);
        return when(x) ? x : undefined;
      },
      { timeoutMs, intervalMs: 100, description: scenario },
    );
    const { managedFields: _m, ...metadata } = o.metadata;
    const object = { apiVersion: o.apiVersion, kind: o.kind, metadata, status: o.status };
    writeFileSync(join(OUT, `${scenario}.json`), `${JSON.stringify({ kuberay, expect, object }, null, 2)}\n`);
    console.error(`recorded ${scenario}`);
  };

  // A new RayService: a status exists, no cluster serves yet.
  await cp.kubectl.apply(rayServiceObject({ name: 'fresh', namespace: NS }));
  await record('creating', 'fresh', PROGRESSING, (o) => !!o.status && !st(o).activeServiceStatus?.rayClusterName);
  await record('serving', 'fresh', HEALTHY, serving);

  // A blue/green upgrade: the pending cluster is prepared while the active one serves.
  await cp.kubectl.apply(rayServiceObject({ name: 'fresh', namespace: NS, image: 'rayproject/ray:2.46.0-py311' }));
  await record('upgrading', 'fresh', PROGRESSING, (o) => !!st(o).pendingServiceStatus?.rayClusterName);
  await record('upgraded', 'fresh', HEALTHY, (o) => serving(o) && st(o).activeServiceStatus.rayClusterName !== undefined && o.metadata.generation > 1);

  // A Serve config change whose application fails to deploy on the running cluster.
  const fault = cp.sim.faults.deployFailed({ namespace: NS, rayService: 'fresh' }, { message: 'ImportError: no module named foo' });
  await cp.kubectl.apply(rayServiceObject({ name: 'fresh', namespace: NS, image: 'rayproject/ray:2.46.0-py311', serveConfigRevision: 'broken' }));
  await record('deploy-failed', 'fresh', DEGRADED, (o) => apps(st(o).activeServiceStatus).some((a) => a.status === 'DEPLOY_FAILED'));
  fault.clear();

  // A spec the API server accepts and the operator refuses (minReplicas above maxReplicas).
  const invalid = rayServiceObject({ name: 'invalid', namespace: NS });
  Object.assign(invalid.spec.rayClusterConfig.workerGroupSpecs[0], { minReplicas: 3, maxReplicas: 1 });
  await cp.kubectl.apply(invalid);
  await record('validation-failed', 'invalid', DEGRADED, (o) => ready(o)?.reason === 'ValidationFailed');
} finally {
  await cp.stop();
}
