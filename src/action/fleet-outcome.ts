/**
 * The outcome of a fleet's plan: one status per target (its own fail-on), an overall one that fails
 * when any target fails, and one comment with a verdict row per target. Pure.
 */
import type { PolicyVerdict } from '../planner/fail-on.js';
import { renderFleetMarkdown } from '../render/fleet-markdown.js';
import { summaryLine, touchedServices, type FileLinks } from '../render/markdown.js';
import type { FleetPlan } from '../targets/types.js';
import type { Outcome, TargetStatus } from './outcome.js';

export function fleetPlanOutcome(fleet: FleetPlan, verdicts: readonly PolicyVerdict[], footer: string | undefined, links?: FileLinks): Outcome {
  const failures = new Map<string, string>();
  const statuses: TargetStatus[] = fleet.targets.map((t, i) => {
    const policy = verdicts[i]!.reasons.join('; ');
    if (policy) failures.set(t.name, policy);
    return { name: t.name, state: policy ? 'failure' : 'success', description: policy || summaryLine(t.plan) };
  });
  const options = { failures, ...(footer ? { footer } : {}), ...(links ? { links } : {}) };
  const failed = statuses.filter((s) => s.state === 'failure');
  const result = verdicts.some((v) => v.result === 'refused') ? 'refused' : failed.length ? 'policy-failed' : 'planned';
  const failure = failed.length ? failed.map((s) => `${s.name}: ${failures.get(s.name)}`).join('; ') : undefined;
  return {
    state: failed.length ? 'failure' : 'success',
    result,
    description: failure ?? overallLine(fleet),
    summary: (maxLength) => renderFleetMarkdown(fleet, { ...options, maxLength }),
    comment: renderFleetMarkdown(fleet, options),
    commentOnlyIfPresent: fleet.targets.every((t) => touchedServices(t.plan).length === 0),
    failure,
    targetStatuses: statuses,
  };
}

/** "3 targets: staging 1 cluster, prod-us 1 cluster, prod-eu nothing". */
function overallLine(fleet: FleetPlan): string {
  const parts = fleet.targets.map((t) => {
    const shown = touchedServices(t.plan);
    if (!shown.length) return `${t.name} nothing`;
    const counts = new Map<string, number>();
    for (const s of shown) counts.set(s.change, (counts.get(s.change) ?? 0) + 1);
    return `${t.name} ${[...counts].map(([c, n]) => `${n} ${c}`).join(', ')}`;
  });
  return `${fleet.targets.length} targets: ${parts.join('; ')}`;
}
