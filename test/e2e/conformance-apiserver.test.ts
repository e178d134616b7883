/**
 * Conformance of the planner with the real API server and operator for what happens before (or
 * instead of) a rollout: each head is sent to the API server as YAML text by server-side apply
 * (the API server reads it with sigs.k8s.io/yaml, as kubectl does), and
 * - where the API server refuses it (a type, a duplicate list-map key, a CEL rule), the planner must
 *   refuse the manifest too;
 * - where it is accepted, what the operator does (a new pending RayCluster, a new Serve config, or
 *   nothing) must be the plan's change: Go's JSON of the typed spec (`value: ""` and
 *   `hostNetwork: false` vanish, `securityContext: {}` stays) and YAML 1.1 scalars and merge keys.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startControlPlane,
  rayClustersOf,
  getRayService,
  waitForRayService,
  isServing,
  objectPath,
  type ControlPlane,
  type KubeRayVersion,
} from '../harness/index.js';
import { plan } from '../../src/planner/plan.js';
import type { Change } from '../../src/planner/types.js';
import { InputError } from '../../src/manifests/input-error.js';
import { conformanceNodes, conformanceService } from '../fixtures/conformance.js';
import { setFromText, toYaml, SERVE_CONFIG, type Obj } from '../fixtures/rayservice.js';

type Observed = 'new-cluster' | 'serve-updated' | 'nothing' | 'apply-refused';

const OBSERVED_FOR: Partial<Record<Change, Observed>> = { cluster: 'new-cluster', app: 'serve-updated', none: 'nothing', ignored: 'nothing' };

interface Case {
  name: string;
  base?: (rs: Obj) => void;
  /** The head as an object edit, or as a text edit of the base's YAML (for YAML-level cases). */
  head: ((rs: Obj) => void) | { text: (baseYaml: string) => string };
  /** Operator releases whose CRD has the case's fields (default: all). */
  versions?: KubeRayVersion[];
}

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const worker0 = (rs: Obj) => rcc(rs).workerGroupSpecs[0];
const headPod = (rs: Obj) => rcc(rs).headGroupSpec.template.spec;
const headContainer = (rs: Obj) => headPod(rs).containers[0];

const ALL_CASES: Case[] = [
  // What the API server refuses.
  { name: 'replicas-string', head: (rs) => (worker0(rs).replicas = '2') },
  { name: 'start-param-number', head: (rs) => (worker0(rs).rayStartParams = { 'num-cpus': 1 }) },
  { name: 'cpu-float', head: (rs) => (headContainer(rs).resources.requests.cpu = 0.1) },
  {
    name: 'env-duplicate',
    head: (rs) =>
      (headContainer(rs).env = [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ]),
  },
  { name: 'container-no-name', head: (rs) => delete headContainer(rs).name },
  { name: 'managedby-invalid', head: (rs) => (rs.spec.managedBy = 'someone-else') },
  {
    name: 'managedby-changed',
    base: (rs) => (rs.spec.managedBy = 'ray.io/kuberay-operator'),
    head: (rs) => (rs.spec.managedBy = 'kueue.x-k8s.io/multikueue'),
    versions: ['v1.6.2'],
  },
  {
    name: 'env-value-yes',
    head: { text: (y) => y.replace(/\n( +)- name: ray-head\n/, '\n$1- name: ray-head\n$1  env:\n$1    - name: A\n$1      value: yes\n') },
  },
  // Go's JSON of the typed spec.
  { name: 'env-value-empty', base: (rs) => (headContainer(rs).env = [{ name: 'A' }]), head: (rs) => (headContainer(rs).env = [{ name: 'A', value: '' }]) },
  { name: 'host-network-false', head: (rs) => (headPod(rs).hostNetwork = false) },
  { name: 'security-context-empty', head: (rs) => (headPod(rs).securityContext = {}) },
  { name: 'autoscaler-options-empty', head: (rs) => (rcc(rs).autoscalerOptions = {}) },
  // YAML as Kubernetes reads it.
  {
    name: 'yaml11-boolean',
    base: (rs) => (rcc(rs).enableInTreeAutoscaling = false),
    head: { text: (y) => y.replace('enableInTreeAutoscaling: false', 'enableInTreeAutoscaling: no') },
  },
  {
    name: 'yaml-merge-key',
    head: {
      text: (y) =>
        y.replace(
          /(- name: ray-worker\n\s+image: \S+\n\s+resources:\n(\s+)requests:)\n\s+cpu: 100m\n\s+memory: 256Mi\n(\s+)limits:\n\s+cpu: 100m\n\s+memory: 256Mi\n/,
          '$1 &r\n$2  cpu: 100m\n$2  memory: 256Mi\n$3limits:\n$3  <<: *r\n',
        ),
    },
  },
  {
    name: 'serve-yaml11-boolean',
    base: (rs) => (rs.spec.serveConfigV2 = SERVE_CONFIG.replace('threshold: 0.5', 'threshold: 0.5\n          enabled: true')),
    head: (rs) => (rs.spec.serveConfigV2 = SERVE_CONFIG.replace('threshold: 0.5', 'threshold: 0.5\n          enabled: on')),
  },
];

