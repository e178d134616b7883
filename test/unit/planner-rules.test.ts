/**
 * Every rule of the planner, per operator release where it differs. Each row: a base manifest,
 * a head manifest (a mutation of base), and the `change` expected for each release.
 */
import { describe, expect, it } from 'vitest';
import { plan, type PlanOptions } from '../../src/planner/plan.js';
import type { Change } from '../../src/planner/types.js';
import { rayService, set, setFromText, toYaml, workerGroup, SERVE_CONFIG, type Obj } from '../fixtures/rayservice.js';

const VERSIONS = ['1.3', '1.4', '1.5.1', '1.5', '1.6.0', '1.6', '1.7'] as const;
type Version = (typeof VERSIONS)[number];

interface Row {
  name: string;
  base?: (rs: Obj) => void;
  head: (rs: Obj) => void;
  /** One expectation for every release, or per release (others: `default`). */
  expect: Change | (Partial<Record<Version, Change>> & { default: Change });
  options?: PlanOptions;
  /** Releases that have the fields of this row (default: all). */
  versions?: Version[];
}

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const worker0 = (rs: Obj) => rcc(rs).workerGroupSpecs[0];
const headContainer = (rs: Obj) => rcc(rs).headGroupSpec.template.spec.containers[0];
const serve = (rs: Obj, text: string) => (rs.spec.serveConfigV2 = text);

