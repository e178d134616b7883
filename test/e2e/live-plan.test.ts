/**
 * Cluster-aware plans on the local control plane: the REAL kube-apiserver with KubeRay's CRDs
 * and the REAL operator (v1.6.2), the simulator playing nodes, scheduler, kubelets and Ray.
 *
 * - the head manifest is dry-run on the server and the stored object is what gets compared;
 * - the comparison is with what runs: drift made with a patch, a rollout already in progress;
 * - the operator version comes from the clusters' annotation, or from the operator's Deployment;
 * - will it fit: GPU nodes behind a taint and a selector, a ResourceQuota, a cluster-autoscaler status —
 *   and then the rollout itself, to show a "does not fit" plan leaves pods Pending/refused and a "fits"
 *   plan rolls out;
 * - degradation: an unreachable API server or credentials that may not read nodes still give a plan.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_NODES,
  gpuNode,
  isServing,
  podsOfCluster,
  rayServiceObject,
  startControlPlane,
  unschedulablePods,
  waitFor,
  waitForRayService,
  writeKubeconfig,
  type ControlPlane,
  type KubeObject,
  type RayServiceFixture,
} from '../harness/index.js';
import { clusterAwarePlan } from '../../src/flows/cluster-aware-plan.js';
import { manifestsFromTexts, type ManifestSet } from '../../src/manifests/load.js';
import { runPlan } from '../../src/cli/plan-command.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Plan, ServicePlan } from '../../src/planner/types.js';

const NS = 'live';
const GPU_LABELS = { 'nvidia.com/gpu.present': 'true', accelerator: 'a100', 'eks.amazonaws.com/nodegroup': 'gpu-a100' };
const GPU_TAINT = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' as const };

/** A RayService whose workers need one A100 each: selector accelerator=a100, toleration of the GPU taint. */
function gpuService(name: string, workers: number, image: string): KubeObject {
  const rs = rayServiceObject({
    name,
    namespace: NS,
    image,
    workerGroups: [{ groupName: 'gpu', replicas: workers, minReplicas: 0, maxReplicas: 8, gpu: 1, cpu: '2', memory: '4Gi' }],
  });
  const spec = rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec;
  spec.nodeSelector = { accelerator: 'a100' };
  spec.tolerations = [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }];
  return rs;
}

function service(f: RayServiceFixture): KubeObject {
  return rayServiceObject({ namespace: NS, ...f });
}

function manifests(file: string, ...docs: KubeObject[]): ManifestSet {
  return manifestsFromTexts([{ file, text: docs.map((d) => stringify(d)).join('---\n') }], NS);
}

