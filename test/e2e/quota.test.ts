/**
 * ResourceQuotas on the local control plane: the apiserver's ResourceQuota admission plugin (real) with
 * the simulator's resource quota controller (simulator/resource-quota.ts) writing status.hard/used, and
 * the REAL KubeRay operator v1.6.2 creating pods against the quota.
 * - pods within a quota are admitted and counted, deleted pods are given back;
 * - pods beyond requests.cpu / requests.nvidia.com/gpu are refused at admission (403 "exceeded quota");
 * - quota scopes (BestEffort, Terminating, PriorityClass) count only their pods;
 * - a RayService whose cluster exceeds the quota: the operator's worker pod is refused (Warning event
 *   FailedToCreateWorkerPod "… exceeded quota …" on the RayCluster), while one that fits rolls out.
 * One control plane for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KubeApiError,
  applyResourceQuota,
  getQuotaStatus,
  isServing,
  podsOfCluster,
  rayClustersOf,
  rayServiceObject,
  startControlPlane,
  waitFor,
  waitForQuotaUsed,
  waitForRayService,
  type ControlPlane,
  type KubeObject,
} from '../harness/index.js';

const NS = 'quota-pods';
const SCOPES_NS = 'quota-scopes';
const RS_NS = 'quota-rayservice';

/** A Kubernetes quantity string (what the apiserver accepts in a ResourceList). */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$/;

interface PodOpts {
  cpu?: string;
  memory?: string;
  limitsCpu?: string;
  limitsMemory?: string;
  gpu?: number;
  /** A regular init container with these cpu requests=limits. */
  initCpu?: string;
  activeDeadlineSeconds?: number;
  priorityClassName?: string;
  /** No resources at all (QoS BestEffort). */
  bestEffort?: boolean;
}

function pod(name: string, o: PodOpts = {}): KubeObject {
  const resources = (cpu: string, memory: string, limitsCpu = cpu, limitsMemory = memory) => ({
    requests: { cpu, memory, ...(o.gpu ? { 'nvidia.com/gpu': String(o.gpu) } : {}) },
    limits: { cpu: limitsCpu, memory: limitsMemory, ...(o.gpu ? { 'nvidia.com/gpu': String(o.gpu) } : {}) },
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'busybox:1.36',
          ...(o.bestEffort ? {} : { resources: resources(o.cpu ?? '100m', o.memory ?? '64Mi', o.limitsCpu, o.limitsMemory) }),
        },
      ],
      ...(o.initCpu ? { initContainers: [{ name: 'init', image: 'busybox:1.36', resources: resources(o.initCpu, o.memory ?? '64Mi') }] } : {}),
      ...(o.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: o.activeDeadlineSeconds } : {}),
      ...(o.priorityClassName ? { priorityClassName: o.priorityClassName } : {}),
    },
  };
}

/** The create must fail at admission with 403 and a message matching `message`. */
async function expectRefused(create: Promise<unknown>, message: RegExp): Promise<KubeApiError> {
  const err = await create.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'the create should have been refused').toBeInstanceOf(KubeApiError);
  expect((err as KubeApiError).status).toBe(403);
  expect((err as KubeApiError).message).toMatch(message);
  return err as KubeApiError;
}

