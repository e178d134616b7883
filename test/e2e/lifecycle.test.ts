/**
 * Lifecycle of RayServices on the local control plane: the REAL KubeRay operator (v1.6.2, and a smoke
 * test of v1.5.1) on a REAL kube-apiserver, with the simulator playing nodes, kubelet and Ray.
 * The RayServices are the repo's examples (examples/base → examples/head), with
 * rayClusterDeletionDelaySeconds shortened to 1 s so that a blue/green upgrade finishes in seconds.
 * The second half exercises the simulator's fault switches, which the conformance and watch tests use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppsV1Api, CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_NODES,
  appsHealthy,
  condition,
  getRayService,
  gpuNode,
  isServing,
  operatorPasses,
  parseYamlDocuments,
  readLog,
  repoRoot,
  podsOfCluster,
  rayClustersOf,
  rayServiceObject,
  startControlPlane,
  summarize,
  unschedulablePods,
  waitFor,
  waitForRayService,
  type ControlPlane,
  type KubeObject,
  type Recording,
} from '../harness/index.js';

const NS = 'ml-serving';

/** The objects of an example file as written. */
function exampleAsWritten(revision: 'base' | 'head', file: string): KubeObject[] {
  return parseYamlDocuments(readFileSync(join(repoRoot, 'examples', revision, file), 'utf8'));
}

/**
 * The RayServices (and other objects) of an example file, with a 1 s deletion delay for speed. (A head
 * container that lists its own ports must list `dashboard` too: KubeRay builds the head service from the
 * listed ports only when there are any; see the fault tests below. The examples do.)
 */
function example(revision: 'base' | 'head', file: string, edit?: (rs: KubeObject) => void): KubeObject[] {
  const docs = exampleAsWritten(revision, file);
  for (const d of docs) {
    if (d.kind !== 'RayService') continue;
    d.spec.rayClusterDeletionDelaySeconds = 1;
    edit?.(d);
  }
  return docs;
}

/** Recorded changes of one RayService / its RayClusters since t. */
const rsEvents = (rec: Recording, name: string, t: number) => rec.since(t).filter((e) => e.object.metadata.name === name);
const clustersCreated = (rec: Recording, rayService: string, t: number) =>
  rec.since(t).filter((e) => e.type === 'ADDED' && e.object.metadata.labels?.['ray.io/originated-from-cr-name'] === rayService);

/** The operator applied generation G, then looked at the cluster three more times: a settled "nothing". */
async function settled(cp: ControlPlane, name: string, generation: number): Promise<void> {
  const s = await waitForRayService(cp.kubectl, name, NS, (x) => x.observedGeneration >= generation, {
    description: `${name} to observe generation ${generation}`,
  });
  await operatorPasses(cp.sim, NS, s.activeCluster!, 3);
}

