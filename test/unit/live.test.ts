/**
 * The pure parts of the cluster-aware plan (src/live/): the operator version, drift, dry-run errors
 * mapped to lines, and the plan against synthetic cluster facts (objects shaped as the API returns them).
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { driftOf, keptByApply, lastWriter } from '../../src/planner/live/drift.js';
import { dryRunErrors, parseFieldPath } from '../../src/planner/live/dry-run-errors.js';
import type { ClusterFacts, KubeObject, LiveService } from '../../src/planner/live/facts.js';
import { note } from '../../src/planner/types.js';
import { gitOnlyPlan, planWithCluster } from '../../src/planner/live/cluster-plan.js';
import { replicaReset } from '../../src/planner/live/replica-reset.js';
import { featureGatesFlag, operatorSettingsFrom, operatorVersion, versionOfImage } from '../../src/planner/live/operator-version.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { rayService, set, setFromText, type Obj } from '../fixtures/rayservice.js';

describe('operator version', () => {
  it.each([
    ['quay.io/kuberay/operator:v1.6.2', 'v1.6.2'],
    ['kuberay/operator:1.5.1', 'v1.5.1'],
    ['registry.local:5000/kuberay/operator:v1.7.0-rc.1', 'v1.7.0'], // a registry port is not a tag
    ['registry.local:5000/kuberay/operator', undefined],
    ['quay.io/kuberay/operator:latest', undefined],
    ['quay.io/kuberay/operator@sha256:0123abcd', undefined],
    ['quay.io/kuberay/operator:v1.6.2@sha256:0123abcd', 'v1.6.2'],
  ])('%s → %s', (image, version) => {
    expect(versionOfImage(image)).toBe(version);
  });

  const deployment = (image: string, labels: Record<string, string> = {}): KubeObject => ({
    metadata: { name: 'kuberay-operator', namespace: 'ray-system', labels },
    spec: { template: { spec: { containers: [{ name: 'kuberay-operator', image }] } } },
  });
  const cluster = (name: string, version?: string): KubeObject => ({
    metadata: { name, namespace: 'ns', annotations: version ? { 'ray.io/kuberay-version': version } : {} },
  });

  it.each([
    {
      why: 'the Deployment image wins over annotations',
      deployments: [deployment('quay.io/kuberay/operator:v1.7.0')],
      clusters: [cluster('a', 'v1.6.2')],
      want: { version: 'v1.7.0', source: 'operator-deployment' },
    },
    {
      why: 'a digest-pinned image: the chart label',
      deployments: [deployment('quay.io/kuberay/operator@sha256:ab', { 'app.kubernetes.io/version': '1.6.1' })],
      clusters: [],
      want: { version: 'v1.6.1', source: 'operator-deployment' },
    },
    {
      why: 'no Deployment readable: the newest annotation',
      deployments: undefined,
      clusters: [cluster('a', 'v1.5.1'), cluster('b', 'v1.6.2'), cluster('c')],
      want: { version: 'v1.6.2', source: 'cluster-annotation' },
    },
    { why: 'nothing known', deployments: [], clusters: [cluster('c')], want: undefined },
  ])('$why', ({ deployments, clusters, want }) => {
    const v = operatorVersion(deployments, clusters);
    if (want === undefined) expect(v).toBeUndefined();
    else expect(v).toMatchObject(want);
  });
});

describe('dry-run errors', () => {
  it.each([
    ['spec.rayClusterConfig.workerGroupSpecs[0].replicas', ['spec', 'rayClusterConfig', 'workerGroupSpecs', 0, 'replicas']],
    ['.spec.rayClusterConfig.foo', ['spec', 'rayClusterConfig', 'foo']],
    [
      'spec.rayClusterConfig.headGroupSpec.template.metadata.labels["ray.io/x"]',
      ['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'metadata', 'labels', 'ray.io/x'],
    ],
    ['spec.serveService.spec.ports[name=http].port', ['spec', 'serveService', 'spec', 'ports']], // list-map key: stop there
    ['status.x', undefined],
  ])('%s', (field, path) => {
    expect(parseFieldPath(field)).toEqual(path);
  });

  const text = stringify(rayService((rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 'two')));
  const m = setFromText(text, 'demo.yaml').get('default/demo')!;
  const lineOf = (p: readonly (string | number)[]) => m.source.lineOf([...m.pathInDocument, ...p]);

  it('CRD validation causes name the field and its line', () => {
    const errors = dryRunErrors(
      {
        message: 'RayService.ray.io "demo" is invalid: spec.rayClusterConfig.workerGroupSpecs[0].replicas: Invalid value: "string": …',
        causes: [
          {
            field: 'spec.rayClusterConfig.workerGroupSpecs[0].replicas',
            message: 'Invalid value: "string": spec.rayClusterConfig.workerGroupSpecs[0].replicas in body must be of type integer: "string"',
          },
        ],
      },
      lineOf,
    );
    expect(errors).toHaveLength(1);
    expect(text.split('\n')[errors[0]!.line! - 1]).toMatch(/replicas: two/);
  });

  it('server-side apply messages carry the path in the text', () => {
    const [e] = dryRunErrors(
      {
        message:
          'failed to create typed patch object (default/demo; ray.io/v1, Kind=RayService): .spec.rayClusterConfig.workerGroupSpecs[0].replicas: expected numeric (int or float), got string',
        causes: [],
      },
      lineOf,
    );
    expect(e).toMatchObject({ path: 'spec.rayClusterConfig.workerGroupSpecs[0].replicas' });
    expect(text.split('\n')[e!.line! - 1]).toMatch(/replicas: two/);
  });
});

describe('drift', () => {
  const base = rayService();
  const lineOf = () => 7;
  const live = (mutate: (rs: Obj) => void, managedFields?: KubeObject[]): KubeObject => {
    const o = rayService(mutate);
    if (managedFields) o.metadata.managedFields = managedFields;
    return o;
  };
  it.each([
    {
      why: 'the same spec, quantities written differently',
      mutate: (rs: Obj) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources.requests.cpu = '1000m'),
      want: [],
    },
    {
      why: 'the Serve config reformatted (same YAML)',
      mutate: (rs: Obj) => (rs.spec.serveConfigV2 = rs.spec.serveConfigV2.replace('threshold: 0.5', 'threshold:   0.5')),
      want: [],
    },
    { why: 'CRD defaults filled in by the server', mutate: (rs: Obj) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].numOfHosts = 1), want: [] },
    {
      why: 'an image changed by hand',
      mutate: (rs: Obj) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].image = 'rayproject/ray:hotfix'),
      want: [
        {
          path: 'spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].image',
          git: 'rayproject/ray:2.44.1',
          live: 'rayproject/ray:hotfix',
          line: 7,
        },
      ],
    },
    {
      why: 'a Serve option changed by hand',
      mutate: (rs: Obj) => (rs.spec.serveConfigV2 = rs.spec.serveConfigV2.replace('threshold: 0.5', 'threshold: 0.9')),
      want: [{ path: 'spec.serveConfigV2.applications[0].deployments[0].user_config.threshold', git: 0.5, live: 0.9, line: 7 }],
    },
    {
      why: 'an env value: redacted',
      mutate: (rs: Obj) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].env = [{ name: 'API_TOKEN', value: 's3cret' }]),
      want: [
        {
          path: 'spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].env',
          git: null,
          live: [{ name: 'API_TOKEN', value: '[redacted]' }],
          line: null,
        },
      ],
    },
  ])('$why', ({ mutate, want }) => {
    expect(driftOf(base.spec, live(mutate), '1.6', lineOf)).toEqual(want);
  });

  it('names the field manager that wrote a drifted field, preferring people over the operator', () => {
    const managed = [
      {
        manager: 'rayservice-rollout',
        operation: 'Apply',
        time: '2026-11-01T00:00:00Z',
        fieldsV1: { 'f:spec': { 'f:rayClusterConfig': { 'f:rayVersion': {} } } },
      },
      {
        manager: 'ray-operator',
        operation: 'Update',
        time: '2026-11-02T00:00:00Z',
        fieldsV1: { 'f:spec': { 'f:rayClusterConfig': { 'f:workerGroupSpecs': {} } } },
      },
      {
        manager: 'kubectl-patch',
        operation: 'Update',
        time: '2026-11-03T00:00:00Z',
        fieldsV1: { 'f:spec': { 'f:rayClusterConfig': { 'f:workerGroupSpecs': {} } } },
      },
    ];
    const o = live(() => {}, managed);
    expect(lastWriter(o, ['spec', 'rayClusterConfig', 'workerGroupSpecs', 0, 'replicas'])).toBe('kubectl-patch');
    expect(lastWriter(o, ['spec', 'rayClusterConfig', 'rayVersion'])).toBe('rayservice-rollout');
    expect(lastWriter(o, ['spec', 'serveConfigV2'])).toBeUndefined();
  });

  it('fields the apply keeps (owned by another manager) are listed', () => {
    const stored = rayService((rs) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.priorityClassName = 'high'));
    expect(keptByApply(base.spec, stored, '1.6')).toEqual(['spec.rayClusterConfig.headGroupSpec.template.spec.priorityClassName']);
    expect(keptByApply(base.spec, base, '1.6')).toEqual([]);
  });
});

describe('the plan against synthetic cluster facts', () => {
  const ANN = (version = 'v1.6.2', groups = 1) => ({ 'ray.io/kuberay-version': version, 'ray.io/num-worker-groups': String(groups) });
  const clusterOf = (rs: Obj, name: string, version?: string): KubeObject => ({
    metadata: { name, namespace: 'default', annotations: ANN(version), labels: { 'ray.io/originated-from-cr-name': rs.metadata.name } },
    spec: structuredClone(rs.spec.rayClusterConfig),
  });
  const liveOf = (rs: Obj, active: string, pending?: string): KubeObject => ({
    ...structuredClone(rs),
    metadata: { ...rs.metadata, generation: 2 },
    status: { activeServiceStatus: { rayClusterName: active }, ...(pending ? { pendingServiceStatus: { rayClusterName: pending } } : {}) },
  });
  const node = (name: string, cpu: string, extra: KubeObject = {}): KubeObject => ({
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
    spec: { taints: extra.taints ?? [] },
    status: { allocatable: { cpu, memory: '64Gi', pods: '110', ...(extra.allocatable ?? {}) } },
  });
  const facts = (services: Record<string, LiveService>, extra: Partial<ClusterFacts> = {}): ClusterFacts => ({
    server: '127.0.0.1:6443',
    notes: [],
    services: new Map(Object.entries(services)),
    dryRuns: new Map(),
    nodes: [node('n1', '16'), node('n2', '16')],
    pods: [],
    quotas: [],
    ...extra,
  });

  const v1 = rayService();
  const v2 = rayService((rs) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.45.0'));
  const v3 = rayService((rs) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.46.0'));

  it('no RayService in the cluster yet although Git had one: create', () => {
    const p = planWithCluster(set([v1]), set([v2]), facts({ 'default/demo': { rayService: null } }));
    expect(p.services[0]).toMatchObject({ change: 'create', cluster: { live: 'absent', gitOnlyChange: 'cluster' } });
    expect(p.services[0]!.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/not in the cluster/);
    expect(p.services[0]!.cluster!.fit).toMatchObject({ verdict: 'fits', pods: 2 });
  });

  it('a RayService without any cluster yet: the operator builds its first one (create)', () => {
    const p = planWithCluster(set([v1]), set([v2]), facts({ 'default/demo': { rayService: { ...structuredClone(v1), status: {} } } }));
    expect(p.services[0]).toMatchObject({ change: 'create', cluster: { live: 'found', gitOnlyChange: 'cluster' } });
    expect(p.services[0]!.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/no RayCluster yet/);
  });

  it.each([
    { why: 'head = the pending spec: nothing new, the pending cluster keeps starting', head: v2, change: 'none', note: /already has this cluster spec/ },
    { why: 'head = a third spec: the pending cluster is replaced', head: v3, change: 'cluster', note: /rs-b is abandoned/ },
    { why: 'head = the active spec (a revert): still another new cluster', head: v1, change: 'cluster', note: /rs-b is abandoned/ },
  ])('upgrade in progress, $why', ({ head, change, note }) => {
    const live = { rayService: liveOf(v2, 'rs-a', 'rs-b'), active: clusterOf(v1, 'rs-a'), pending: clusterOf(v2, 'rs-b') };
    const p = planWithCluster(set([v1]), set([head]), facts({ 'default/demo': live }));
    const s = p.services[0]!;
    expect(s.change).toBe(change);
    expect(s.cluster).toMatchObject({ activeCluster: 'rs-a', pendingCluster: 'rs-b', comparedWith: 'rs-b' });
    expect(s.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/already in progress/);
    expect(s.cluster!.notes.map((n) => n.text).join(' ')).toMatch(note);
  });

  it('the version comes from the cluster, with a note when the input differs, and an older active cluster is refreshed in place', () => {
    const live = { rayService: liveOf(v1, 'rs-a'), active: clusterOf(v1, 'rs-a', 'v1.5.1') };
    const dep = {
      metadata: { name: 'kuberay-operator', namespace: 'ray-system' },
      spec: { template: { spec: { containers: [{ image: 'quay.io/kuberay/operator:v1.6.2' }] } } },
    };
    const p = planWithCluster(set([v1]), set([v1]), facts({ 'default/demo': live }, { operatorDeployments: [dep] }), { kuberayVersion: '1.7' });
    expect(p).toMatchObject({
      kuberayVersion: '1.6.2',
      kuberayVersionSource: 'operator-deployment',
      cluster: { mode: 'live', operator: { version: 'v1.6.2' } },
    });
    expect(p.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/input says 1\.7/);
    expect(p.services[0]!.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/v1\.5\.1\).*rewrites that cluster in place/);
  });

  it('a version newer than any known release: the newest rules, said so', () => {
    const live = { rayService: liveOf(v1, 'rs-a'), active: clusterOf(v1, 'rs-a', 'v1.9.0') };
    const p = planWithCluster(set([v1]), set([v1]), facts({ 'default/demo': live }));
    expect(p.kuberayVersion).toBe('1.9.0');
    expect(p.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/newer than the releases whose rules this tool knows: the plan uses 1\.7\.0's rules/);
  });

  it('nodes not readable: the fit is unknown, the rest stands', () => {
    const live = { rayService: liveOf(v1, 'rs-a'), active: clusterOf(v1, 'rs-a') };
    const { nodes: _n, ...rest } = facts({ 'default/demo': live });
    const p = planWithCluster(set([v1]), set([v2]), { ...rest, notes: [note('cluster.read-forbidden', { read: 'list nodes' })] });
    expect(p.services[0]!.change).toBe('cluster');
    expect(p.services[0]!.cluster!.fit.verdict).toBe('unknown');
  });

  it('a blue/green change that the nodes cannot hold twice does not fit; the markdown says so', () => {
    const big = (image: string) =>
      rayService((rs) => {
        rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = image;
        const w = rs.spec.rayClusterConfig.workerGroupSpecs[0];
        w.replicas = 3;
        w.template.spec.containers[0].resources = { requests: { cpu: '4', memory: '8Gi' }, limits: { cpu: '4', memory: '8Gi' } };
      });
    const a = big('rayproject/ray:2.44.1');
    const b = big('rayproject/ray:2.45.0');
    const running = [0, 1, 2].map((i) => ({
      metadata: { name: `w${i}`, namespace: 'default', labels: { 'ray.io/cluster': 'rs-a' } },
      spec: { nodeName: i < 2 ? 'n1' : 'n2', containers: [{ resources: { requests: { cpu: '4', memory: '8Gi' } } }] },
      status: { phase: 'Running' },
    }));
    const live = { rayService: liveOf(a, 'rs-a'), active: clusterOf(a, 'rs-a') };
    const p = planWithCluster(set([a]), set([b]), facts({ 'default/demo': live }, { nodes: [node('n1', '10'), node('n2', '10')], pods: running }));
    const s = p.services[0]!;
    expect(s.change).toBe('cluster');
    expect(s.cluster!.fit.verdict).toBe('does-not-fit');
    expect(s.cluster!.fit.problems.join(' ')).toMatch(/cpu/);
    const md = renderMarkdown(p);
    expect(md).toContain('does not fit');
    expect(md).toContain('Fits?');
  });

  it('an in-place update resets the running groups to the manifest’s replicas: the pods that adds are in the fit check and the figures', () => {
    const base = rayService((rs) => {
      const w = rs.spec.rayClusterConfig.workerGroupSpecs[0];
      Object.assign(w, { replicas: 3, minReplicas: 0, maxReplicas: 5 });
      w.template.spec.containers[0].resources = { requests: { cpu: '4', memory: '8Gi' }, limits: { cpu: '4', memory: '8Gi' } };
    });
    const group = base.spec.rayClusterConfig.workerGroupSpecs[0].groupName;
    const head = structuredClone(base);
    head.spec.rayClusterConfig.workerGroupSpecs.push({ ...structuredClone(base.spec.rayClusterConfig.workerGroupSpecs[0]), groupName: 'extra', replicas: 0 });
    // An autoscaler scaled the running group down to one worker.
    const active = clusterOf(base, 'rs-a');
    (active.spec as Obj).workerGroupSpecs[0].replicas = 1;
    const pods = [
      {
        metadata: { name: 'rs-a-w0', namespace: 'default', labels: { 'ray.io/cluster': 'rs-a', 'ray.io/group': group } },
        spec: { nodeName: 'n1', containers: [{ resources: { requests: { cpu: '4', memory: '8Gi' } } }] },
        status: { phase: 'Running' },
      },
    ];
    const live = { rayService: liveOf(base, 'rs-a'), active, pods };
    const plan = (cpu: string) =>
      planWithCluster(set([base]), set([head]), facts({ 'default/demo': live }, { nodes: [node('n1', cpu), node('n2', '2')], pods })).services[0]!;
    const s = plan('16');
    expect(s.change).toBe('cluster-inplace');
    // The appended group has no pods; the reset adds two workers to the running group.
    expect(s.cluster!.fit).toMatchObject({ verdict: 'fits', pods: 2 });
    expect(s.cluster!.notes.map((n) => n.rule)).toContain('live.replica-reset');
    expect(s.cluster!.notes.map((n) => n.text).join(' ')).toContain(`"${group}" 1 → 3 pods (2 added)`);
    // Figures from what runs (one worker) to the manifest (three).
    expect(Number.parseFloat(String(s.capacity.peak.cpu)) - Number.parseFloat(String(s.capacity.current!.cpu))).toBeCloseTo(8, 5);
    expect(plan('8').cluster!.fit.verdict).toBe('does-not-fit');
  });

  it('an in-place update that shrinks an autoscaled group frees the room of the pods it deletes', () => {
    const base = rayService((rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 1, minReplicas: 0, maxReplicas: 5 }));
    const group = base.spec.rayClusterConfig.workerGroupSpecs[0].groupName;
    const head = structuredClone(base);
    head.spec.rayClusterConfig.workerGroupSpecs.push({ ...structuredClone(base.spec.rayClusterConfig.workerGroupSpecs[0]), groupName: 'extra', replicas: 1 });
    const active = clusterOf(base, 'rs-a');
    (active.spec as Obj).workerGroupSpecs[0].replicas = 3;
    const pods = [0, 1, 2].map((i) => ({
      metadata: { name: `rs-a-w${i}`, namespace: 'default', labels: { 'ray.io/cluster': 'rs-a', 'ray.io/group': group } },
      spec: { nodeName: 'n1', containers: [{ resources: { requests: { cpu: '1', memory: '1Gi' } } }] },
      status: { phase: 'Running' },
    }));
    const resets = replicaReset(active, head.spec.rayClusterConfig, pods);
    expect(resets).toEqual([{ group, running: 3, desired: 1, frees: [0, 1].map(() => ({ node: 'n1', requests: expect.anything() })) }]);
    expect(resets[0]!.frees.map((f) => f.requests.cpu)).toEqual([1, 1]);
    // With in-tree autoscaling the operator deletes nothing: the autoscaler decides.
    expect(replicaReset(active, { ...head.spec.rayClusterConfig, enableInTreeAutoscaling: true }, pods)[0]!.frees).toEqual([]);
    // Pods not listed: the running spec tells how many there are.
    expect(replicaReset(active, head.spec.rayClusterConfig, undefined)[0]).toMatchObject({ running: 3, desired: 1 });
  });

  it('a dry-run refusal is attached to the service with its line', () => {
    const text = stringify(v2);
    const head = setFromText(text, 'demo.yaml');
    const p = planWithCluster(
      set([v1]),
      head,
      facts(
        { 'default/demo': { rayService: null } },
        {
          dryRuns: new Map([
            ['default/demo', { ok: false, message: 'invalid', causes: [{ field: 'spec.rayClusterConfig.rayVersion', message: 'Invalid value' }] }],
          ]),
        },
      ),
    );
    const e = p.services[0]!.cluster!.dryRunErrors[0]!;
    expect(p.services[0]!.cluster!.dryRun).toBe('refused');
    expect(text.split('\n')[e.line! - 1]).toMatch(/rayVersion/);
    expect(renderMarkdown(p)).toContain('refused by the API server');
  });

  it('Git only: the plan with the reason, no cluster view', () => {
    const p = gitOnlyPlan(set([v1]), set([v2]), {}, 'no Kubernetes cluster configured');
    expect(p.cluster).toEqual({
      mode: 'git-only',
      notes: [
        { rule: 'cluster.unreachable', data: { error: 'no Kubernetes cluster configured' }, text: 'Planned from Git alone: no Kubernetes cluster configured.' },
      ],
    });
    expect(p.services[0]!.cluster).toBeUndefined();
    expect(renderMarkdown(p)).toContain('Git only');
  });
});

describe('dry-run errors never echo a secret-looking value', () => {
  it('an env value the API server quotes is redacted', () => {
    const [e] = dryRunErrors(
      {
        message: 'invalid',
        causes: [
          {
            field: 'spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].env[0].value',
            message:
              'Invalid value: "hunter2-token": spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].env[0].value in body must be of type string',
          },
        ],
      },
      () => 3,
    );
    expect(e!.message).not.toContain('hunter2');
    expect(e!.message).toContain('Invalid value: [redacted]');
  });
});

describe('the plan against what runs: corner cases the operator decides differently', () => {
  const v1 = rayService();
  const clusterOf = (spec: Obj, name: string, extra: Obj = {}): KubeObject => ({
    metadata: { name, namespace: 'default', annotations: { 'ray.io/kuberay-version': 'v1.6.2' } },
    spec: structuredClone(spec),
    ...extra,
  });
  const liveOf = (rs: Obj, status: Obj, metadata: Obj = {}): KubeObject => ({
    ...structuredClone(rs),
    metadata: { ...rs.metadata, generation: 3, ...metadata },
    status,
  });
  const facts = (live: LiveService, extra: Partial<ClusterFacts> = {}): ClusterFacts => ({
    server: 'x',
    notes: [],
    services: new Map([['default/demo', live]]),
    dryRuns: new Map(),
    nodes: [{ metadata: { name: 'n1', labels: {} }, spec: {}, status: { allocatable: { cpu: '64', memory: '256Gi', pods: '110' } } }],
    pods: [],
    quotas: [],
    ...extra,
  });
  const running = { activeServiceStatus: { rayClusterName: 'rs-a' } };

  it('never takes the live metadata: kubectl last-applied-configuration (with env values) stays out of the plan', () => {
    const secretManifest = JSON.stringify(
      rayService((rs) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].env = [{ name: 'API_KEY', value: 'sk-live-12345' }])),
    );
    const live = liveOf(v1, running, {
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': secretManifest, 'argocd.argoproj.io/tracking-id': 'x' },
    });
    const p = planWithCluster(set([v1]), set([v1]), facts({ rayService: live, active: clusterOf(v1.spec.rayClusterConfig, 'rs-a') }));
    expect(JSON.stringify(p)).not.toContain('sk-live-12345');
    expect(p.services[0]!.changes).toEqual([]);
    expect(p.services[0]!.change).toBe('none');
  });

  it('an autoscaled cluster (replicas, workersToDelete) with an unchanged manifest: none', () => {
    const scaled = structuredClone(v1.spec.rayClusterConfig);
    scaled.workerGroupSpecs[0].replicas = 3;
    scaled.workerGroupSpecs[0].scaleStrategy = { workersToDelete: ['w-1'] };
    const p = planWithCluster(set([v1]), set([v1]), facts({ rayService: liveOf(v1, running), active: clusterOf(scaled, 'rs-a') }));
    expect(p.services[0]!.change).toBe('none');
    expect(p.services[0]!.cluster!.notes.map((n) => n.text).join(' ')).not.toMatch(/differs from the RayService/);
  });

  it('a RayCluster that runs other hashed fields than its RayService: said so', () => {
    const edited = structuredClone(v1.spec.rayClusterConfig);
    edited.headGroupSpec.template.spec.containers[0].image = 'edited-by-hand';
    const p = planWithCluster(set([v1]), set([v1]), facts({ rayService: liveOf(v1, running), active: clusterOf(edited, 'rs-a') }));
    expect(p.services[0]!.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/differs from the RayService's in fields KubeRay hashes/);
  });

  it.each([
    { why: 'being deleted', metadata: { deletionTimestamp: '2026-11-27T00:00:00Z' }, status: running, note: /being deleted/ },
    {
      why: 'InitializingTimeout (terminal)',
      metadata: {},
      status: { ...running, conditions: [{ type: 'Ready', status: 'False', reason: 'InitializingTimeout' }] },
      note: /terminal state InitializingTimeout/,
    },
  ])('a RayService $why: the change is not applied, nothing to place', ({ metadata, status, note }) => {
    const v2 = rayService((rs) => (rs.spec.rayClusterConfig.rayVersion = '2.46.0'));
    const p = planWithCluster(set([v1]), set([v2]), facts({ rayService: liveOf(v1, status, metadata), active: clusterOf(v1.spec.rayClusterConfig, 'rs-a') }));
    expect(p.services[0]!.change).toBe('ignored');
    expect(p.services[0]!.reasons[0]!.text).toMatch(note);
    expect(p.services[0]!.cluster!.fit.verdict).toBe('nothing-to-place');
  });

  it('KubeRay 1.6+: a revert in the middle of an incremental upgrade rolls back, no new cluster', () => {
    const incremental = (image: string) =>
      rayService((rs) => {
        rs.spec.upgradeStrategy = {
          type: 'NewClusterWithIncrementalUpgrade',
          clusterUpgradeOptions: { maxSurgePercent: 50, stepSizePercent: 25, intervalSeconds: 30, gatewayClassName: 'istio' },
        };
        rs.spec.rayClusterConfig.enableInTreeAutoscaling = true;
        rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = image;
      });
    const a = incremental('ray:a');
    const b = incremental('ray:b');
    const c = incremental('ray:c');
    const pending = structuredClone(b.spec.rayClusterConfig);
    delete pending.workerGroupSpecs[0].replicas; // what KubeRay builds for an incremental upgrade
    const live = {
      rayService: liveOf(b, { ...running, pendingServiceStatus: { rayClusterName: 'rs-b' } }),
      active: clusterOf(a.spec.rayClusterConfig, 'rs-a'),
      pending: clusterOf(pending, 'rs-b'),
    };
    const revert = planWithCluster(set([b]), set([a]), facts(live), { kuberayVersion: '1.6', incrementalGate: true }).services[0]!;
    expect(revert.change).toBe('none');
    expect(revert.reasons[0]!.text).toMatch(/rolls traffic back to rs-a .* no new RayCluster is built/);
    const third = planWithCluster(set([b]), set([c]), facts(live), { kuberayVersion: '1.6', incrementalGate: true }).services[0]!;
    expect(third.change).toBe('cluster-incremental');
    expect(third.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/first rolls traffic back to rs-a/);
  });

  it('KubeRay 1.6.2: resuming a suspended cluster in place starts all its pods', () => {
    const suspended = rayService((rs) => (rs.spec.rayClusterConfig.suspend = true));
    const p = planWithCluster(
      set([suspended]),
      set([v1]),
      facts({ rayService: liveOf(suspended, running), active: clusterOf(suspended.spec.rayClusterConfig, 'rs-a') }),
      { kuberayVersion: '1.6.2' },
    );
    expect(p.services[0]!.change).toBe('cluster-inplace');
    expect(p.services[0]!.cluster!.fit).toMatchObject({ verdict: 'fits', pods: 2 });
  });

  it('the operator Deployment turns zero-downtime off: a cluster change is ignored, said so', () => {
    const dep = {
      metadata: { name: 'kuberay-operator', namespace: 'ray-system' },
      spec: { template: { spec: { containers: [{ image: 'quay.io/kuberay/operator:v1.6.2', env: [{ name: 'ENABLE_ZERO_DOWNTIME', value: 'False' }] }] } } },
    };
    const v2 = rayService((rs) => (rs.spec.rayClusterConfig.rayVersion = '2.46.0'));
    const p = planWithCluster(
      set([v1]),
      set([v2]),
      facts({ rayService: liveOf(v1, running), active: clusterOf(v1.spec.rayClusterConfig, 'rs-a') }, { operatorDeployments: [dep] }),
    );
    expect(p.services[0]!.change).toBe('ignored');
    expect(p.cluster!.notes.map((n) => n.text).join(' ')).toMatch(/ENABLE_ZERO_DOWNTIME=false/);
  });

  const operatorDeployment = (container: KubeObject): KubeObject => ({
    metadata: { name: 'kuberay-operator', namespace: 'ray-system' },
    spec: { template: { spec: { containers: [{ name: 'kuberay-operator', image: 'quay.io/kuberay/operator:v1.5.1', ...container }] } } },
  });

  it.each([
    { why: 'no flag', argv: ['/manager', '--leader-elect'], want: undefined },
    { why: '--flag=value', argv: ['/manager', '--feature-gates=RayJobDeletionPolicy=true'], want: 'RayJobDeletionPolicy=true' },
    { why: 'one dash, as Go flags allow', argv: ['-feature-gates=A=false'], want: 'A=false' },
    { why: 'flag and value as two arguments', argv: ['--feature-gates', 'A=true,B=false'], want: 'A=true,B=false' },
    { why: 'the last one wins', argv: ['--feature-gates=A=true', '--feature-gates=A=false'], want: 'A=false' },
    { why: 'a look-alike flag is not it', argv: ['--feature-gates-file=x'], want: undefined },
  ])('--feature-gates: $why', ({ argv, want }) => {
    expect(featureGatesFlag(argv)).toBe(want);
  });

  it.each([
    { why: 'nothing set: no gate, no env', container: {}, want: { featureGates: {} } },
    {
      why: 'gates from args, unknown gates dropped',
      container: { args: ['--feature-gates=RayJobDeletionPolicy=true,RayServiceIncrementalUpgrade=TRUE,NoSuchGate=true'] },
      want: { featureGates: { RayJobDeletionPolicy: true, RayServiceIncrementalUpgrade: true } },
    },
    {
      why: 'gates from command',
      container: { command: ['/manager', '--feature-gates=RayClusterMTLS=1, RayJobDeletionPolicy = F'] },
      want: { featureGates: { RayClusterMTLS: true, RayJobDeletionPolicy: false } },
    },
    {
      why: 'entries the operator would refuse to start with are left out',
      container: { args: ['--feature-gates=RayClusterMTLS,RayJobDeletionPolicy=yes,RayClusterHistoryServer=tRue'] },
      want: { featureGates: {} },
    },
    {
      why: 'init container injection off (any case)',
      container: { env: [{ name: 'ENABLE_INIT_CONTAINER_INJECTION', value: 'FALSE' }] },
      want: { initContainerInjection: false },
    },
    {
      why: 'injection on for anything but false',
      container: { env: [{ name: 'ENABLE_INIT_CONTAINER_INJECTION', value: 'no' }] },
      want: { initContainerInjection: true },
    },
    { why: 'a value from a ConfigMap is not known', container: { env: [{ name: 'ENABLE_INIT_CONTAINER_INJECTION', valueFrom: {} }] }, want: {} },
  ])('operator settings: $why', ({ container, want }) => {
    const s = operatorSettingsFrom([operatorDeployment(container)]);
    expect(s).toMatchObject({ detail: 'Deployment ray-system/kuberay-operator', ...want });
    if (!('initContainerInjection' in want)) expect(s?.initContainerInjection).toBeUndefined();
    if ('featureGates' in want) expect(s?.featureGates).toEqual(want.featureGates);
  });

  it('the operator runs without the init container: workers are sized without it, said so', () => {
    const small = rayService((rs) => {
      rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].resources = { requests: { cpu: '100m', memory: '128Mi' } };
    });
    const plan = (env: KubeObject[]) =>
      planWithCluster(set([]), set([small]), facts({ rayService: null }, { operatorDeployments: [operatorDeployment({ env })] }));
    const injected = plan([]);
    const without = plan([{ name: 'ENABLE_INIT_CONTAINER_INJECTION', value: 'false' }]);
    // One 100m worker: 200m with the wait-gcs-ready init container, 100m without it.
    expect(injected.services[0]!.capacity.new!.cpu! - without.services[0]!.capacity.new!.cpu!).toBeCloseTo(0.1);
    expect(without.cluster!.notes.map((n) => n.rule)).toContain('operator.no-init-container');
    expect(injected.cluster!.notes.map((n) => n.rule)).not.toContain('operator.no-init-container');
  });

  it.each([
    { why: 'the flag turns the gate on: the operator accepts', args: ['--feature-gates=RayJobDeletionPolicy=true'], change: 'cluster', note: true },
    { why: 'no flag: the release default (off) is what runs, not assumed', args: [], change: 'rejected', note: false },
  ])('a gate settled by the running operator: $why', ({ args, change, note }) => {
    const head = rayService((rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].suspend = true));
    const p = planWithCluster(
      set([v1]),
      set([head]),
      facts({ rayService: liveOf(v1, running), active: clusterOf(v1.spec.rayClusterConfig, 'rs-a') }, { operatorDeployments: [operatorDeployment({ args })] }),
    );
    const s = p.services[0]!;
    expect(s.change, s.reasons.map((r) => r.text).join('\n')).toBe(change);
    expect(s.rejection?.assumedGates).toBeUndefined();
    expect(p.cluster!.notes.some((n) => n.rule === 'operator.feature-gate' && /RayJobDeletionPolicy gate on/.test(n.text))).toBe(note);
  });

  it('a node group that could scale from zero: unknown, not a misfit', () => {
    const big = rayService(
      (rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].resources = { requests: { cpu: '100', memory: '1Gi' } }),
    );
    const status = {
      data: {
        status:
          'nodeGroups:\n- name: gpu-pool\n  health:\n    status: Healthy\n    nodeCounts: {registered: {total: 0}}\n    cloudProviderTarget: 0\n    minSize: 0\n    maxSize: 4\n',
      },
    };
    const p = planWithCluster(set([]), set([big]), facts({ rayService: null }, { autoscalerStatus: status }));
    expect(p.services[0]!.cluster!.fit.verdict).toBe('unknown');
    expect(p.services[0]!.cluster!.fit.summary).toMatch(/may add nodes to gpu-pool/);
  });
});