describe('ResourceQuota enforcement (simulated quota controller + real admission + KubeRay v1.6.2)', () => {
  let cp: ControlPlane;

  beforeAll(async () => {
    cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
    for (const ns of [NS, SCOPES_NS, RS_NS]) await cp.kubectl.ensureNamespace(ns);
    await applyResourceQuota(cp.kubectl, {
      name: 'compute',
      namespace: NS,
      hard: {
        pods: 5,
        'count/pods': 5,
        'requests.cpu': '2',
        'requests.memory': '2Gi',
        'limits.cpu': '4',
        'limits.memory': '4Gi',
        'requests.nvidia.com/gpu': 1,
      },
    });
  });

  afterAll(async () => {
    await cp?.stop();
  });

  it('writes status.hard = spec.hard and zero usage as valid quantities', async () => {
    const s = await getQuotaStatus(cp.kubectl, 'compute', NS);
    expect(s.hard).toEqual(s.raw.spec.hard);
    expect(Object.keys(s.used).sort()).toEqual(Object.keys(s.hard).sort());
    for (const [r, v] of Object.entries(s.used)) {
      expect(v, r).toMatch(QUANTITY);
      expect(v, r).toBe('0');
    }
  });

  it('a pod within the quota is admitted and counted; deleting it gives the usage back', async () => {
    await cp.kubectl.create(pod('small', { cpu: '500m', memory: '256Mi', limitsCpu: '1', limitsMemory: '512Mi' }), NS);
    const used = await waitForQuotaUsed(cp.kubectl, 'compute', NS, {
      pods: 1,
      'count/pods': 1,
      'requests.cpu': '500m',
      'requests.memory': '256Mi',
      'limits.cpu': '1',
      'limits.memory': '512Mi',
      'requests.nvidia.com/gpu': 0,
    });
    for (const v of Object.values(used.used)) expect(v).toMatch(QUANTITY);

    // Pod request = max(Σ containers, max init container): a 1-CPU init container beside a 100m container.
    await cp.kubectl.create(pod('init-heavy', { cpu: '100m', initCpu: '1' }), NS);
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { pods: 2, 'requests.cpu': '1500m', 'limits.cpu': '2' });
    // The simulated kubelet runs them (quota does not get in the way of scheduling).
    await waitFor(async () => (await cp.kubectl.list('Pod', { namespace: NS })).every((p) => p.status?.phase === 'Running'), { description: 'pods Running' });

    // Admission only ever adds; the decrease is the controller recomputing from the pod list.
    const t0 = Date.now();
    await cp.kubectl.delete('Pod', 'small', { namespace: NS, wait: true });
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { pods: 1, 'count/pods': 1, 'requests.cpu': '1', 'requests.memory': '64Mi', 'limits.cpu': '1' });
    await cp.kubectl.delete('Pod', 'init-heavy', { namespace: NS, wait: true });
    const s = await waitForQuotaUsed(cp.kubectl, 'compute', NS, {
      pods: 0,
      'count/pods': 0,
      'requests.cpu': 0,
      'requests.memory': 0,
      'limits.cpu': 0,
      'limits.memory': 0,
    });
    expect(Date.now() - t0).toBeLessThan(5000);
    for (const v of Object.values(s.used)) expect(v).toMatch(QUANTITY);
    expect(cp.sim.quotas.writes.some((w) => w.namespace === NS && w.name === 'compute')).toBe(true);
  });

  it('a pod beyond requests.cpu or requests.nvidia.com/gpu is refused with 403 "exceeded quota"', async () => {
    await expectRefused(cp.kubectl.create(pod('too-much-cpu', { cpu: '3', limitsCpu: '3' }), NS), /exceeded quota: compute.*requested: .*requests\.cpu=3/);
    await expectRefused(cp.kubectl.create(pod('too-many-gpus', { gpu: 2 }), NS), /exceeded quota: compute.*requests\.nvidia\.com\/gpu=2/);

    // One GPU fits; a second one then no longer does (admission charged the first).
    await cp.kubectl.create(pod('one-gpu', { gpu: 1 }), NS);
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { 'requests.nvidia.com/gpu': 1, pods: 1 });
    await expectRefused(cp.kubectl.create(pod('another-gpu', { gpu: 1 }), NS), /exceeded quota: compute.*used: .*requests\.nvidia\.com\/gpu=1/);

    // Refused pods were never charged, and a recomputation agrees with what admission counted.
    await new Promise((r) => setTimeout(r, 300));
    await waitForQuotaUsed(
      cp.kubectl,
      'compute',
      NS,
      { pods: 1, 'count/pods': 1, 'requests.nvidia.com/gpu': 1, 'requests.cpu': '100m', 'requests.memory': '64Mi' },
      { timeoutMs: 2000 },
    );
    expect(await cp.kubectl.tryGet('Pod', 'too-much-cpu', NS)).toBeUndefined();

    await cp.kubectl.delete('Pod', 'one-gpu', { namespace: NS, wait: true });
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { 'requests.nvidia.com/gpu': 0, pods: 0 });
    // Freed: a GPU pod is admitted again.
    await cp.kubectl.create(pod('gpu-again', { gpu: 1 }), NS);
    await cp.kubectl.delete('Pod', 'gpu-again', { namespace: NS, wait: true });
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { pods: 0, 'requests.cpu': 0 });
  });

  it('a burst of parallel creates at the limit admits exactly what fits, and usage converges', async () => {
    // 2 CPU of requests.cpu, 500m each: 4 fit. Admission charges the pods while the controller
    // recomputes from its pod cache on every pod event: the count must stay exact throughout.
    const names = Array.from({ length: 8 }, (_, i) => `burst-${i}`);
    const results = await Promise.allSettled(names.map((n) => cp.kubectl.create(pod(n, { cpu: '500m' }), NS)));
    const admitted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(admitted).toBe(4);
    for (const r of refused) expect(String(r.reason?.message)).toMatch(/403 Forbidden.*exceeded quota: compute/);
    await new Promise((r) => setTimeout(r, 1500)); // past the controller's settle time
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { pods: 4, 'count/pods': 4, 'requests.cpu': '2', 'requests.memory': '256Mi' }, { timeoutMs: 2000 });
    await expectRefused(cp.kubectl.create(pod('burst-late', { cpu: '100m' }), NS), /exceeded quota: compute/);

    await Promise.all(names.map((n) => cp.kubectl.delete('Pod', n, { namespace: NS, wait: true })));
    await waitForQuotaUsed(cp.kubectl, 'compute', NS, { pods: 0, 'count/pods': 0, 'requests.cpu': 0, 'requests.memory': 0 });
  });

  it('scoped quotas count only their pods (BestEffort, Terminating, PriorityClass In/NotIn)', async () => {
    await cp.kubectl.apply({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'quota-high' }, value: 1000 });
    await applyResourceQuota(cp.kubectl, { name: 'best-effort', namespace: SCOPES_NS, hard: { pods: 1 }, scopes: ['BestEffort'] });
    await applyResourceQuota(cp.kubectl, { name: 'terminating', namespace: SCOPES_NS, hard: { pods: 5, 'requests.cpu': '1' }, scopes: ['Terminating'] });
    await applyResourceQuota(cp.kubectl, {
      name: 'high',
      namespace: SCOPES_NS,
      hard: { pods: 1, 'requests.cpu': '1' },
      scopeSelector: [{ scopeName: 'PriorityClass', operator: 'In', values: ['quota-high'] }],
    });
    await applyResourceQuota(cp.kubectl, {
      name: 'not-high',
      namespace: SCOPES_NS,
      hard: { pods: 10 },
      scopeSelector: [{ scopeName: 'PriorityClass', operator: 'NotIn', values: ['quota-high'] }],
    });

    await cp.kubectl.create(pod('be-1', { bestEffort: true }), SCOPES_NS);
    await cp.kubectl.create(pod('job-like', { cpu: '200m', activeDeadlineSeconds: 600 }), SCOPES_NS);
    await cp.kubectl.create(pod('important', { cpu: '300m', priorityClassName: 'quota-high' }), SCOPES_NS);
    await waitForQuotaUsed(cp.kubectl, 'best-effort', SCOPES_NS, { pods: 1 });
    await waitForQuotaUsed(cp.kubectl, 'terminating', SCOPES_NS, { pods: 1, 'requests.cpu': '200m' });
    await waitForQuotaUsed(cp.kubectl, 'high', SCOPES_NS, { pods: 1, 'requests.cpu': '300m' });
    await waitForQuotaUsed(cp.kubectl, 'not-high', SCOPES_NS, { pods: 2 });

    await expectRefused(cp.kubectl.create(pod('be-2', { bestEffort: true }), SCOPES_NS), /exceeded quota: best-effort/);
    await expectRefused(cp.kubectl.create(pod('important-2', { cpu: '100m', priorityClassName: 'quota-high' }), SCOPES_NS), /exceeded quota: high/);
    // Not BestEffort, no deadline, no priority class: only "not-high" applies.
    await cp.kubectl.create(pod('plain', { cpu: '2', limitsCpu: '2' }), SCOPES_NS);
    await waitForQuotaUsed(cp.kubectl, 'not-high', SCOPES_NS, { pods: 3 });
    await waitForQuotaUsed(cp.kubectl, 'terminating', SCOPES_NS, { pods: 1, 'requests.cpu': '200m' });

    await cp.kubectl.delete('Pod', 'be-1', { namespace: SCOPES_NS, wait: true });
    await waitForQuotaUsed(cp.kubectl, 'best-effort', SCOPES_NS, { pods: 0 });
    await cp.kubectl.create(pod('be-2', { bestEffort: true }), SCOPES_NS);
    await waitForQuotaUsed(cp.kubectl, 'best-effort', SCOPES_NS, { pods: 1 });
  });

  it('a RayService that fits rolls out; one whose worker exceeds the quota gets its worker pod refused by admission', async () => {
    await applyResourceQuota(cp.kubectl, {
      name: 'ray',
      namespace: RS_NS,
      hard: { pods: 10, 'requests.cpu': '2', 'requests.memory': '8Gi', 'limits.cpu': '4', 'limits.memory': '16Gi' },
    });

    // Head 500m + one 500m worker = 1 CPU of 2: rolls out.
    await cp.kubectl.apply(rayServiceObject({ name: 'fits', namespace: RS_NS }));
    const fits = await waitForRayService(cp.kubectl, 'fits', RS_NS, isServing, { timeoutMs: 90_000 });
    await waitForQuotaUsed(cp.kubectl, 'ray', RS_NS, { pods: 2, 'requests.cpu': '1', 'requests.memory': '2Gi' });

    // Head 500m fits (1.5 of 2), the 2-CPU worker does not.
    const t0 = Date.now();
    await cp.kubectl.apply(rayServiceObject({ name: 'too-big', namespace: RS_NS, workerGroups: [{ groupName: 'big', cpu: '2', memory: '1Gi' }] }));
    const cluster = await waitFor(async () => (await rayClustersOf(cp.kubectl, 'too-big', RS_NS))[0]?.metadata.name as string | undefined, {
      description: 'the RayCluster of too-big',
    });
    const warning = await waitFor(
      async () =>
        (await cp.kubectl.events(RS_NS, { involvedObjectName: cluster, reason: 'FailedToCreateWorkerPod' })).find(
          (e) => e.type === 'Warning' && /exceeded quota: ray/.test(e.message),
        ),
      { timeoutMs: 60_000, description: `a FailedToCreateWorkerPod "exceeded quota" event on ${cluster}` },
    );
    expect(warning.involvedObject.kind).toBe('RayCluster');
    expect(warning.message).toMatch(/requested: .*requests\.cpu=2.*used: .*requests\.cpu=1500m.*limited: .*requests\.cpu=2/);
    const refusedAfterMs = Date.now() - t0;

    const pods = await podsOfCluster(cp.kubectl, cluster, RS_NS);
    expect(pods.filter((p) => p.metadata.labels?.['ray.io/node-type'] === 'worker')).toHaveLength(0);
    expect(pods.filter((p) => p.metadata.labels?.['ray.io/node-type'] === 'head')).toHaveLength(1);
    await waitForQuotaUsed(cp.kubectl, 'ray', RS_NS, { pods: 3, 'requests.cpu': '1500m' }, { timeoutMs: 2000 });
    // The operator keeps trying (and keeps being refused); the one that fits is still serving.
    const s = await waitForRayService(cp.kubectl, 'fits', RS_NS, isServing);
    expect(s.activeCluster).toBe(fits.activeCluster);

    // Deleting the oversized RayService gives its head's share back (operator + simulated GC delete the pods).
    await cp.kubectl.delete('RayService', 'too-big', { namespace: RS_NS, wait: true });
    await waitForQuotaUsed(cp.kubectl, 'ray', RS_NS, { pods: 2, 'requests.cpu': '1' }, { timeoutMs: 30_000 });
    console.log(`quota e2e: FailedToCreateWorkerPod "exceeded quota" ${refusedAfterMs} ms after applying the oversized RayService`);
  });
});