describe('RayService lifecycle on KubeRay v1.6.2', () => {
  let cp: ControlPlane;
  let clusters: Recording;
  let services: Recording;

  beforeAll(async () => {
    cp = await startControlPlane({
      kuberayVersion: 'v1.6.2',
      // The chat example wants GPU nodes tainted nvidia.com/gpu (its workers tolerate the taint).
      nodes: [...DEFAULT_NODES, gpuNode('gpu-0', 4, { taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }] })],
    });
    await cp.kubectl.ensureNamespace(NS);
    clusters = await cp.kubectl.record('RayCluster', { namespace: NS });
    services = await cp.kubectl.record('RayService', { namespace: NS });
  });

  afterAll(async () => {
    await clusters?.stop();
    await services?.stop();
    await cp?.stop();
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(`control plane logs (tails):\n${cp.logTails(40)}`));
  });

  it('starts a control plane that @kubernetes/client-node can use', async () => {
    const core = cp.kubeConfig.makeApiClient(CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name).sort()).toEqual(['gpu-0', 'node-0', 'node-1', 'node-2']);
    expect(nodes.items.find((n) => n.metadata?.name === 'gpu-0')?.status?.allocatable?.['nvidia.com/gpu']).toBe('4');
    const crds = await cp.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: NS, plural: 'rayservices' });
    expect(crds).toHaveProperty('items');
    // No controller-manager runs: Deployments are stored but nothing acts on them (documented).
    expect(await cp.kubeConfig.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: NS })).toHaveProperty('items');
    console.log(`control plane started in ${cp.startupMs.total} ms`, cp.startupMs);
  });

  it('create: the operator builds one RayCluster per example RayService, and each becomes Ready with its apps RUNNING', async () => {
    const t0 = Date.now();
    const docs = ['sentiment.yaml', 'fraud.yaml', 'batch-embed.yaml', 'chat.yaml'].flatMap((f) => example('base', f));
    await cp.kubectl.apply(docs);
    const names = docs.filter((d) => d.kind === 'RayService').map((d) => d.metadata.name as string);
    const snaps = await Promise.all(names.map((n) => waitForRayService(cp.kubectl, n, NS, isServing, { timeoutMs: 90_000, description: `${n} serving` })));
    console.log(`4 RayServices serving after ${Date.now() - t0} ms`);

    for (const s of snaps) {
      const rcs = await rayClustersOf(cp.kubectl, s.name, NS);
      expect(rcs.map((c) => c.metadata.name)).toEqual([s.activeCluster]);
      const rc = rcs[0]!;
      expect(rc.metadata.annotations['ray.io/kuberay-version']).toBe('v1.6.2');
      expect(rc.metadata.annotations['ray.io/hash-without-replicas-and-workers-to-delete']).toMatch(/^[0-9A-V]+$/);
      expect(rc.metadata.annotations['ray.io/num-worker-groups']).toBe(String(rc.spec.workerGroupSpecs.length));
      expect(s.ready).toMatchObject({ status: 'True', reason: 'NonZeroServeEndpoints' });
      expect(s.upgradeInProgress).toMatchObject({ status: 'False', reason: 'NoPendingCluster' });

      const pods = await podsOfCluster(cp.kubectl, rc.metadata.name, NS);
      const expected = 1 + rc.spec.workerGroupSpecs.reduce((n: number, g: KubeObject) => n + (g.replicas ?? 0), 0);
      expect(pods).toHaveLength(expected);
      for (const p of pods) {
        expect(p.status.phase).toBe('Running');
        expect(condition(p, 'Ready')?.status).toBe('True');
        expect(p.status.podIP).toMatch(/^198\.18\./);
      }
      // The operator labelled the head after its Serve proxy answered /-/healthz; endpoints follow the label.
      const head = pods.find((p) => p.metadata.labels['ray.io/node-type'] === 'head')!;
      expect(head.metadata.labels['ray.io/serve']).toBe('true');
      const slices = await cp.kubectl.list('EndpointSlice', { namespace: NS, labelSelector: `kubernetes.io/service-name=${s.name}-serve-svc` });
      const readyUids = slices
        .flatMap((sl) => sl.endpoints ?? [])
        .filter((e: KubeObject) => e.conditions.ready)
        .map((e: KubeObject) => e.targetRef.uid);
      expect(readyUids).toContain(head.metadata.uid);
      expect(s.numServeEndpoints).toBe(readyUids.length);
      // The simulated Ray got exactly one Serve config, the RayService's.
      expect(cp.sim.serve.state(NS, rc.metadata.name)?.puts).toHaveLength(1);
    }
    // The ConfigMap of the sentiment example is applied as any object.
    expect(await cp.kubectl.get('ConfigMap', 'ticket-triage-settings', NS)).toMatchObject({ data: { LOG_LEVEL: 'info' } });
  });

  it('Serve config change (fraud example): the same RayCluster gets the new config in place, no pending cluster', async () => {
    const before = await getRayService(cp.kubectl, 'fraud-scoring', NS);
    const rcBefore = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
    const t0 = Date.now();
    const [applied] = await cp.kubectl.apply(example('head', 'fraud.yaml').filter((d) => d.kind === 'RayService'));
    const g = applied!.metadata.generation as number;

    await waitFor(() => JSON.stringify(cp.sim.serve.state(NS, before.activeCluster!)?.puts.at(-1)?.config ?? '').includes('2026-11-20'), {
      timeoutMs: 30_000,
      description: 'the new Serve config to reach the active cluster',
    });
    const after = await waitForRayService(cp.kubectl, 'fraud-scoring', NS, (s) => isServing(s) && s.observedGeneration >= g);
    expect(after.activeCluster).toBe(before.activeCluster);
    expect(clustersCreated(clusters, 'fraud-scoring', t0)).toEqual([]);
    expect(rsEvents(services, 'fraud-scoring', t0).filter((e) => e.object.status?.pendingServiceStatus?.rayClusterName)).toEqual([]);
    // "1000m" → "1" and "2048Mi" → "2Gi" are the same quantities: the RayCluster is not even updated.
    const rcAfter = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
    expect(rcAfter.metadata.generation).toBe(rcBefore.metadata.generation);
    expect(cp.sim.serve.state(NS, before.activeCluster!)?.puts).toHaveLength(2);
  });

  it('image change (sentiment example): a pending cluster is built, promoted, and the old one deleted with its pods', async () => {
    const before = await getRayService(cp.kubectl, 'ticket-triage', NS);
    const old = before.activeCluster!;
    const oldPods = (await podsOfCluster(cp.kubectl, old, NS)).map((p) => p.metadata.name);
    const t0 = Date.now();
    await cp.kubectl.apply(example('head', 'sentiment.yaml').filter((d) => d.kind === 'RayService'));

    const pending = await waitForRayService(cp.kubectl, 'ticket-triage', NS, (s) => s.pendingCluster !== undefined, { description: 'a pending cluster' });
    const next = pending.pendingCluster!;
    expect(next).not.toBe(old);
    const promoted = await waitForRayService(cp.kubectl, 'ticket-triage', NS, (s) => isServing(s) && s.activeCluster === next, {
      timeoutMs: 60_000,
      description: 'promotion',
    });
    console.log(`blue/green upgrade promoted after ${Date.now() - t0} ms`);
    expect(promoted.upgradeInProgress).toMatchObject({ status: 'False', reason: 'NoPendingCluster' });
    const newRc = await cp.kubectl.get('RayCluster', next, NS);
    expect(newRc.spec.headGroupSpec.template.spec.containers[0].image).toBe('rayproject/ray:2.46.0-py311');

    // The old RayCluster goes after rayClusterDeletionDelaySeconds (1 s); the simulated GC removes its pods.
    await waitFor(async () => (await cp.kubectl.tryGet('RayCluster', old, NS)) === undefined, { timeoutMs: 30_000, description: `RayCluster ${old} deleted` });
    await waitFor(async () => (await podsOfCluster(cp.kubectl, old, NS)).length === 0, { timeoutMs: 30_000, description: `pods of ${old} gone` });
    expect(cp.sim.gc.deletions.filter((d) => d.kind === 'Pod' && oldPods.includes(d.name)).length).toBe(oldPods.length);
    expect((await rayClustersOf(cp.kubectl, 'ticket-triage', NS)).map((c) => c.metadata.name)).toEqual([next]);

    // What the product watches: the pending cluster showed up in status, UpgradeInProgress went True,
    // and Ready stayed True all along (the old cluster kept serving).
    const history = rsEvents(services, 'ticket-triage', t0).map((e) => e.object);
    expect(history.some((o) => o.status?.pendingServiceStatus?.rayClusterName === next)).toBe(true);
    expect(history.some((o) => condition(o, 'UpgradeInProgress')?.status === 'True')).toBe(true);
    expect(history.every((o) => condition(o, 'Ready')?.status === 'True')).toBe(true);
    expect(clustersCreated(clusters, 'ticket-triage', t0).map((e) => e.object.metadata.name)).toEqual([next]);
    // Since KubeRay 1.4 the new Serve config goes only to the new cluster.
    expect(cp.sim.http.requests.filter((r) => r.at >= t0 && r.method === 'PUT' && r.cluster === `${NS}/${old}`)).toEqual([]);
    expect(cp.sim.serve.state(NS, next)?.puts.length).toBeGreaterThanOrEqual(1);
  });

  it('replicas-only change (batch-embed example): nothing happens to the running cluster', async () => {
    const before = await getRayService(cp.kubectl, 'embeddings', NS);
    const rcBefore = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
    const podsBefore = (await podsOfCluster(cp.kubectl, before.activeCluster!, NS)).length;
    const t0 = Date.now();
    const [applied] = await cp.kubectl.apply(example('head', 'batch-embed.yaml').filter((d) => d.kind === 'RayService'));
    await settled(cp, 'embeddings', applied!.metadata.generation);

    const after = await getRayService(cp.kubectl, 'embeddings', NS);
    expect(isServing(after)).toBe(true);
    expect(after.activeCluster).toBe(before.activeCluster);
    expect(clustersCreated(clusters, 'embeddings', t0)).toEqual([]);
    const rcAfter = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
    expect(rcAfter.metadata.generation).toBe(rcBefore.metadata.generation);
    expect(rcAfter.spec.workerGroupSpecs[0].replicas).toBe(1);
    expect(await podsOfCluster(cp.kubectl, before.activeCluster!, NS)).toHaveLength(podsBefore);
  });

  it('appended worker group (chat example): the RayCluster is updated in place', async () => {
    const before = await getRayService(cp.kubectl, 'chat-assistant', NS);
    const t0 = Date.now();
    await cp.kubectl.apply(example('head', 'chat.yaml').filter((d) => d.kind === 'RayService'));
    const rc = await waitFor(
      async () => {
        const c = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
        return c.spec.workerGroupSpecs.length === 2 ? c : undefined;
      },
      { timeoutMs: 30_000, description: 'the RayCluster to get the appended group' },
    );
    expect(rc.spec.workerGroupSpecs.map((g: KubeObject) => g.groupName)).toEqual(['gpu-l4', 'gpu-h100']);
    expect(rc.metadata.annotations['ray.io/num-worker-groups']).toBe('2');
    const after = await waitForRayService(cp.kubectl, 'chat-assistant', NS, isServing);
    expect(after.activeCluster).toBe(before.activeCluster);
    expect(clustersCreated(clusters, 'chat-assistant', t0)).toEqual([]);
    const events = await cp.kubectl.events(NS, { involvedObjectName: 'chat-assistant', reason: 'UpdatedRayCluster' });
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it('upgradeStrategy None + image change: nothing happens', async () => {
    const none = (rs: KubeObject) => (rs.spec.upgradeStrategy = { type: 'None' });
    // First the strategy alone (a RayService-level field, not hashed): no effect by itself.
    const [a] = await cp.kubectl.apply(example('head', 'batch-embed.yaml', none).filter((d) => d.kind === 'RayService'));
    await settled(cp, 'embeddings', a!.metadata.generation);
    const before = await getRayService(cp.kubectl, 'embeddings', NS);
    const rcBefore = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
    const t0 = Date.now();
    const [b] = await cp.kubectl.apply(
      example('head', 'batch-embed.yaml', (rs) => {
        none(rs);
        rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.46.0-py311';
        rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].image = 'rayproject/ray:2.46.0-py311';
      }).filter((d) => d.kind === 'RayService'),
    );
    await settled(cp, 'embeddings', b!.metadata.generation);

    const after = await getRayService(cp.kubectl, 'embeddings', NS);
    expect(isServing(after)).toBe(true);
    expect(after.activeCluster).toBe(before.activeCluster);
    expect(clustersCreated(clusters, 'embeddings', t0)).toEqual([]);
    const rcAfter = await cp.kubectl.get('RayCluster', before.activeCluster!, NS);
    expect(rcAfter.metadata.generation).toBe(rcBefore.metadata.generation);
    expect(rcAfter.spec.headGroupSpec.template.spec.containers[0].image).toBe('rayproject/ray:2.44.1-py311');
  });

  describe('simulator fault switches', () => {
    const FNS = 'faults';
    beforeAll(async () => {
      await cp.kubectl.ensureNamespace(FNS);
    });
    // A failed test must not leave its faults on for the next ones.
    afterEach(() => cp.sim.faults.clearAll());

    it('deployFailed, headNeverReady and pods that do not fit show up as the operator and scheduler would report them', async () => {
      const failed = cp.sim.faults.deployFailed({ namespace: FNS, rayService: 'broken' }, { message: 'ImportError: no module named fruit' });
      const stuck = cp.sim.faults.headNeverReady({ namespace: FNS, rayService: 'stuck' });
      await cp.kubectl.apply(
        [
          rayServiceObject({ name: 'broken', namespace: FNS }),
          rayServiceObject({ name: 'stuck', namespace: FNS }),
          // 8 GPUs per worker: more than any node has.
          rayServiceObject({ name: 'gpu-hungry', namespace: FNS, workerGroups: [{ groupName: 'gpu', gpu: 8 }] }),
        ],
        { namespace: FNS },
      );

      // DEPLOY_FAILED: the first cluster stays pending with the failed app in its status; not Ready.
      const broken = await waitForRayService(cp.kubectl, 'broken', FNS, (s) => s.pendingApps.fruit?.status === 'DEPLOY_FAILED', {
        description: 'broken: DEPLOY_FAILED',
      });
      expect(broken.pendingApps.fruit?.message).toBe('ImportError: no module named fruit');
      expect(Object.values(broken.pendingApps.fruit?.serveDeploymentStatuses ?? {}).map((d) => d.status)).toEqual(['DEPLOY_FAILED']);
      expect(broken.ready).toMatchObject({ status: 'False', reason: 'Initializing' });
      expect(broken.activeCluster).toBeUndefined();

      // Head never ready: the RayCluster reports HeadPodReady=False, the operator never calls the dashboard.
      const stuckSnap = await waitForRayService(cp.kubectl, 'stuck', FNS, (s) => s.pendingCluster !== undefined);
      const stuckRc = await waitFor(async () => {
        const rc = await cp.kubectl.tryGet('RayCluster', stuckSnap.pendingCluster!, FNS);
        return rc && condition(rc, 'HeadPodReady')?.status === 'False' && condition(rc, 'HeadPodReady')?.reason === 'ContainersNotReady' ? rc : undefined;
      });
      expect(cp.sim.http.requests.filter((r) => r.cluster === `${FNS}/${stuckRc.metadata.name}` && r.target === 'dashboard')).toEqual([]);

      // Unschedulable: the GPU worker stays Pending with the scheduler's message; a big enough node fixes it.
      // Its apps run on the head, so the cluster may already be promoted (active) by the time we look
      // under load: the unschedulable worker is what matters, on whichever side the cluster is.
      const hungry = await waitForRayService(cp.kubectl, 'gpu-hungry', FNS, (s) => (s.pendingCluster ?? s.activeCluster) !== undefined);
      const hungryCluster = (hungry.pendingCluster ?? hungry.activeCluster)!;
      const pending = await waitFor(async () => {
        const pods = await unschedulablePods(cp.kubectl, hungryCluster, FNS);
        return pods.length === 1 ? pods : undefined;
      });
      expect(condition(pending[0]!, 'PodScheduled')?.message).toBe(
        '0/4 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: }, 3 Insufficient nvidia.com/gpu. ' +
          'preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.',
      );
      await cp.sim.addNode(gpuNode('gpu-big', 8));

      // Switching the faults off lets both recover; the new node lets the GPU cluster start.
      failed.clear();
      stuck.clear();
      await Promise.all(
        ['broken', 'stuck', 'gpu-hungry'].map((n) => waitForRayService(cp.kubectl, n, FNS, isServing, { description: `${n} serving after recovery` })),
      );
      await cp.kubectl.delete('RayService', 'gpu-hungry', { namespace: FNS, wait: { timeoutMs: 30_000 } });
      await cp.sim.removeNode('gpu-big');
    });

    it('a head container listing ports without `dashboard` never gets past Initializing', async () => {
      const [rs] = exampleAsWritten('base', 'fraud.yaml').filter((d) => d.kind === 'RayService');
      rs!.metadata.namespace = FNS;
      rs!.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].ports = [{ containerPort: 8000, name: 'serve' }];
      await cp.kubectl.apply([rs!]);
      const s = await waitForRayService(cp.kubectl, 'fraud-scoring', FNS, (x) => x.pendingCluster !== undefined);
      const headSvc = await waitFor(() => cp.kubectl.tryGet('Service', `${s.pendingCluster}-head-svc`, FNS));
      expect((headSvc.spec.ports as KubeObject[]).map((p) => p.name).sort()).toEqual(['metrics', 'serve']);
      await waitFor(() => readLog(cp.logs.operator).includes('"error": "dashboard port is not found"'), {
        timeoutMs: 20_000,
        description: 'the operator to fail on the missing port',
      });
      const after = await getRayService(cp.kubectl, 'fraud-scoring', FNS);
      expect(after.ready).toMatchObject({ status: 'False', reason: 'Initializing' });
      // It checks the head's Serve health (by pod IP) but never calls the dashboard.
      expect(cp.sim.http.requests.filter((r) => r.cluster === `${FNS}/${s.pendingCluster}` && r.target === 'dashboard')).toEqual([]);
      await cp.kubectl.delete('RayService', 'fraud-scoring', { namespace: FNS, wait: { timeoutMs: 30_000 } });
    });

    it('dashboardDown freezes the status: a Serve change is not observed until the dashboard is back', async () => {
      const before = await getRayService(cp.kubectl, 'broken', FNS);
      const down = cp.sim.faults.dashboardDown({ namespace: FNS, rayService: 'broken' });
      const t0 = Date.now();
      const [applied] = await cp.kubectl.apply(rayServiceObject({ name: 'broken', namespace: FNS, serveConfigRevision: 'r2' }));
      const g = applied!.metadata.generation as number;
      await cp.sim.http.waitForRequests((r) => r.cluster === `${FNS}/${before.activeCluster}` && r.outcome === 'reset', 3);
      const frozen = await getRayService(cp.kubectl, 'broken', FNS);
      expect(frozen.observedGeneration).toBeLessThan(g);
      expect(cp.sim.http.requests.filter((r) => r.at >= t0 && r.method === 'PUT' && r.cluster === `${FNS}/${before.activeCluster}`)).toEqual([]);
      down.clear();
      const after = await waitForRayService(cp.kubectl, 'broken', FNS, (s) => isServing(s) && s.observedGeneration >= g);
      expect(after.activeCluster).toBe(before.activeCluster);
      expect(JSON.stringify(cp.sim.serve.state(FNS, before.activeCluster!)?.puts.at(-1)?.config)).toContain('r2');
    });

    it('cutApiConnections breaks client watches, which resume; restartApiServer keeps operator and simulator working', async () => {
      const rec = await cp.kubectl.record('ConfigMap', { namespace: FNS });
      expect(cp.sim.faults.cutApiConnections()).toBeGreaterThan(0);
      await cp.kubectl.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-cut', namespace: FNS }, data: { a: '1' } });
      await waitFor(() => rec.current().some((c) => c.metadata.name === 'after-cut'), { timeoutMs: 20_000, description: 'the watch to resume after the cut' });

      const t0 = Date.now();
      await cp.restartApiServer({ downMs: 500 });
      console.log(`apiserver restarted in ${Date.now() - t0} ms`);
      await cp.kubectl.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-restart', namespace: FNS }, data: { a: '1' } });
      await waitFor(() => rec.current().some((c) => c.metadata.name === 'after-restart'), {
        timeoutMs: 30_000,
        description: 'the watch to resume after the restart',
      });
      await rec.stop();

      // The operator and the simulator survived: a Serve change still goes through.
      const [applied] = await cp.kubectl.apply(rayServiceObject({ name: 'stuck', namespace: FNS, serveConfigRevision: 'after-restart' }));
      const s = await waitForRayService(cp.kubectl, 'stuck', FNS, (x) => isServing(x) && x.observedGeneration >= applied!.metadata.generation, {
        timeoutMs: 60_000,
      });
      await waitFor(() => JSON.stringify(cp.sim.serve.state(FNS, s.activeCluster!)?.puts.at(-1)?.config ?? '').includes('after-restart'));
      expect(appsHealthy(s.activeApps)).toBe(true);
      expect(cp.operatorRunning).toBe(true);
    });
  });
});