function baseObject(c: Case): Obj {
  return conformanceService(`ca-${c.name}`, (rs) => c.base?.(rs));
}

const baseText = (c: Case) => toYaml(baseObject(c));

function headText(c: Case): string {
  if (typeof c.head !== 'function') return c.head.text(baseText(c));
  const h = structuredClone(baseObject(c));
  c.head(h);
  return toYaml(h);
}

const OBSERVE_MS = 20_000;

for (const version of ['v1.6.2', 'v1.5.1'] as KubeRayVersion[]) {
  const CASES = ALL_CASES.filter((c) => !c.versions || c.versions.includes(version));
  describe(`the API server and operator ${version} agree with the planner's refusals and Go-JSON view`, () => {
    let cp: ControlPlane;
    const observed = new Map<string, { what: Observed; detail: string }>();

    /** Server-side apply of YAML text, read by the API server as kubectl would send it. */
    const applyText = async (text: string, name: string) => {
      const type = await cp.kubectl.resolve({ apiVersion: 'ray.io/v1', kind: 'RayService' });
      return cp.kubectl.rest.apply(objectPath(type, name, 'default'), text, 'test');
    };

    beforeAll(async () => {
      cp = await startControlPlane({ kuberayVersion: version, nodes: conformanceNodes(), operatorArgs: ['--reconcile-concurrency=8'] });
      const k = cp.kubectl;
      await Promise.all(CASES.map((c) => applyText(baseText(c), `ca-${c.name}`)));
      await Promise.all(CASES.map((c) => waitForRayService(k, `ca-${c.name}`, 'default', isServing, { timeoutMs: 240_000 })));
      const before = new Map<string, { active: string; puts: number; lastConfig: unknown }>();
      for (const c of CASES) {
        const s = await getRayService(k, `ca-${c.name}`, 'default');
        const puts = cp.sim.serve.state('default', s.activeCluster!)?.puts ?? [];
        before.set(c.name, { active: s.activeCluster!, puts: puts.length, lastConfig: puts[puts.length - 1]?.config });
      }
      await Promise.all(
        CASES.map((c) =>
          applyText(headText(c), `ca-${c.name}`).catch((e: Error) => observed.set(c.name, { what: 'apply-refused', detail: e.message.slice(0, 300) })),
        ),
      );
      const deadline = Date.now() + OBSERVE_MS;
      while (Date.now() < deadline) {
        for (const c of CASES) {
          if (observed.has(c.name)) continue;
          const s = await getRayService(k, `ca-${c.name}`, 'default');
          const others = (await rayClustersOf(k, `ca-${c.name}`, 'default')).filter((x) => x.metadata.name !== before.get(c.name)!.active);
          if (s.pendingCluster || others.length)
            observed.set(c.name, { what: 'new-cluster', detail: `pending ${s.pendingCluster ?? others[0]?.metadata.name}` });
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      for (const c of CASES) {
        if (observed.has(c.name)) continue;
        const b = before.get(c.name)!;
        const puts = cp.sim.serve.state('default', b.active)?.puts ?? [];
        const changed = puts.slice(b.puts).some((p) => !isDeepStrictEqual(p.config, b.lastConfig));
        observed.set(c.name, changed ? { what: 'serve-updated', detail: `${puts.length - b.puts} PUT(s)` } : { what: 'nothing', detail: '' });
      }
    }, 540_000);

    afterAll(async () => {
      console.log(
        `operator ${version}:\n${CASES.map((c) => `  ${c.name.padEnd(26)} ${observed.get(c.name)?.what} ${observed.get(c.name)?.detail ?? ''}`).join('\n')}`,
      );
      await cp?.stop();
    });

    it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const seen = observed.get(c.name)!;
      let p: ReturnType<typeof plan>;
      try {
        p = plan(setFromText(baseText(c)), setFromText(headText(c)), { kuberayVersion: version });
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(InputError);
        expect(seen.what, `planner refused: ${(e as Error).message}; the API server: ${seen.what} ${seen.detail}`).toBe('apply-refused');
        return;
      }
      const predicted = p.services[0]!.change;
      expect(seen.what, `planner said ${predicted} (${p.services[0]!.reasons.join(' | ')}); observed: ${seen.what} ${seen.detail}`).toBe(
        OBSERVED_FOR[predicted],
      );
    });
  });
}
