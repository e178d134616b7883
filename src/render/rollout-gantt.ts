/**
 * A rollout as a picture: a Mermaid gantt chart (GitHub renders ```mermaid blocks) with one bar per
 * step of the rollout, each ending when the step was seen (applied, pending cluster created, pods
 * ready, Serve ready, traffic switched, old cluster deleted). A failed or timed-out rollout ends in
 * a red bar that stops where it stopped. The times are the state machine's milestones.
 */
import type { Milestones, Verdict } from '../rollout/types.js';

interface Step {
  readonly label: string;
  readonly at: keyof Milestones;
}

/** The steps of each kind of rollout, in order. */
function stepsOf(m: Milestones, hadActive: boolean): Step[] {
  switch (m.kind) {
    case 'new-cluster':
      return [
        ...(hadActive || m.pendingAt !== undefined ? [{ label: 'pending cluster created', at: 'pendingAt' as const }] : []),
        { label: 'pods ready', at: 'podsReadyAt' },
        { label: 'Serve ready', at: 'serveReadyAt' },
        ...(hadActive ? [{ label: 'traffic switched', at: 'switchedAt' as const }] : []),
        ...(m.oldDeletedAt !== undefined ? [{ label: 'old cluster deleted', at: 'oldDeletedAt' as const }] : []),
      ];
    case 'delete':
      return [{ label: 'clusters deleted', at: 'oldDeletedAt' }];
    default:
      return [{ label: 'operator observed the change', at: 'observedAt' }];
  }
}

/** The final step of a kind, named for the chart when it has no milestone of its own. */
const DONE: Record<Milestones['kind'], string> = {
  'new-cluster': 'done',
  app: 'Serve config applied in place',
  inplace: 'running cluster updated in place',
  delete: 'RayService deleted',
  nothing: 'nothing to wait for',
};

/** Mermaid reads `:`, `;`, `#`, `%` and line breaks as syntax: a name keeps letters, digits, spaces and `._/()-`. */
export function mermaidName(text: string): string {
  return text.replace(/[^A-Za-z0-9._/() -]/g, '_').slice(0, 80);
}

export function renderGantt(title: string, v: Verdict, hadActive: boolean): string[] {
  const m = v.milestones;
  if (!m || m.kind === 'nothing') return [];
  const lines = ['```mermaid', 'gantt', `  title ${mermaidName(title)}`, '  dateFormat x', '  axisFormat %H:%M:%S', '  section Rollout'];
  let from = m.appliedAt;
  let n = 0;
  for (const step of stepsOf(m, hadActive)) {
    const at = m[step.at];
    if (typeof at !== 'number') {
      if (v.result !== 'succeeded') lines.push(bar(`${step.label} not reached (${v.result === 'timeout' ? 'timed out' : 'failed'})`, 'crit', ++n, from, v.at));
      else continue;
      return [...lines, '```'];
    }
    lines.push(bar(step.label, 'done', ++n, from, Math.max(at, from)));
    from = Math.max(at, from);
  }
  if (v.at > from)
    lines.push(
      bar(
        v.result === 'succeeded' ? DONE[m.kind] : v.result === 'timeout' ? 'timed out' : 'failed',
        v.result === 'succeeded' ? 'done' : 'crit',
        ++n,
        from,
        v.at,
      ),
    );
  return [...lines, '```'];
}

function bar(label: string, tag: 'done' | 'crit', n: number, from: number, to: number): string {
  // A bar needs a length to be drawn: a step seen in the same snapshot as the one before gets 1 s.
  const end = Math.max(to, from + 1000);
  return `  ${mermaidName(label)} :${tag}, s${n}, ${from}, ${end}`;
}
