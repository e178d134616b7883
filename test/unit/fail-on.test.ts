/** The `fail-on` policy: which plans fail the commit status, with which reasons and result. */
import { describe, expect, it } from 'vitest';
import { type FailOn, judgeFailOn } from '../../src/planner/fail-on.js';
import type { Change, FitVerdictView, Plan, ServicePlan } from '../../src/planner/types.js';

interface ServiceSketch {
  name: string;
  change: Change;
  /** Only a cluster-aware plan has these. */
  dryRun?: 'ok' | 'refused';
  fit?: FitVerdictView;
}

/** A plan with just the fields the policy reads; `live` adds the cluster context a cluster-aware plan has. */
function planOf(services: ServiceSketch[], live = false): Plan {
  return {
    kuberayVersion: '1.7',
    ...(live ? { cluster: { mode: 'live' as const, notes: [] } } : {}),
    services: services.map(
      (s) =>
        ({
          namespace: 'ml',
          name: s.name,
          file: `${s.name}.yaml`,
          change: s.change,
          reasons: [],
          changes: [],
          ...(live ? { cluster: { dryRun: s.dryRun ?? 'ok', fit: { verdict: s.fit ?? 'fits' } } } : {}),
        }) as unknown as ServicePlan,
    ),
  };
}

const CAPACITY_WARNING = /fail-on: capacity needs the cluster-aware plan/;

const cases: {
  name: string;
  services: ServiceSketch[];
  live?: boolean;
  failOn: FailOn[];
  result: 'planned' | 'policy-failed' | 'refused';
  reasons: string[];
  warns?: RegExp;
}[] = [
  {
    name: 'no fail-on passes whatever changes',
    services: [
      { name: 'a', change: 'cluster' },
      { name: 'b', change: 'ignored' },
    ],
    failOn: [],
    result: 'planned',
    reasons: [],
  },
  {
    name: 'a listed change fails',
    services: [{ name: 'a', change: 'ignored' }],
    failOn: ['ignored'],
    result: 'policy-failed',
    reasons: ['fail-on ignored: ml/a is ignored'],
  },
  { name: 'a change not listed passes', services: [{ name: 'a', change: 'app' }], failOn: ['ignored', 'cluster'], result: 'planned', reasons: [] },
  {
    name: 'every matching service is named, in plan order',
    services: [
      { name: 'a', change: 'cluster' },
      { name: 'b', change: 'app' },
      { name: 'c', change: 'delete' },
    ],
    failOn: ['cluster', 'delete'],
    result: 'policy-failed',
    reasons: ['fail-on cluster,delete: ml/a is cluster; ml/c is delete'],
  },
  { name: 'an empty plan passes', services: [], failOn: ['create', 'capacity'], live: true, result: 'planned', reasons: [] },
  {
    name: 'capacity fails a new cluster that does not fit',
    services: [
      { name: 'a', change: 'cluster', fit: 'does-not-fit' },
      { name: 'b', change: 'cluster', fit: 'fits' },
    ],
    live: true,
    failOn: ['capacity'],
    result: 'policy-failed',
    reasons: ['fail-on capacity: ml/a does not fit'],
  },
  {
    name: 'capacity passes what fits after a scale-up or cannot be known',
    services: [
      { name: 'a', change: 'cluster', fit: 'fits-after-scale-up' },
      { name: 'b', change: 'create', fit: 'unknown' },
    ],
    live: true,
    failOn: ['capacity'],
    result: 'planned',
    reasons: [],
  },
  {
    name: 'a misfit without capacity in fail-on passes',
    services: [{ name: 'a', change: 'cluster', fit: 'does-not-fit' }],
    live: true,
    failOn: ['ignored'],
    result: 'planned',
    reasons: [],
  },
  {
    name: 'capacity on a Git-only plan warns that it cannot judge, and fails nothing',
    services: [{ name: 'a', change: 'cluster' }],
    failOn: ['capacity'],
    result: 'planned',
    reasons: [],
    warns: CAPACITY_WARNING,
  },
  {
    name: 'a refused manifest fails even without fail-on',
    services: [{ name: 'a', change: 'app', dryRun: 'refused' }],
    live: true,
    failOn: [],
    result: 'refused',
    reasons: ['the API server refuses ml/a (server-side dry run)'],
  },
  {
    name: 'refusals, changes and misfits are all reported, refused first',
    services: [
      { name: 'a', change: 'cluster', dryRun: 'refused' },
      { name: 'b', change: 'cluster', fit: 'does-not-fit' },
    ],
    live: true,
    failOn: ['cluster', 'capacity'],
    result: 'refused',
    reasons: [
      'the API server refuses ml/a (server-side dry run)',
      'fail-on cluster,capacity: ml/a is cluster; ml/b is cluster',
      'fail-on capacity: ml/b does not fit',
    ],
  },
];

describe('fail-on', () => {
  it.each(cases)('$name', ({ services, live, failOn, result, reasons, warns }) => {
    const verdict = judgeFailOn(planOf(services, live), failOn);
    expect(verdict.result).toBe(result);
    expect(verdict.reasons).toEqual(reasons);
    if (warns) expect(verdict.warnings).toEqual([expect.stringMatching(warns)]);
    else expect(verdict.warnings).toEqual([]);
  });
});