describe('cluster-aware plans on KubeRay v1.6.2', () => {
  let cp: ControlPlane;
  let dir: string;

  const livePlan = (base: ManifestSet, head: ManifestSet, extra: { kubeconfig?: string; forceConflicts?: boolean } = {}) =>
    clusterAwarePlan(base, head, {
      kuberayVersion: '1.7', // what a workflow might say; the cluster knows better
      fieldManager: 'rayservice-rollout',
      forceConflicts: extra.forceConflicts ?? true,
      connect: { kubeconfig: extra.kubeconfig ?? cp.kubeconfigPath },
    });
  const only = (p: Plan): ServicePlan => {
    expect(p.services).toHaveLength(1);
    return p.services[0]!;
  };
  const serving = (name: string) => waitForRayService(cp.kubectl, name, NS, isServing, { description: `${name} serving`, timeoutMs: 120_000 });

  beforeAll(async () => {
    cp = await startControlPlane({
      kuberayVersion: 'v1.6.2',
      nodes: [
        ...DEFAULT_NODES,
        // One A100 node with 4 GPUs, tainted, in autoscaler node group gpu-a100.
        gpuNode('gpu-a100-0', 4, { labels: GPU_LABELS, taints: [GPU_TAINT] }),
      ],
    });
    await cp.kubectl.ensureNamespace(NS);
    dir = mkdtempSync(join(tmpdir(), 'live-plan-'));
  });

  afterAll(async () => {
    await cp?.stop();
  });

  it('plans a running RayService against the stored object and its active cluster, with the version the operator wrote', async () => {
    const steady = service({ name: 'steady' });
    await cp.kubectl.apply(steady);
    const s = await serving('steady');

    // The same spec written differently (0.5 cores as "500m" vs "0.5"): the dry run's stored object equals what runs.
    const rewritten = structuredClone(steady);
    rewritten.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources.requests.cpu = '0.5';
    const p = await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', rewritten));
    expect(p.cluster).toMatchObject({ mode: 'live', operator: { version: 'v1.6.2', source: 'cluster-annotation' } });
    expect(p.kuberayVersion).toBe('1.6.2');
    expect(p.kuberayVersionSource).toBe('cluster-annotation');
    expect(p.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/KubeRay v1\.6\.2 runs in the cluster .* the kuberay-version input says 1\.7/);
    const sp = only(p);
    expect(sp.change).toBe('none');
    expect(sp.cluster).toMatchObject({ live: 'found', activeCluster: s.activeCluster, comparedWith: s.activeCluster, dryRun: 'ok', drift: [] });
    expect(sp.cluster!.fit.verdict).toBe('nothing-to-place');

    // The autoscaler scales the RayCluster (replicas on the RayCluster, not the RayService): still nothing
    // to do for the same manifest — KubeRay's hash leaves replicas out.
    await cp.kubectl.patch(
      { apiVersion: 'ray.io/v1', kind: 'RayCluster' },
      s.activeCluster!,
      [{ op: 'replace', path: '/spec/workerGroupSpecs/0/replicas', value: 3 }],
      { namespace: NS, type: 'json' },
    );
    const scaled = only(await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', steady)));
    expect(scaled.change).toBe('none');
    expect(scaled.changes).toEqual([]);

    // A real change: blue/green, and its pods fit on the CPU nodes.
    const upgraded = service({ name: 'steady', image: 'rayproject/ray:2.47.0' });
    const q = only(await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', upgraded)));
    expect(q.change).toBe('cluster');
    expect(q.cluster!.fit).toMatchObject({ verdict: 'fits', pods: 2 });
  });

  it('reports drift made with kubectl and predicts against what runs, not against Git', async () => {
    const git = service({ name: 'drifty' });
    await cp.kubectl.apply(git);
    const before = await serving('drifty');
    // Someone changes the image by hand (JSON patch as `kubectl patch --type json` sends it); the operator rolls it out.
    const img = '/spec/rayClusterConfig/headGroupSpec/template/spec/containers/0/image';
    await cp.kubectl.patch({ apiVersion: 'ray.io/v1', kind: 'RayService' }, 'drifty', [{ op: 'replace', path: img, value: 'rayproject/ray:2.47.0-hotfix' }], {
      namespace: NS,
      type: 'json',
    });
    await waitForRayService(cp.kubectl, 'drifty', NS, (x) => isServing(x) && x.activeCluster !== before.activeCluster, {
      description: 'the hand-made upgrade to finish',
      timeoutMs: 120_000,
    });

    // Git did not change (base = head): from Git alone, nothing to do; in truth the apply reverts the hotfix → a new cluster.
    const p = await livePlan(manifests('drifty.yaml', git), manifests('drifty.yaml', git));
    const sp = only(p);
    expect(sp.change).toBe('cluster');
    expect(sp.cluster!.gitOnlyChange).toBe('none');
    expect(sp.cluster!.drift).toEqual([
      expect.objectContaining({
        path: 'spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image',
        git: 'rayproject/ray:2.46.0',
        live: 'rayproject/ray:2.47.0-hotfix',
        line: expect.any(Number),
      }),
    ]);
    const md = renderMarkdown(p);
    expect(md).toContain('drifted from Git');
    expect(md).toContain('From Git alone this would look like');
  });

  it('sees a rollout already in progress and compares with the pending cluster, as the operator does', async () => {
    const v1 = service({ name: 'midway' });
    await cp.kubectl.apply(v1);
    const s1 = await serving('midway');
    // v2 is applied by someone else and gets stuck: its head never becomes ready.
    const v2 = service({ name: 'midway', image: 'rayproject/ray:2.47.0' });
    const stuck = cp.sim.faults.headNeverReady({ namespace: NS, rayService: 'midway', match: (c) => c.name !== s1.activeCluster });
    try {
      await cp.kubectl.apply(v2);
      const s2 = await waitForRayService(cp.kubectl, 'midway', NS, (x) => x.pendingCluster !== undefined, { description: 'a pending cluster' });

      // The PR's head is v2 (base v1): Git says blue/green, but the operator already builds exactly that.
      const same = only(await livePlan(manifests('midway.yaml', v1), manifests('midway.yaml', v2)));
      expect(same.cluster).toMatchObject({
        activeCluster: s1.activeCluster,
        pendingCluster: s2.pendingCluster,
        comparedWith: s2.pendingCluster,
        gitOnlyChange: 'cluster',
      });
      expect(same.change).toBe('none');
      expect(same.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/already in progress/);
      expect(same.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/already has this cluster spec/);

      // A head v3: the pending cluster is abandoned and replaced.
      const v3 = service({ name: 'midway', image: 'rayproject/ray:2.48.0' });
      const next = only(await livePlan(manifests('midway.yaml', v1), manifests('midway.yaml', v3)));
      expect(next.change).toBe('cluster');
      expect(next.cluster!.notes.map((n) => n.text).join(' ')).toMatch(new RegExp(`${s2.pendingCluster} is abandoned`));
    } finally {
      stuck.clear();
    }
    await serving('midway');
  });

  it('refuses, with file and line, what the API server refuses: from the CRD before any request, else by the dry run', async () => {
    // A value of the wrong type: the release's CRD refuses it, so the plan does before asking the cluster.
    const typo = service({ name: 'typo' });
    typo.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 'two';
    const file = join(dir, 'refused.yaml');
    const text = stringify(typo);
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => /replicas: two/.test(l)) + 1;
    await expect(livePlan(manifests('refused.yaml'), manifestsFromTexts([{ file, text }], NS))).rejects.toThrow(
      new RegExp(`refused\\.yaml:${line}: spec\\.rayClusterConfig\\.workerGroupSpecs\\[0\\]\\.replicas`),
    );
    // A field the CRD leaves to Kubernetes' own types (a misspelt container field): only the installed API
    // server knows it, and its server-side dry run refuses it, with the line.
    const odd = service({ name: 'odd' });
    odd.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].imagePullPolice = 'Always';
    const oddFile = join(dir, 'odd.yaml');
    const oddText = stringify(odd);
    writeFileSync(oddFile, oddText);
    const p = await livePlan(manifests('odd.yaml'), manifestsFromTexts([{ file: oddFile, text: oddText }], NS));
    const [oddPlan] = p.services;
    expect(oddPlan!.cluster!.dryRun, JSON.stringify(oddPlan!.cluster)).toBe('refused');
    expect(oddPlan!.cluster!.dryRunErrors[0]!.message).toMatch(/imagePullPolice/);
    expect(renderMarkdown(p)).toContain('The API server refuses 1');

    // A namespace that does not exist (yet) says nothing about the manifest: no dry run, a note, no refusal.
    const elsewhere = rayServiceObject({ name: 'elsewhere', namespace: 'not-created-yet' });
    const q = only(await livePlan(manifestsFromTexts([], NS), manifestsFromTexts([{ file: 'elsewhere.yaml', text: stringify(elsewhere) }], NS)));
    expect(q.change).toBe('create');
    expect(q.cluster!.dryRun).toBe('not-run');
    expect(q.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/not-created-yet.*not found.*the apply fails unless it exists by then/);

    // The CLI prints the plan, then file:line refusals on stderr, and exits 2.
    const out: string[] = [];
    const err: string[] = [];
    const sink = (a: string[]) =>
      ({
        write: (t: string) => {
          a.push(t);
          return true;
        },
      }) as unknown as NodeJS.WritableStream;
    const code = await runPlan(
      { base: oddFile, head: oddFile, live: true, kubeconfig: cp.kubeconfigPath, 'force-conflicts': true, namespace: NS },
      sink(out),
      sink(err),
    );
    expect(code).toBe(2);
    expect(JSON.parse(out.join('')).services.map((s: ServicePlan) => s.cluster!.dryRun)).toEqual(['refused']);
    const refusedAt = oddPlan!.cluster!.dryRunErrors[0]!.line;
    expect(err.join('')).toContain(`odd.yaml:${refusedAt}: live/odd:`);
    expect(err.join('')).toContain('the API server refuses it');
  });

  it('GPU pods behind a taint and a selector: a plan that fits rolls out, one that does not leaves pods Unschedulable', async () => {
    const v1 = gpuService('vision', 2, 'rayproject/ray:2.46.0-gpu');
    await cp.kubectl.apply(v1);
    const s1 = await serving('vision');

    // 2 GPUs used of 4: a blue/green upgrade needs 2 more → fits.
    const v2 = gpuService('vision', 2, 'rayproject/ray:2.47.0-gpu');
    const fits = only(await livePlan(manifests('vision.yaml', v1), manifests('vision.yaml', v2)));
    expect(fits.change).toBe('cluster');
    expect(fits.cluster!.fit).toMatchObject({ verdict: 'fits', pods: 3 });
    await cp.kubectl.apply(v2);
    await waitForRayService(cp.kubectl, 'vision', NS, (x) => isServing(x) && x.activeCluster !== s1.activeCluster, {
      description: 'the fitting upgrade',
      timeoutMs: 120_000,
    });
    await waitFor(async () => (await podsOfCluster(cp.kubectl, s1.activeCluster!, NS)).length === 0, { description: 'the old cluster gone' });

    // Now 3 workers of 1 GPU next to the 2 running: 5 of 4 → does not fit, short by 1 GPU on the A100 nodes.
    const v3 = gpuService('vision', 3, 'rayproject/ray:2.48.0-gpu');
    const misfit = only(await livePlan(manifests('vision.yaml', v2), manifests('vision.yaml', v3)));
    expect(misfit.cluster!.fit.verdict).toBe('does-not-fit');
    const problems = misfit.cluster!.fit.problems.join(' ');
    expect(problems).toMatch(/1 more nvidia\.com\/gpu/);
    expect(problems).toMatch(/accelerator=a100/);

    // The rollout itself: the new cluster's third GPU worker stays Unschedulable for lack of a GPU.
    await cp.kubectl.apply(v3);
    const s3 = await waitForRayService(cp.kubectl, 'vision', NS, (x) => x.pendingCluster !== undefined, { description: 'the pending cluster' });
    const stuck = await waitFor(
      async () => {
        const pods = await unschedulablePods(cp.kubectl, s3.pendingCluster!, NS);
        return pods.length ? pods : undefined;
      },
      { description: 'an Unschedulable pod of the pending cluster' },
    );
    expect(stuck).toHaveLength(1);
    expect(JSON.stringify(stuck[0]!.status.conditions)).toMatch(/Insufficient nvidia\.com\/gpu/);

    // A cluster autoscaler that may grow the A100 group to 3 nodes: the same change fits after a scale-up.
    await cp.kubectl.ensureNamespace('kube-system');
    await cp.kubectl.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-autoscaler-status', namespace: 'kube-system' },
      data: {
        status: stringify({
          time: new Date().toISOString(),
          autoscalerStatus: 'Running',
          nodeGroups: [
            {
              name: 'gpu-a100',
              health: { status: 'Healthy', nodeCounts: { registered: { total: 1, ready: 1 } }, cloudProviderTarget: 1, minSize: 1, maxSize: 3 },
            },
          ],
        }),
      },
    });
    // Planned from v2 again (as if v3 were not applied): the pending v3 cluster now holds 2 GPUs as well.
    const v4 = gpuService('vision', 3, 'rayproject/ray:2.49.0-gpu');
    const scaled = only(await livePlan(manifests('vision.yaml', v3), manifests('vision.yaml', v4)));
    expect(scaled.cluster!.fit.verdict).toBe('fits-after-scale-up');
    expect(scaled.cluster!.fit.scaleUp).toEqual([expect.objectContaining({ nodeGroup: 'gpu-a100', maxSize: 3 })]);
    await cp.kubectl.delete('ConfigMap', 'cluster-autoscaler-status', { namespace: 'kube-system' });
    await cp.kubectl.delete({ apiVersion: 'ray.io/v1', kind: 'RayService' }, 'vision', { namespace: NS });
  });

  it('pods that miss the GPU taint toleration or the selector find no node', async () => {
    const v1 = service({ name: 'tainted', workerGroups: [{ groupName: 'gpu', replicas: 1, gpu: 1 }] });
    const p = only(await livePlan(manifests('tainted.yaml'), manifests('tainted.yaml', v1)));
    expect(p.change).toBe('create');
    expect(p.cluster!.fit.verdict).toBe('does-not-fit');
    expect(p.cluster!.fit.problems.join(' ')).toMatch(/nvidia\.com\/gpu/);
  });

  it('a ResourceQuota: a misfit is refused at admission, a fit rolls out', async () => {
    const QNS = 'quota-live';
    await cp.kubectl.ensureNamespace(QNS);
    await cp.kubectl.apply({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: QNS },
      spec: { hard: { 'requests.cpu': '3', pods: '10' } },
    });
    const q = (image: string, replicas: number) =>
      rayServiceObject({ name: 'budget', namespace: QNS, image, headCpu: '500m', workerGroups: [{ groupName: 'small', replicas, cpu: '500m' }] });
    const inNs = (file: string, ...docs: KubeObject[]) => manifestsFromTexts([{ file, text: docs.map((d) => stringify(d)).join('---\n') }], QNS);

    // Create: 1 cpu of 3 → fits; it really starts.
    const v1 = q('rayproject/ray:2.46.0', 1);
    const created = only(await livePlan(inNs('budget.yaml'), inNs('budget.yaml', v1)));
    expect(created.cluster!.fit.verdict).toBe('fits');
    await cp.kubectl.apply(v1);
    const s1 = await waitForRayService(cp.kubectl, 'budget', QNS, isServing, { description: 'budget serving', timeoutMs: 120_000 });

    // Blue/green to 4 workers: 1 running + 2.5 new = 3.5 cpu of 3 → the quota refuses pods.
    const v2 = q('rayproject/ray:2.47.0', 4);
    const misfit = only(await livePlan(inNs('budget.yaml', v1), inNs('budget.yaml', v2)));
    expect(misfit.cluster!.fit.verdict).toBe('does-not-fit');
    expect(misfit.cluster!.fit.problems.join(' ')).toMatch(/compute.*requests\.cpu/);
    await cp.kubectl.apply(v2);
    const s2 = await waitForRayService(cp.kubectl, 'budget', QNS, (x) => x.pendingCluster !== undefined, { description: 'the pending cluster' });
    await waitFor(async () => (await cp.kubectl.events(QNS)).some((e) => /exceeded quota/.test(String(e.message))), {
      description: 'a quota refusal event',
      timeoutMs: 60_000,
    });
    expect((await podsOfCluster(cp.kubectl, s2.pendingCluster!, QNS)).length).toBeLessThan(5);
    expect(s1.activeCluster).toBeDefined();
  });

  it('degrades to the Git-only plan, with a note, when the API server cannot be reached', async () => {
    const kubeconfig = join(dir, 'unreachable');
    writeKubeconfig(kubeconfig, 'https://127.0.0.1:1', 'not-a-real-token-123');
    const v1 = service({ name: 'offline' });
    const v2 = service({ name: 'offline', image: 'rayproject/ray:2.47.0' });
    const p = await livePlan(manifests('offline.yaml', v1), manifests('offline.yaml', v2), { kubeconfig });
    expect(p.cluster).toMatchObject({ mode: 'git-only' });
    expect(p.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/could not be reached/);
    expect(JSON.stringify(p)).not.toContain('not-a-real-token-123');
    expect(only(p).change).toBe('cluster');
    expect(only(p).cluster).toBeUndefined();
  });

  it('credentials that may not read nodes: the rest of the live plan, and the fit marked unknown', async () => {
    // The apply Role of deploy/rbac.yaml only (no cluster-wide reads).
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'rayservices-only', namespace: NS },
      rules: [
        { apiGroups: ['ray.io'], resources: ['rayservices'], verbs: ['get', 'list', 'watch', 'create', 'patch'] },
        { apiGroups: ['ray.io'], resources: ['rayclusters'], verbs: ['list', 'watch'] },
      ],
    };
    await cp.kubectl.apply(role);
    await cp.kubectl.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'narrow', namespace: NS } });
    await cp.kubectl.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'narrow', namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'rayservices-only' },
      subjects: [{ kind: 'ServiceAccount', name: 'narrow', namespace: NS }],
    });
    const tr = await cp.kubectl.rest.request('POST', `/api/v1/namespaces/${NS}/serviceaccounts/narrow/token`, {
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 600 } },
    });
    const token = tr.status.token as string;
    const kubeconfig = join(dir, 'narrow');
    writeKubeconfig(kubeconfig, cp.server, token, 'local', NS);
    const steady = service({ name: 'steady' });
    const upgraded = service({ name: 'steady', image: 'rayproject/ray:2.48.0' });
    const p = await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', upgraded), { kubeconfig });
    expect(p.cluster!.mode).toBe('live');
    expect(p.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/Not allowed to list nodes \(HTTP 403\)/);
    const sp = only(p);
    expect(sp.cluster!.live).toBe('found');
    expect(sp.cluster!.fit.verdict).toBe('unknown');
    expect(p.kuberayVersion).toBe('1.6.2'); // from the RayCluster annotation, which the Role may list
    expect(JSON.stringify(p) + renderMarkdown(p)).not.toContain(token);
  });

  it('the operator Deployment tells the running version; an older cluster annotation means an in-place refresh', async () => {
    await cp.kubectl.ensureNamespace('ray-system');
    await cp.kubectl.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kuberay-operator', namespace: 'ray-system', labels: { 'app.kubernetes.io/name': 'kuberay-operator' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'kuberay-operator' } },
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'kuberay-operator' } },
          spec: { containers: [{ name: 'kuberay-operator', image: 'quay.io/kuberay/operator:v1.7.0' }] },
        },
      },
    });
    try {
      const steady = service({ name: 'steady' });
      const p = await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', steady));
      expect(p.cluster!.operator).toMatchObject({ version: 'v1.7.0', source: 'operator-deployment' });
      expect(p.kuberayVersion).toBe('1.7.0');
      expect(
        only(p)
          .cluster!.notes.map((n) => n.text)
          .join(' '),
      ).toMatch(/rewrites that cluster in place/);
    } finally {
      await cp.kubectl.delete({ apiVersion: 'apps/v1', kind: 'Deployment' }, 'kuberay-operator', { namespace: 'ray-system' });
    }
  });

  it("the operator Deployment's --feature-gates and ENABLE_INIT_CONTAINER_INJECTION settle what Git alone assumes", async () => {
    // The Deployment describes an operator as the API server stores it (args and env read back through
    // the real API); the harness's own operator runs beside the cluster and is not judged here.
    const deployment = (container: KubeObject) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kuberay-operator', namespace: 'ray-system', labels: { 'app.kubernetes.io/name': 'kuberay-operator' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'kuberay-operator' } },
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'kuberay-operator' } },
          spec: { containers: [{ name: 'kuberay-operator', image: 'quay.io/kuberay/operator:v1.6.2', ...container }] },
        },
      },
    });
    await cp.kubectl.ensureNamespace('ray-system');
    const steady = service({ name: 'steady' });
    const suspended = structuredClone(steady);
    suspended.spec.rayClusterConfig.workerGroupSpecs[0].suspend = true;
    try {
      await cp.kubectl.apply(
        deployment({ args: ['--feature-gates', 'RayJobDeletionPolicy=false'], env: [{ name: 'ENABLE_INIT_CONTAINER_INJECTION', value: 'False' }] }),
      );
      const off = await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', suspended));
      expect(only(off).change).toBe('rejected');
      expect(only(off).rejection).toMatchObject({ rule: 'validation.worker-suspend-needs-gate' });
      expect(only(off).rejection!.assumedGates).toBeUndefined();
      expect(off.cluster!.notes.map((n) => n.rule)).toEqual(expect.arrayContaining(['operator.feature-gate', 'operator.no-init-container']));

      await cp.kubectl.apply(deployment({ args: [], env: [] }));
      const byDefault = await livePlan(manifests('steady.yaml', steady), manifests('steady.yaml', suspended));
      expect(only(byDefault).change).not.toBe('rejected'); // 1.6's default: the gate is on
      expect(byDefault.cluster!.notes.map((n) => n.rule)).not.toContain('operator.no-init-container');
      // A new RayService with one 100m worker: 200m with the injected init container, 100m without.
      const small = service({
        name: 'sized',
        workerGroups: [{ groupName: 'small', replicas: 1, minReplicas: 0, maxReplicas: 2, cpu: '100m', memory: '128Mi' }],
      });
      const injected = only(await livePlan(manifests('sized.yaml'), manifests('sized.yaml', small)));
      await cp.kubectl.apply(deployment({ env: [{ name: 'ENABLE_INIT_CONTAINER_INJECTION', value: 'false' }] }));
      const none = only(await livePlan(manifests('sized.yaml'), manifests('sized.yaml', small)));
      expect(injected.change).toBe('create');
      expect(injected.capacity.new!.cpu! - none.capacity.new!.cpu!).toBeCloseTo(0.1);
    } finally {
      await cp.kubectl.delete({ apiVersion: 'apps/v1', kind: 'Deployment' }, 'kuberay-operator', { namespace: 'ray-system' });
    }
  });
});
