/**
 * Conformance of the planner: for each base → head pair, the real KubeRay operator is shown the
 * change on the local control plane, and what it really does (a new pending RayCluster? the
 * RayCluster spec updated in place? a new Serve config sent? nothing?) must equal the planner's
 * `change` for that pair and operator release. All pairs run side by side on one control plane
 * per release (distinct RayService names), so a release costs about one rollout's time.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startControlPlane,
  rayClustersOf,
  getRayService,
  waitForRayService,
  isServing,
  type ControlPlane,
  type KubeRayVersion,
  type KubeObject,
} from '../harness/index.js';
import { plan } from '../../src/planner/plan.js';
import type { Change } from '../../src/planner/types.js';
import { InputError } from '../../src/manifests/input-error.js';
import { conformanceNodes, conformanceService, smallContainer as small } from '../fixtures/conformance.js';
import { set, workerGroup, SERVE_CONFIG, type Obj } from '../fixtures/rayservice.js';

type Observed = 'new-cluster' | 'updated-in-place' | 'serve-updated' | 'nothing' | 'apply-refused' | 'rejected';

const OBSERVED_FOR: Record<Change, Observed | undefined> = {
  cluster: 'new-cluster',
  'cluster-incremental': 'new-cluster',
  'cluster-inplace': 'updated-in-place',
  app: 'serve-updated',
  none: 'nothing',
  ignored: 'nothing',
  rejected: 'rejected',
  create: undefined,
  delete: undefined,
};

interface Case {
  name: string;
  base?: (rs: Obj) => void;
  head: (rs: Obj) => void;
}

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const worker0 = (rs: Obj) => rcc(rs).workerGroupSpecs[0];
const headContainer = (rs: Obj) => rcc(rs).headGroupSpec.template.spec.containers[0];
const NEW_IMAGE = 'rayproject/ray:2.46.0-conformance';

const CASES: Case[] = [
  { name: 'same', head: () => {} },
  { name: 'replicas', head: (rs) => (worker0(rs).replicas = 2) },
  { name: 'min-max', head: (rs) => Object.assign(worker0(rs), { minReplicas: 0, maxReplicas: 5 }) },
  { name: 'tolerations', head: (rs) => (worker0(rs).template.spec.tolerations = [{ key: 'dedicated', operator: 'Exists' }]) },
  { name: 'head-image', head: (rs) => (headContainer(rs).image = NEW_IMAGE) },
  { name: 'worker-env', head: (rs) => (worker0(rs).template.spec.containers[0].env = [{ name: 'MODE', value: 'fast' }]) },
  // Request and limit together: a request above its limit is a pod the API server refuses (conformance-pods).
  {
    name: 'worker-memory',
    head: (rs) =>
      Object.assign(worker0(rs).template.spec.containers[0].resources, {
        requests: { cpu: '100m', memory: '300Mi' },
        limits: { cpu: '100m', memory: '300Mi' },
      }),
  },
  { name: 'ray-start-params', head: (rs) => (worker0(rs).rayStartParams = { 'num-cpus': '1' }) },
  { name: 'autoscaling-false', head: (rs) => (rcc(rs).enableInTreeAutoscaling = false) },
  {
    name: 'quantities-canonical',
    head: (rs) =>
      (worker0(rs).template.spec.containers[0].resources = { requests: { cpu: '0.1', memory: '262144Ki' }, limits: { cpu: '100m', memory: '256Mi' } }),
  },
  { name: 'crd-defaults', head: (rs) => (headContainer(rs).ports[0].protocol = 'TCP') },
  { name: 'append-group', head: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('extra', smallGroup())) },
  {
    name: 'append-and-change',
    head: (rs) => {
      worker0(rs).template.spec.containers[0].image = NEW_IMAGE;
      rcc(rs).workerGroupSpecs.push(workerGroup('extra', smallGroup()));
    },
  },
  { name: 'insert-first', head: (rs) => rcc(rs).workerGroupSpecs.unshift(workerGroup('extra', smallGroup())) },
  { name: 'reorder', base: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('extra', smallGroup())), head: (rs) => rcc(rs).workerGroupSpecs.reverse() },
  { name: 'remove-group', base: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('extra', smallGroup())), head: (rs) => rcc(rs).workerGroupSpecs.pop() },
  { name: 'rename-group', head: (rs) => (worker0(rs).groupName = 'renamed') },
  { name: 'none-image', base: (rs) => (rs.spec.upgradeStrategy = { type: 'None' }), head: (rs) => (headContainer(rs).image = NEW_IMAGE) },
  {
    name: 'none-append',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'None' }),
    head: (rs) => rcc(rs).workerGroupSpecs.push(workerGroup('extra', smallGroup())),
  },
  {
    name: 'none-image-serve',
    base: (rs) => (rs.spec.upgradeStrategy = { type: 'None' }),
    head: (rs) => {
      headContainer(rs).image = NEW_IMAGE;
      rs.spec.serveConfigV2 = SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 2');
    },
  },
  {
    name: 'incremental-gate-off',
    base: (rs) => {
      rcc(rs).enableInTreeAutoscaling = true;
      rs.spec.upgradeStrategy = {
        type: 'NewClusterWithIncrementalUpgrade',
        clusterUpgradeOptions: { maxSurgePercent: 50, stepSizePercent: 25, intervalSeconds: 30, gatewayClassName: 'gw' },
      };
    },
    head: (rs) => (headContainer(rs).image = NEW_IMAGE),
  },
  { name: 'serve-replicas', head: (rs) => (rs.spec.serveConfigV2 = SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 3')) },
  {
    name: 'serve-reformatted',
    head: (rs) =>
      (rs.spec.serveConfigV2 = `# reformatted\napplications:\n- {name: app1, import_path: "demo.app:app", route_prefix: /app1, deployments: [{name: Model, num_replicas: 1, user_config: {threshold: 0.5}}]}\n`),
  },
  {
    name: 'serve-and-image',
    head: (rs) => {
      headContainer(rs).image = NEW_IMAGE;
      rs.spec.serveConfigV2 = SERVE_CONFIG.replace('threshold: 0.5', 'threshold: 0.9');
    },
  },
  { name: 'label-only', head: (rs) => (rs.metadata.labels = { team: 'conformance' }) },
  { name: 'cluster-suspend', head: (rs) => (rcc(rs).suspend = true) },
  { name: 'cluster-upgrade-strategy', head: (rs) => (rcc(rs).upgradeStrategy = { type: 'Recreate' }) },
  // The operator's own validation: refused on every release (a named head Service), from 1.6 only
  // (minReplicas above maxReplicas; 1.5 mutes them in the hash), from 1.5 (labels in rayStartParams).
  { name: 'named-head-service', head: (rs) => (rcc(rs).headGroupSpec.headService = { metadata: { name: 'my-head-svc' } }) },
  { name: 'min-above-max', head: (rs) => Object.assign(worker0(rs), { minReplicas: 3, maxReplicas: 2, replicas: 1 }) },
  {
    name: 'labels-in-params',
    head: (rs) => {
      worker0(rs).rayStartParams = { labels: 'tier=gpu' };
      headContainer(rs).image = NEW_IMAGE;
    },
  },
  { name: 'idle-timeout-v1', head: (rs) => (worker0(rs).idleTimeoutSeconds = 30) },
];

function smallGroup(): Obj {
  return { replicas: 1, minReplicas: 0, maxReplicas: 2, template: { spec: { containers: [small('ray-worker')] } } };
}

/** The case's base manifest: small pods, a short deletion delay, a unique name. */
function baseOf(c: Case): Obj {
  return conformanceService(`cf-${c.name}`, (rs) => c.base?.(rs));
}

