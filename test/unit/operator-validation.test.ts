/**
 * The operator's own validation (ValidateRayServiceMetadata / ValidateRayServiceSpec /
 * ValidateRayClusterSpec), release by release: which heads it refuses, with which rule and message,
 * and which it accepts. A refused head that changes is `rejected`; one that does not stays `none`.
 */
import { describe, expect, it } from 'vitest';
import { plan, type PlanOptions } from '../../src/planner/plan.js';
import { rayService, set, type Obj } from '../fixtures/rayservice.js';

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const worker0 = (rs: Obj) => rcc(rs).workerGroupSpecs[0];
const headContainer = (rs: Obj) => rcc(rs).headGroupSpec.template.spec.containers[0];
const ALL = ['1.3', '1.4', '1.5.0', '1.5.1', '1.6', '1.7'] as const;

interface Row {
  name: string;
  head: (rs: Obj) => void;
  /** Releases that refuse it: the rule id; absent releases accept it. */
  rule: string;
  refusedBy: readonly string[];
  message?: RegExp;
  options?: PlanOptions;
  /** Releases whose CRD has the fields (default: all). */
  versions?: readonly string[];
}

const ROWS: Row[] = [
  {
    name: 'a named head Service',
    head: (rs) => (rcc(rs).headGroupSpec.headService = { metadata: { name: 'my-head' } }),
    rule: 'validation.head-service-name',
    refusedBy: ALL,
    message: /spec\.rayClusterConfig\.headGroupSpec\.headService\.metadata\.name should not be set/,
  },
  {
    name: 'worker minReplicas above maxReplicas',
    head: (rs) => Object.assign(worker0(rs), { minReplicas: 3, maxReplicas: 2 }),
    rule: 'validation.worker-min-above-max',
    refusedBy: ['1.6', '1.7'],
    message: /^The RayService spec is invalid: worker group workers has minReplicas 3 greater than maxReplicas 2$/,
  },
  {
    name: 'labels in rayStartParams',
    head: (rs) => (worker0(rs).rayStartParams = { labels: 'a=b' }),
    rule: 'validation.group-labels-in-ray-start-params',
    refusedBy: ['1.5.0', '1.5.1', '1.6', '1.7'],
  },
  {
    name: 'resources in rayStartParams and the group',
    head: (rs) => Object.assign(worker0(rs), { rayStartParams: { 'num-cpus': '1' }, resources: { CPU: '1' } }),
    rule: 'validation.group-resources-twice',
    refusedBy: ['1.5.0', '1.5.1', '1.6', '1.7'],
    versions: ['1.5.0', '1.5.1', '1.6', '1.7'],
  },
  {
    name: 'idleTimeoutSeconds without autoscaler v2',
    head: (rs) => (worker0(rs).idleTimeoutSeconds = 60),
    rule: 'validation.worker-idle-timeout-needs-v2',
    refusedBy: ['1.6', '1.7'],
  },
  {
    name: 'autoscaler v2 env without autoscaling',
    head: (rs) => (headContainer(rs).env = [{ name: 'RAY_enable_autoscaler_v2', value: '1' }]),
    rule: 'validation.autoscaler-v2-env-without-autoscaling',
    refusedBy: ['1.5.0', '1.5.1', '1.6', '1.7'],
  },
  {
    name: 'a suspended worker group (RayJobDeletionPolicy is off by default before 1.6)',
    head: (rs) => (worker0(rs).suspend = true),
    rule: 'validation.worker-suspend-needs-gate',
    refusedBy: ['1.4', '1.5.0', '1.5.1'],
  },
  {
    name: 'a RayService name that is not a DNS-1035 label',
    head: (rs) => (rs.metadata.name = '1demo'),
    rule: 'validation.name-not-dns1035',
    refusedBy: ['1.4', '1.5.0', '1.5.1', '1.6', '1.7'],
  },
  {
    name: 'token auth with an old Ray',
    head: (rs) => (rcc(rs).authOptions = { mode: 'token' }),
    rule: 'validation.auth-token-ray-version',
    refusedBy: ['1.5.1', '1.6', '1.7'],
    versions: ['1.5.1', '1.6', '1.7'],
  },
];

