/**
 * The order of a fleet's rollout: targets grouped by wave (lowest first), the targets of one wave
 * run in parallel, and a wave that does not succeed stops every later one — those targets are
 * reported as not started, with the reason (which target of which wave failed or timed out).
 * No I/O: the caller passes what running one target means.
 */
import type { FleetTarget } from './types.js';

type Waved = Pick<FleetTarget, 'name' | 'wave'>;

/** Targets grouped by wave, waves ascending, the file's order kept within a wave. */
export function wavesOf<T extends Waved>(targets: readonly T[]): T[][] {
  const byWave = new Map<number, T[]>();
  for (const t of targets) byWave.set(t.wave, [...(byWave.get(t.wave) ?? []), t]);
  return [...byWave.entries()].sort((a, b) => a[0] - b[0]).map(([, ts]) => ts);
}

/** How one target's run ended, as far as the waves care: may the next wave start? */
export interface WaveVerdict {
  readonly ok: boolean;
  /** Why not (e.g. "failed", "timed out"): quoted in the reason the later targets did not start. */
  readonly why?: string;
}

export interface WaveRun<T extends Waved, R> {
  /** Runs one target (its apply and wait); a throw is the caller's to turn into a result first. */
  readonly run: (target: T) => Promise<R>;
  readonly judge: (result: R) => WaveVerdict;
  /** The result of a target that never started, with the reason. */
  readonly notStarted: (target: T, reason: string) => R;
  readonly onWave?: (wave: number, targets: readonly T[]) => void;
}

/** Runs wave after wave; results in the targets' order (wave, then file order). */
export async function runInWaves<T extends Waved, R>(targets: readonly T[], how: WaveRun<T, R>): Promise<R[]> {
  const results: R[] = [];
  let stop: string | undefined;
  for (const wave of wavesOf(targets)) {
    if (stop !== undefined) {
      results.push(...wave.map((t) => how.notStarted(t, stop!)));
      continue;
    }
    how.onWave?.(wave[0]!.wave, wave);
    const done = await Promise.all(wave.map((t) => how.run(t)));
    results.push(...done);
    stop = stopReason(wave, done.map(how.judge));
  }
  return results;
}

/** Why the later waves do not start, or undefined when every target of this wave went well. */
export function stopReason(wave: readonly Waved[], verdicts: readonly WaveVerdict[]): string | undefined {
  const bad = wave.flatMap((t, i) => (verdicts[i]!.ok ? [] : [`${t.name} ${verdicts[i]!.why ?? 'failed'}`]));
  if (!bad.length) return undefined;
  return `wave ${wave[0]!.wave} did not succeed (${bad.join('; ')})`;
}