function headOf(c: Case): Obj {
  const h = structuredClone(baseOf(c));
  c.head(h);
  return h;
}

const OBSERVE_MS = 20_000;

for (const version of ['v1.6.2', 'v1.5.1'] as KubeRayVersion[]) {
  describe(`planner conformance with the real KubeRay operator ${version}`, () => {
    let cp: ControlPlane;
    const observed = new Map<string, { what: Observed; detail: string }>();
    const oldClusterGotNewServe = new Map<string, boolean>();

    beforeAll(async () => {
      // 31 RayServices at once: let the operator reconcile several side by side (default 1).
      cp = await startControlPlane({
        kuberayVersion: version,
        nodes: conformanceNodes(),
        operatorArgs: ['--reconcile-concurrency=8'],
        keepTempDir: !!process.env.RAYSERVICE_ROLLOUT_KEEP_TMP,
      });
      const k = cp.kubectl;
      // 1. Every base, at once; wait until each serves.
      await Promise.all(CASES.map((c) => k.apply(baseOf(c))));
      await Promise.all(CASES.map((c) => waitForRayService(k, `cf-${c.name}`, 'default', isServing, { timeoutMs: 180_000 })));
      // 2. Remember what runs, then apply every head at once.
      const before = new Map<string, { active: string; clusterGen: number; puts: number; lastConfig: unknown }>();
      for (const c of CASES) {
        const s = await getRayService(k, `cf-${c.name}`, 'default');
        const rc = (await rayClustersOf(k, `cf-${c.name}`, 'default')).find((x) => x.metadata.name === s.activeCluster)!;
        const puts = cp.sim.serve.state('default', s.activeCluster!)?.puts ?? [];
        before.set(c.name, { active: s.activeCluster!, clusterGen: rc.metadata.generation, puts: puts.length, lastConfig: puts[puts.length - 1]?.config });
      }
      await Promise.all(
        CASES.map((c) =>
          k.apply(headOf(c)).catch((e: Error) => {
            observed.set(c.name, { what: 'apply-refused', detail: e.message.slice(0, 200) });
          }),
        ),
      );
      // 3. Watch what the operator does with each, for a window long enough for several reconciles.
      const deadline = Date.now() + OBSERVE_MS;
      while (Date.now() < deadline && observed.size < CASES.length) {
        for (const c of CASES) {
          if (observed.has(c.name)) continue;
          const b = before.get(c.name)!;
          const s = await getRayService(k, `cf-${c.name}`, 'default');
          const clusters: KubeObject[] = await rayClustersOf(k, `cf-${c.name}`, 'default');
          const others = clusters.filter((x) => x.metadata.name !== b.active);
          if (s.pendingCluster || others.length || (s.activeCluster && s.activeCluster !== b.active)) {
            observed.set(c.name, { what: 'new-cluster', detail: `pending ${s.pendingCluster ?? others[0]?.metadata.name}` });
            continue;
          }
          if (await operatorRejected(k, `cf-${c.name}`)) {
            observed.set(c.name, { what: 'rejected', detail: 'ValidationFailed / InvalidRayServiceSpec' });
            continue;
          }
          const active = clusters.find((x) => x.metadata.name === b.active);
          if (active && active.metadata.generation > b.clusterGen) {
            observed.set(c.name, { what: 'updated-in-place', detail: `generation ${b.clusterGen} → ${active.metadata.generation}` });
          }
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      // Did a Serve config with new content reach the cluster that was active before?
      for (const c of CASES) {
        const b = before.get(c.name)!;
        const puts = cp.sim.serve.state('default', b.active)?.puts ?? [];
        const changed = puts.slice(b.puts).some((p) => !isDeepStrictEqual(p.config, b.lastConfig));
        oldClusterGotNewServe.set(c.name, changed);
        if (observed.has(c.name)) continue;
        observed.set(c.name, changed ? { what: 'serve-updated', detail: `${puts.length - b.puts} PUT(s)` } : { what: 'nothing', detail: '' });
      }
    }, 420_000);

    afterAll(async () => {
      // The table of what the operator did, for the record (docs/benchmarks.md, docs/kuberay-rules.md).
      console.log(
        `operator ${version}:\n${CASES.map((c) => `  ${c.name.padEnd(26)} ${observed.get(c.name)?.what ?? '?'} ${observed.get(c.name)?.detail ?? ''}`).join('\n')}`,
      );
      await cp?.stop();
    });

    it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const seenFirst = observed.get(c.name)!;
      let p: ReturnType<typeof plan>;
      try {
        p = plan(set([baseOf(c)]), set([headOf(c)]), { kuberayVersion: version });
      } catch (e) {
        // The planner refused the manifest: the API server must have refused the apply too.
        expect(e, String(e)).toBeInstanceOf(InputError);
        expect(seenFirst.what, `planner refused: ${(e as Error).message}`).toBe('apply-refused');
        return;
      }
      const predicted = p.services[0]!.change;
      const seen = observed.get(c.name)!;
      expect(seen.what, `planner said ${predicted} (${p.services[0]!.reasons.map((r) => r.text).join(' | ')}); the operator: ${seen.what} ${seen.detail}`).toBe(
        OBSERVED_FOR[predicted],
      );
    });

    it('Serve + cluster change: since 1.4 the new Serve config goes to the new cluster only', () => {
      const p = plan(set([baseOf(CASES.find((c) => c.name === 'serve-and-image')!)]), set([headOf(CASES.find((c) => c.name === 'serve-and-image')!)]), {
        kuberayVersion: version,
      });
      expect(p.services[0]!.reasons.map((r) => r.text).join(' ')).toMatch(/deployed on the new cluster only/);
      expect(oldClusterGotNewServe.get('serve-and-image')).toBe(false);
    });
  });
}

/** 1.6+: Ready=False with reason ValidationFailed; 1.3–1.5: a Warning event InvalidRayServiceSpec/Metadata. */
async function operatorRejected(k: ControlPlane['kubectl'], name: string): Promise<boolean> {
  const rs = await k.get('rayservice', name, 'default');
  const conditions = (rs.status as { conditions?: { type: string; status: string; reason: string }[] } | undefined)?.conditions ?? [];
  if (conditions.some((c) => c.type === 'Ready' && c.status === 'False' && c.reason === 'ValidationFailed')) return true;
  const events = await k.events('default', { involvedObjectName: name });
  return events.some((e) => e.type === 'Warning' && /^InvalidRayService(Spec|Metadata)$/.test(String(e.reason)));
}
