/**
 * A fleet's apply, shared by `apply --targets` and the action: wave after wave (src/targets/waves.ts),
 * the targets of a wave in parallel, each applied and waited for on its own cluster. A target
 * whose rollout fails or times out, or that could not be applied at all (a refusal, an unreachable
 * cluster), stops the later waves: their targets are reported as not started, with the reason.
 */
import { ApplyRefusedError } from '../kube/apply.js';
import { DeadlineError } from '../kube/deadline.js';
import type { FleetTarget } from '../targets/types.js';
import { runInWaves } from '../targets/waves.js';
import { UserError } from '../util/user-error.js';
import { overallResult, type ServiceOutcome } from './apply-and-wait.js';

export type TargetResult = 'succeeded' | 'failed' | 'timeout' | 'nothing' | 'dry-run' | 'refused' | 'error' | 'not-started';

export interface TargetOutcome {
  readonly name: string;
  readonly wave: number;
  readonly result: TargetResult;
  /** Why it failed before any rollout (a refusal, an unreachable cluster), or why it did not start. */
  readonly reason?: string;
  readonly outcomes: readonly ServiceOutcome[];
  /** Milliseconds since the fleet's apply started; absent for a target that did not start. */
  readonly startedMs?: number;
  readonly finishedMs?: number;
}

/** Results that let the next wave start. */
const GOOD: readonly TargetResult[] = ['succeeded', 'nothing', 'dry-run'];

export async function applyFleet(
  targets: readonly FleetTarget[],
  applyOne: (t: FleetTarget) => Promise<{ readonly outcomes: readonly ServiceOutcome[]; readonly dryRun: boolean }>,
  hooks: { readonly onWave?: (wave: number, targets: readonly FleetTarget[]) => void; readonly now?: () => number } = {},
): Promise<TargetOutcome[]> {
  const now = hooks.now ?? Date.now;
  const t0 = now();
  return runInWaves<FleetTarget, TargetOutcome>(targets, {
    ...(hooks.onWave ? { onWave: hooks.onWave } : {}),
    run: async (t) => {
      const startedMs = now() - t0;
      const base = { name: t.name, wave: t.wave, startedMs };
      try {
        const { outcomes, dryRun } = await applyOne(t);
        return { ...base, result: dryRun ? 'dry-run' : overallResult(outcomes), outcomes, finishedMs: now() - t0 };
      } catch (e) {
        return { ...base, ...failedBeforeRollout(e), outcomes: [], finishedMs: now() - t0 };
      }
    },
    judge: (r) => ({ ok: GOOD.includes(r.result), why: r.result === 'timeout' ? 'timed out' : r.result === 'refused' ? 'was refused' : r.result }),
    notStarted: (t, reason) => ({ name: t.name, wave: t.wave, result: 'not-started', reason: `not started: ${reason}`, outcomes: [] }),
  });
}

/** A target that could not be applied: said as its own result, never an exception that stops the other targets of its wave. */
function failedBeforeRollout(e: unknown): { result: TargetResult; reason: string } {
  if (e instanceof DeadlineError) return { result: 'timeout', reason: e.message };
  if (e instanceof ApplyRefusedError) return { result: 'refused', reason: e.message };
  if (e instanceof UserError) return { result: 'error', reason: e.message };
  throw e;
}

/** The fleet's result: the worst of its targets. */
export function fleetResult(results: readonly TargetOutcome[]): TargetResult {
  const order: TargetResult[] = ['error', 'refused', 'failed', 'timeout', 'succeeded', 'dry-run', 'nothing'];
  return order.find((r) => results.some((x) => x.result === r)) ?? 'nothing';
}
