/**
 * A fleet's apply on push: the targets rolled out wave by wave (src/flows/fleet-apply.ts), each on
 * its own cluster with its own settings (`on-failure: rollback` per target); a wave that fails or
 * times out stops the later ones. One commit status per target and the overall one; the summary
 * and the merged pull request's comment show each target's result and timeline.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { applyFleet, fleetResult, type TargetOutcome } from '../flows/fleet-apply.js';
import { renderFleetOutcomes } from '../render/fleet-rollout-markdown.js';
import { renderVerdict } from '../rollout/index.js';
import type { FleetPlan, FleetTarget, TargetPlan } from '../targets/types.js';
import { serviceKey } from '../util/objects.js';
import { applyFooter, applyPush } from './apply-mode.js';
import type { ApplyTarget } from './event.js';
import { inputsFor } from './fleet.js';
import type { ActionInputs } from './inputs.js';
import type { Outcome, TargetStatus } from './outcome.js';
import type { RunInfo } from './plan-mode.js';
import type { Facts } from './report.js';

export async function runFleetApplyMode(inputs: ActionInputs, fleet: readonly FleetTarget[], push: ApplyTarget, run: RunInfo, facts: Facts): Promise<Outcome> {
  const started = Date.now();
  const plans: TargetPlan[] = [];
  const results = await applyFleet(
    fleet,
    async (t) => {
      const own = inputsFor(inputs, t, run.workspace);
      const { outcomes } = await applyPush(own, push, run, (plan) => plans.push({ name: t.name, wave: t.wave, plan }), `${t.name}: `);
      return { outcomes, dryRun: own.dryRun };
    },
    { onWave: (wave, ts) => core.info(`Wave ${wave}: ${ts.map((t) => t.name).join(', ')}`) },
  );
  facts.fleet = { targets: fleet.flatMap((t) => plans.filter((p) => p.name === t.name)) } satisfies FleetPlan;
  logResults(results);
  facts.json = {
    clusters: JSON.stringify(perService(results, (o) => o.verdict?.activeCluster)),
    durations: JSON.stringify(perService(results, (o) => (o.verdict ? Math.round(o.verdict.durationMs / 1000) : undefined))),
  };
  facts.text = { duration: String(Math.round((Date.now() - started) / 1000)) };
  return fleetApplyOutcome(results, applyFooter(run, push.after));
}

function logResults(results: readonly TargetOutcome[]): void {
  for (const r of results) {
    core.startGroup(`${r.name} (wave ${r.wave}): ${r.result}`);
    if (r.reason) core.info(r.reason);
    for (const o of r.outcomes) if (o.verdict) for (const l of renderVerdict(o.verdict)) core.info(`[${serviceKey(o.service)}] ${l}`);
    core.endGroup();
  }
}

/** `target/namespace/name` → a value, for the `clusters` and `durations` outputs. */
function perService<T>(results: readonly TargetOutcome[], f: (o: TargetOutcome['outcomes'][number]) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const r of results)
    for (const o of r.outcomes) {
      const v = f(o);
      if (v !== undefined) out[`${r.name}/${serviceKey(o.service)}`] = v;
    }
  return out;
}

/** Pure: the statuses, the summary and the comment of a fleet's apply. */
export function fleetApplyOutcome(results: readonly TargetOutcome[], footer: string | undefined): Outcome {
  const result = fleetResult(results);
  const bad = results.filter((r) => !['succeeded', 'nothing', 'dry-run'].includes(r.result));
  const statuses: TargetStatus[] = results.map((r) => ({
    name: r.name,
    state: r.result === 'error' || r.result === 'not-started' ? 'error' : ['succeeded', 'nothing', 'dry-run'].includes(r.result) ? 'success' : 'failure',
    description: r.reason ?? `${r.result}${r.outcomes.length ? ` (${r.outcomes.length} RayService${r.outcomes.length > 1 ? 's' : ''})` : ''}`,
  }));
  const options = footer ? { footer } : {};
  const failure = bad.length ? bad.map((r) => `${r.name}: ${r.result}${r.reason ? ` (${r.reason.split('\n')[0]})` : ''}`).join('; ') : undefined;
  return {
    state: bad.some((r) => r.result !== 'not-started' && r.result !== 'error') ? 'failure' : bad.length ? 'error' : 'success',
    result,
    description: failure ?? `${results.length} targets: ${results.map((r) => `${r.name} ${r.result}`).join(', ')}`,
    summary: (maxLength) => renderFleetOutcomes(results, { ...options, maxLength }),
    comment: results.some((r) => r.outcomes.length || r.reason) ? renderFleetOutcomes(results, options) : undefined,
    failure,
    targetStatuses: statuses,
  };
}
