/**
 * The plan-mode policy (`fail-on`): which findings of a plan fail the commit status, and why. A
 * manifest the API server refuses always fails; a listed change fails; `capacity` fails a new
 * cluster that does not fit, which only a cluster-aware plan can know. The default (the action's
 * input left empty) is `rejected`: a head the operator will refuse fails the status.
 */
import { serviceKey } from '../util/objects.js';
import { CHANGE_ORDER, type Change, type Plan } from './types.js';

export type FailOn = Change | 'capacity';

/** What `fail-on` accepts: every change, and capacity. */
export const FAIL_ON_VALUES: readonly FailOn[] = [...CHANGE_ORDER, 'capacity'];

export interface PolicyVerdict {
  /** The action's `result` output. */
  readonly result: 'planned' | 'policy-failed' | 'refused';
  /** Why the status fails, one per kind of finding; empty when it passes. */
  readonly reasons: readonly string[];
  /** A policy that cannot be judged from this plan (it fails nothing, but the user should know). */
  readonly warnings: readonly string[];
}

export function judgeFailOn(plan: Plan, failOn: readonly FailOn[]): PolicyVerdict {
  const refused = plan.services.filter((s) => s.cluster?.dryRun === 'refused');
  const failing = plan.services.filter((s) => (failOn as readonly string[]).includes(s.change));
  const misfits = failOn.includes('capacity') ? plan.services.filter((s) => s.cluster?.fit.verdict === 'does-not-fit') : [];
  const reasons = [
    refused.length ? `the API server refuses ${refused.map((s) => serviceKey(s)).join(', ')} (server-side dry run)` : '',
    failing.length ? `fail-on ${failOn.join(',')}: ${failing.map((s) => `${serviceKey(s)} is ${s.change}`).join('; ')}` : '',
    misfits.length ? `fail-on capacity: ${misfits.map((s) => `${serviceKey(s)} does not fit`).join('; ')}` : '',
  ].filter(Boolean);
  // A Git-only plan (no `live`) has no cluster context at all: nothing is known about the fit.
  const warnings =
    failOn.includes('capacity') && !plan.cluster
      ? [
          'fail-on: capacity needs the cluster-aware plan (input `live: true` and cluster credentials): without it, nothing is known about the fit and nothing fails for it.',
        ]
      : [];
  const result = refused.length ? 'refused' : reasons.length ? 'policy-failed' : 'planned';
  return { result, reasons, warnings };
}