describe('smoke test on KubeRay v1.5.1', () => {
  let cp: ControlPlane;
  beforeAll(async () => {
    cp = await startControlPlane({ kuberayVersion: 'v1.5.1' });
  });
  afterAll(async () => {
    await cp?.stop();
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(`control plane logs (tails):\n${cp.logTails(40)}`));
  });

  it('create → Ready, counted from the core Endpoints object', async () => {
    const docs = example('base', 'sentiment.yaml');
    await cp.kubectl.ensureNamespace(NS);
    await cp.kubectl.apply(docs);
    const s = await waitForRayService(cp.kubectl, 'ticket-triage', NS, isServing, { timeoutMs: 90_000 });
    const rc = await cp.kubectl.get('RayCluster', s.activeCluster!, NS);
    expect(rc.metadata.annotations['ray.io/kuberay-version']).toBe('v1.5.1');
    const ep = await cp.kubectl.get('Endpoints', 'ticket-triage-serve-svc', NS);
    const addresses = (ep.subsets ?? []).flatMap((ss: KubeObject) => ss.addresses ?? []);
    expect(s.numServeEndpoints).toBe(addresses.length);
    expect(s.numServeEndpoints).toBeGreaterThan(0);
    console.log('v1.5.1:', summarize(s));
  });
});