describe('the operator validation, release by release', () => {
  for (const row of ROWS) {
    it.each((row.versions ?? ALL).map((v) => [v] as const))(`${row.name}: KubeRay %s`, (version) => {
      const head = rayService((rs) => {
        row.head(rs);
        rs.spec.rayClusterConfig.rayVersion = '2.46.0';
      });
      const base = rayService((rs) => (rs.metadata.name = head.metadata.name));
      const s = plan(set([base]), set([head]), { kuberayVersion: version, ...row.options }).services[0]!;
      if (!row.refusedBy.includes(version)) {
        expect(s.change, s.reasons.map((r) => r.text).join('\n')).not.toBe('rejected');
        expect(s.rejection).toBeUndefined();
        return;
      }
      expect(s.change, s.reasons.map((r) => r.text).join('\n')).toBe('rejected');
      expect(s.rejection?.rule).toBe(row.rule);
      if (row.message) expect(s.rejection?.conditionMessage ?? s.rejection?.eventMessage).toMatch(row.message);
      expect(s.capacity.peak).toEqual(s.capacity.current);
    });
  }

  it('1.5 event, 1.6 condition: the operator words both', () => {
    const head = rayService((rs) => (rcc(rs).headGroupSpec.headService = { metadata: { name: 'x' } }));
    const v15 = plan(set([rayService()]), set([head]), { kuberayVersion: '1.5.1' }).services[0]!.rejection!;
    expect(v15.eventMessage).toMatch(/^The RayService spec is invalid default\/demo: spec\.rayClusterConfig/);
    expect(v15.conditionMessage).toBeUndefined();
    const v16 = plan(set([rayService()]), set([head]), { kuberayVersion: '1.6' }).services[0]!.rejection!;
    expect(v16.conditionMessage).toBe('The RayService spec is invalid: spec.rayClusterConfig.headGroupSpec.headService.metadata.name should not be set');
  });

  it('a refused manifest that does not change stays none, with a note', () => {
    const rs = rayService((r) => (rcc(r).headGroupSpec.headService = { metadata: { name: 'x' } }));
    const s = plan(set([rs]), set([structuredClone(rs)]), { kuberayVersion: '1.6' }).services[0]!;
    expect(s.change).toBe('none');
    expect(s.rejection?.rule).toBe('validation.head-service-name');
    expect(s.reasons.map((r) => r.text).join(' ')).toMatch(/goes on refusing it as it stands/);
  });

  it('a gate the plan can only assume is named; an explicit gate settles it', () => {
    const head = rayService((rs) => (worker0(rs).suspend = true));
    const assumed = plan(set([rayService()]), set([head]), { kuberayVersion: '1.5.1' }).services[0]!;
    expect(assumed.rejection?.assumedGates).toEqual(['RayJobDeletionPolicy']);
    expect(assumed.reasons[0]!.text).toMatch(/only the running operator's --feature-gates settle it/);
  });
});

describe('RayService spec.suspend (1.7)', () => {
  it('created suspended: nothing is built', () => {
    const s = plan(new Map(), set([rayService((rs) => (rs.spec.suspend = true))]), { kuberayVersion: '1.7' }).services[0]!;
    expect(s.change).toBe('none');
    expect(s.capacity.new).toBeNull();
  });

  it('changes while it stays suspended reconcile nothing', () => {
    const base = rayService((rs) => (rs.spec.suspend = true));
    const head = structuredClone(base);
    headContainer(head).image = 'x:2';
    const s = plan(set([base]), set([head]), { kuberayVersion: '1.7' }).services[0]!;
    expect(s.change).toBe('ignored');
    expect(s.changes.every((c) => c.rule === 'service.stays-suspended')).toBe(true);
  });
});

describe('apiVersion ray.io/v1alpha1', () => {
  it('is planned like ray.io/v1, with a deprecation note', () => {
    const base = rayService();
    const head = rayService((rs) => {
      rs.apiVersion = 'ray.io/v1alpha1';
      headContainer(rs).image = 'x:2';
    });
    const s = plan(set([base]), set([head]), { kuberayVersion: '1.7' }).services[0]!;
    expect(s.change).toBe('cluster');
    expect(s.reasons.map((r) => r.text).join(' ')).toMatch(/ray\.io\/v1alpha1: deprecated in KubeRay 1\.7/);
  });
});