const rows: Row[] = [
  { name: 'identical manifests', head: () => {}, expect: 'none' },
  // Hash-blanked fields.
  { name: 'replicas only', head: (rs) => (worker0(rs).replicas = 3), expect: 'ignored' },
  { name: 'minReplicas and maxReplicas only', head: (rs) => Object.assign(worker0(rs), { minReplicas: 2, maxReplicas: 8 }), expect: 'ignored' },
  { name: 'workersToDelete only', head: (rs) => (worker0(rs).scaleStrategy = { workersToDelete: ['pod-a'] }), expect: 'ignored' },
  {
    name: 'worker tolerations only',
    head: (rs) => (worker0(rs).template.spec.tolerations = [{ key: 'gpu', operator: 'Exists' }]),
    expect: { default: 'ignored', '1.3': 'cluster', '1.4': 'cluster', '1.5.1': 'cluster' },
  },
  {
    name: 'head schedulingGates only',
    head: (rs) => (rcc(rs).headGroupSpec.template.spec.schedulingGates = [{ name: 'kueue.x-k8s.io/admission' }]),
    expect: { default: 'ignored', '1.3': 'cluster', '1.4': 'cluster', '1.5.1': 'cluster' },
  },
  {
    name: 'RayCluster-level upgradeStrategy only (a field since 1.6)',
    head: (rs) => (rcc(rs).upgradeStrategy = { type: 'Recreate' }),
    expect: 'ignored',
    versions: ['1.6.0', '1.6', '1.7'],
  },
  {
    name: 'rayClusterConfig.suspend toggled',
    head: (rs) => (rcc(rs).suspend = true),
    // 1.5.2, 1.6.1+: in place before any hash check; 1.7: muted and kept on the running cluster.
    expect: { default: 'cluster', '1.5': 'cluster-inplace', '1.6': 'cluster-inplace', '1.7': 'ignored' },
  },
  {
    name: 'suspend toggled together with an image change (1.5.2/1.6.1+: all in place)',
    head: (rs) => {
      rcc(rs).suspend = true;
      headContainer(rs).image = 'rayproject/ray:2.46.0';
    },
    expect: { default: 'cluster', '1.5': 'cluster-inplace', '1.6': 'cluster-inplace' },
  },
  // Hashed fields.
  { name: 'head image', head: (rs) => (headContainer(rs).image = 'rayproject/ray:2.46.0'), expect: 'cluster' },
  { name: 'worker env added', head: (rs) => (worker0(rs).template.spec.containers[0].env = [{ name: 'X', value: '1' }]), expect: 'cluster' },
  { name: 'rayStartParams value', head: (rs) => (worker0(rs).rayStartParams = { 'num-cpus': '2' }), expect: 'cluster' },
  { name: 'numOfHosts', head: (rs) => (worker0(rs).numOfHosts = 2), expect: 'cluster' },
  { name: 'worker memory request', head: (rs) => (worker0(rs).template.spec.containers[0].resources.requests.memory = '1Gi'), expect: 'cluster' },
  {
    name: 'enableInTreeAutoscaling false written out (pointer: hashes differently)',
    head: (rs) => (rcc(rs).enableInTreeAutoscaling = false),
    expect: 'cluster',
  },
  // 1.3's CRD requires rayStartParams: the API server refuses the head there (test/unit/api-server-schema.test.ts).
  {
    name: 'rayStartParams {} removed (no omitempty: null ≠ {})',
    head: (rs) => delete worker0(rs).rayStartParams,
    expect: 'cluster',
    versions: ['1.4', '1.5.1', '1.5', '1.6.0', '1.6', '1.7'],
  },
  // Canonical forms and defaults.
  {
    name: 'quantities rewritten canonically (1 → 1000m, 2Gi → 2048Mi)',
    head: (rs) => (worker0(rs).template.spec.containers[0].resources = { requests: { cpu: '1000m', memory: '2048Mi' }, limits: { cpu: 1, memory: '2Gi' } }),
    expect: 'none',
  },
  {
    name: 'CRD defaults written out (protocol TCP, numOfHosts 1)',
    head: (rs) => {
      headContainer(rs).ports[0].protocol = 'TCP';
      worker0(rs).numOfHosts = 1;
    },
    expect: 'none',
  },
  { name: 'empty env list added (omitempty)', head: (rs) => (worker0(rs).template.spec.containers[0].env = []), expect: 'none' },
  // Worker groups.
  { name: 'worker group appended', head: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('gpu')), expect: 'cluster-inplace' },
  {
    name: 'worker group appended with replicas changed on the existing one',
    head: (rs) => {
      worker0(rs).replicas = 2;
      rcc(rs).workerGroupSpecs.push(workerGroup('gpu'));
    },
    expect: 'cluster-inplace',
  },
  {
    name: 'worker group appended and existing group changed',
    head: (rs) => {
      worker0(rs).template.spec.containers[0].image = 'rayproject/ray:2.46.0';
      rcc(rs).workerGroupSpecs.push(workerGroup('gpu'));
    },
    expect: 'cluster',
  },
  {
    name: 'worker group inserted first',
    head: (rs) => rcc(rs).workerGroupSpecs.unshift(workerGroup('gpu')),
    expect: 'cluster',
  },
  {
    name: 'worker groups reordered',
    base: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('gpu')),
    head: (rs) => rcc(rs).workerGroupSpecs.reverse(),
    expect: 'cluster',
  },
  {
    name: 'worker group removed',
    base: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('gpu')),
    head: (rs) => rcc(rs).workerGroupSpecs.pop(),
    expect: 'cluster',
  },
  { name: 'worker group renamed', head: (rs) => (worker0(rs).groupName = 'cpu'), expect: 'cluster' },
  {
    name: 'first worker group added to a head-only cluster',
    base: (rs) => delete rcc(rs).workerGroupSpecs,
    head: (rs) => (rcc(rs).workerGroupSpecs = [workerGroup('gpu')]),
    expect: 'cluster-inplace',
  },
  {
    name: 'appended group under strategy None (appends ignore the strategy)',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'None' }),
    head: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('gpu')),
    expect: 'cluster-inplace',
  },
  // Strategies.
  {
    name: 'image change under strategy None',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'None' }),
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: 'ignored',
  },
  {
    name: 'image change with ENABLE_ZERO_DOWNTIME=false',
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: 'ignored',
    options: { zeroDowntime: false },
  },
  {
    name: 'image change with ENABLE_ZERO_DOWNTIME=false but type NewCluster (the type wins)',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'NewCluster' }),
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: 'cluster',
    options: { zeroDowntime: false },
  },
  {
    name: 'image + Serve change under None: Serve applies, the cluster part is ignored',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'None' }),
    head: (rs) => {
      headContainer(rs).image = 'x:2';
      serve(rs, SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 2'));
    },
    expect: 'app',
  },
  {
    name: 'incremental upgrade, complete options',
    base: incremental,
    head: (rs) => (headContainer(rs).image = 'x:2'),
    // gate: off by default in 1.5/1.6 (behaves like None), on in 1.7. clusterUpgradeOptions is a 1.5+ field.
    expect: { default: 'ignored', '1.7': 'cluster-incremental' },
    versions: ['1.5.1', '1.5', '1.6.0', '1.6', '1.7'],
  },
  {
    name: 'incremental upgrade type where the release has none (the operator rejects it)',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'NewClusterWithIncrementalUpgrade' }),
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: 'rejected',
    versions: ['1.3', '1.4'],
  },
  {
    name: 'incremental upgrade without autoscaling (1.7 rejects the spec)',
    base: (rs) => {
      incremental(rs);
      rcc(rs).enableInTreeAutoscaling = false;
    },
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: { default: 'ignored', '1.7': 'rejected' },
    versions: ['1.5.1', '1.5', '1.6.0', '1.6', '1.7'],
  },
  {
    name: 'incremental upgrade with stepSizePercent above maxSurgePercent, gate on (1.7 rejects the spec)',
    base: (rs) => {
      incremental(rs);
      rs.spec.upgradeStrategy.clusterUpgradeOptions.stepSizePercent = 60;
    },
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: { default: 'cluster-incremental', '1.7': 'rejected' },
    options: { incrementalGate: true },
    versions: ['1.5.1', '1.5', '1.6.0', '1.6', '1.7'],
  },
  {
    name: 'incremental upgrade with stepSizePercent equal to maxSurgePercent, gate on (accepted)',
    base: (rs) => {
      incremental(rs);
      rs.spec.upgradeStrategy.clusterUpgradeOptions.stepSizePercent = 50;
    },
    head: (rs) => (headContainer(rs).image = 'x:2'),
    expect: 'cluster-incremental',
    options: { incrementalGate: true },
    versions: ['1.5.1', '1.5', '1.6.0', '1.6', '1.7'],
  },
  // Serve config.
  { name: 'Serve num_replicas', head: (rs) => serve(rs, SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 2')), expect: 'app' },
  {
    name: 'Serve config reformatted, reordered and commented',
    head: (rs) =>
      serve(
        rs,
        `# production config
applications:
- import_path: "demo.app:app"   # entry point
  name: app1
  deployments: [{name: Model, user_config: {threshold: 0.5}, num_replicas: 1}]
  route_prefix: /app1
`,
      ),
    expect: 'none',
  },
  { name: 'Serve app added', head: (rs) => serve(rs, `${SERVE_CONFIG}  - name: app2\n    route_prefix: /app2\n    import_path: other:app\n`), expect: 'app' },
  { name: 'Serve http_options only (fixed when Serve starts)', head: (rs) => serve(rs, `http_options:\n  port: 9000\n${SERVE_CONFIG}`), expect: 'ignored' },
  {
    name: 'Serve + image change together',
    head: (rs) => {
      headContainer(rs).image = 'x:2';
      serve(rs, SERVE_CONFIG.replace('threshold: 0.5', 'threshold: 0.6'));
    },
    expect: 'cluster',
  },
  // RayService metadata and settings.
  { name: 'RayService label', head: (rs) => (rs.metadata.labels = { team: 'ml' }), expect: 'none' },
  { name: 'ray.io/initializing-timeout annotation', head: (rs) => (rs.metadata.annotations = { 'ray.io/initializing-timeout': '10m' }), expect: 'none' },
  {
    name: 'rayClusterDeletionDelaySeconds (a field since 1.5)',
    head: (rs) => (rs.spec.rayClusterDeletionDelaySeconds = 10),
    expect: 'none',
    versions: ['1.5.1', '1.5', '1.6.0', '1.6', '1.7'],
  },
  { name: 'RayService-level suspend (a field since 1.7)', head: (rs) => (rs.spec.suspend = true), expect: 'delete', versions: ['1.7'] },
  { name: 'upgradeStrategy type unknown to the release', head: (rs) => (rs.spec.upgradeStrategy = { type: 'Blue' }), expect: 'rejected' },
  {
    name: 'name too long for 1.4+ validation',
    base: (rs) => (rs.metadata.name = 'a'.repeat(50)),
    head: (rs) => serve(rs, SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 2')),
    expect: { default: 'rejected', '1.3': 'app' },
  },
];

function incremental(rs: Obj): void {
  rcc(rs).enableInTreeAutoscaling = true;
  rs.spec.upgradeStrategy = {
    type: 'NewClusterWithIncrementalUpgrade',
    clusterUpgradeOptions: { maxSurgePercent: 50, stepSizePercent: 25, intervalSeconds: 30, gatewayClassName: 'istio' },
  };
}

function expected(row: Row, v: Version): Change {
  if (typeof row.expect === 'string') return row.expect;
  return row.expect[v] ?? row.expect.default;
}

describe.each(VERSIONS)('KubeRay %s', (version) => {
  it.each(rows.filter((r) => !r.versions || r.versions.includes(version)).map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const base = rayService(row.base);
    const head = structuredClone(base);
    row.head(head);
    const p = plan(set([base]), set([head]), { kuberayVersion: version, ...row.options });
    expect(p.services).toHaveLength(1);
    expect(p.services[0]!.change, p.services[0]!.reasons.map((r) => r.text).join('\n')).toBe(expected(row, version));
    expect(p.services[0]!.reasons.length).toBeGreaterThan(0);
  });
});

describe('plans name what they see', () => {
  it('create and delete', () => {
    const p = plan(set([rayService(undefined, 'old')]), set([rayService(undefined, 'new')]));
    expect(p.services.map((s) => [s.name, s.change])).toEqual([
      ['new', 'create'],
      ['old', 'delete'],
    ]);
    expect(p.services[0]!.capacity.current).toBeNull();
    expect(p.services[1]!.capacity.new).toBeNull();
  });

  it('the create of a RayService builds a cluster even under strategy None', () => {
    const p = plan(new Map(), set([rayService((rs) => (rs.spec.upgradeStrategy = { type: 'None' }))]));
    expect(p.services[0]!.change).toBe('create');
  });

  it('1.3 says the old cluster also gets the new Serve config; 1.4+ says it does not', () => {
    const base = rayService();
    const head = rayService((rs) => {
      headContainer(rs).image = 'x:2';
      serve(rs, SERVE_CONFIG.replace('threshold: 0.5', 'threshold: 0.6'));
    });
    expect(
      plan(set([base]), set([head]), { kuberayVersion: '1.3' })
        .services[0]!.reasons.map((r) => r.text)
        .join(' '),
    ).toMatch(/also sends it to the running cluster/);
    expect(
      plan(set([base]), set([head]), { kuberayVersion: '1.4' })
        .services[0]!.reasons.map((r) => r.text)
        .join(' '),
    ).toMatch(/new cluster only/);
  });

  it('under None, the ignored cluster part is listed with its reason next to the applied Serve change', () => {
    const base = rayService((rs) => (rs.spec.upgradeStrategy = { type: 'None' }));
    const head = structuredClone(base);
    headContainer(head).image = 'x:2';
    serve(head, SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 2'));
    const s = plan(set([base]), set([head])).services[0]!;
    expect(s.change).toBe('app');
    expect(s.changes.find((c) => c.path.endsWith('containers[0].image'))!.effect).toBe('ignored');
    expect(s.changes.find((c) => c.path.includes('num_replicas'))!.effect).toBe('app');
    expect(s.reasons.map((r) => r.text).join(' ')).toMatch(/silently ignored: upgradeStrategy.type is None/);
  });

  it('changed fields carry the head manifest line', () => {
    const base = toYaml(rayService());
    const head = base.replace('image: rayproject/ray:2.44.1', 'image: rayproject/ray:2.46.0');
    const s = plan(setFromText(base), setFromText(head)).services[0]!;
    const line = head.split('\n').findIndex((l) => l.includes('2.46.0')) + 1;
    expect(s.changes[0]).toMatchObject({ path: 'spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image', effect: 'cluster', line });
  });

  it('Serve changes carry the line inside the block scalar', () => {
    const base = toYaml(rayService());
    const head = base.replace('num_replicas: 1', 'num_replicas: 4');
    const s = plan(setFromText(base), setFromText(head)).services[0]!;
    const line = head.split('\n').findIndex((l) => l.includes('num_replicas: 4')) + 1;
    expect(s.changes[0]).toMatchObject({ path: 'spec.serveConfigV2: applications[app1].deployments[Model].num_replicas', from: 1, to: 4, line, effect: 'app' });
  });

  it('meaningful annotations are named', () => {
    const head = rayService((rs) => (rs.metadata.annotations = { 'ray.io/initializing-timeout': '10m' }));
    const s = plan(set([rayService()]), set([head]), { kuberayVersion: '1.7' }).services[0]!;
    expect(s.reasons.map((r) => r.text).join(' ')).toMatch(/ray\.io\/initializing-timeout/);
  });

  it('the namespace comes from the manifest, else the default', () => {
    const a = rayService((rs) => delete rs.metadata.namespace);
    const s = plan(new Map(), set([a])).services[0]!;
    expect(s.namespace).toBe('default');
  });
});

describe('a RayService the operator rejects', () => {
  // How the rejection shows differs by release: only an event before 1.6, also a Ready condition since.
  it.each([
    ['1.3', /\(only a Warning event InvalidRayServiceSpec\)/],
    ['1.5', /\(only a Warning event InvalidRayServiceSpec\)/],
    ['1.6.0', /\(Ready=False with reason ValidationFailed and a Warning event InvalidRayServiceSpec\)/],
    ['1.7', /\(Ready=False with reason ValidationFailed and a Warning event InvalidRayServiceSpec\)/],
  ] as const)('KubeRay %s says how it reports it', (version, shown) => {
    const head = rayService((rs) => (rs.spec.upgradeStrategy = { type: 'Blue' }));
    const s = plan(set([rayService()]), set([head]), { kuberayVersion: version }).services[0]!;
    expect(s.change).toBe('rejected');
    expect(s.reasons[0]!.text).toMatch(
      /rejects this RayService: "(The RayService spec is invalid: )?Spec\.UpgradeStrategy\.Type value Blue is invalid, valid options are /,
    );
    expect(s.reasons[0]!.text).toMatch(shown);
    expect(s.rejection?.rule).toBe('validation.upgrade-type');
    expect(s.rejection?.line).toBeGreaterThan(0);
  });

  it.each([
    ['1.6', 'cluster-incremental', /moves traffic step by step through the Gateway \(60% every 30 s, capacity surging by at most 50%\)/],
    ['1.7', 'rejected', /rejects this RayService: "The RayService spec is invalid: stepSizePercent must be less than or equal to maxSurgePercent"/],
  ] as const)('KubeRay %s: stepSizePercent above maxSurgePercent', (version, change, first) => {
    const base = rayService(incremental);
    const head = structuredClone(base);
    head.spec.upgradeStrategy.clusterUpgradeOptions.stepSizePercent = 60;
    headContainer(head).image = 'x:2';
    const s = plan(set([base]), set([head]), { kuberayVersion: version, incrementalGate: true }).services[0]!;
    expect(s.change).toBe(change);
    expect(s.reasons[0]!.text).toMatch(first);
  });
});

describe('fields a release does not know', () => {
  it('are refused with file, line and field (a server-side apply refuses them too)', () => {
    const base = rayService();
    const head = rayService((rs) => (rs.spec.rayClusterConfig.upgradeStrategy = { type: 'Recreate' }));
    expect(() => plan(set([base]), set([head]), { kuberayVersion: '1.5.1' })).toThrow(
      /manifests\.yaml:\d+: spec\.rayClusterConfig\.upgradeStrategy: not a field of the RayService in KubeRay 1\.5\.1: the API server refuses it/,
    );
    expect(plan(set([base]), set([head]), { kuberayVersion: '1.6' }).services[0]!.change).toBe('ignored');
  });

  it('a typo in a KubeRay field is refused', () => {
    const head = rayService((rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].maxReplica = 5));
    expect(() => plan(set([rayService()]), set([head]))).toThrow(/spec\.rayClusterConfig\.workerGroupSpecs\[0\]\.maxReplica: not a field/);
  });
});

describe('manifests the operator accepts but cannot run', () => {
  it('a head container with ports but no dashboard port is called out', () => {
    const head = rayService((rs) => {
      rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].ports = [{ containerPort: 8000, name: 'serve' }];
      rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'x:2';
    });
    const s = plan(set([rayService()]), set([head])).services[0]!;
    expect(s.change).toBe('cluster');
    expect(s.reasons.map((r) => r.text).join(' ')).toMatch(/none named `dashboard`.*never leaves Initializing/);
  });
});
