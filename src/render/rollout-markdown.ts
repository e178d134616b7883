/** The outcome of an apply as markdown: the job summary and the comment on the merged PR. */
import type { ServicePlan } from '../planner/types.js';
import type { Verdict } from '../rollout/types.js';
import { formatDuration, renderDiagnosis, renderLine } from '../rollout/index.js';
import { esc } from './markdown.js';
import { serviceKey } from '../util/objects.js';

const ICON = { succeeded: '✅', failed: '❌', timeout: '⏱️' } as const;

/** What the outcome table needs of an apply's outcome (the apply flow's ServiceOutcome is one). */
export interface OutcomeRow {
  readonly service: Pick<ServicePlan, 'namespace' | 'name' | 'change'>;
  readonly verdict?: Verdict;
}

export function renderOutcomes(outcomes: readonly OutcomeRow[], opts: { title?: string; footer?: string; maxLength?: number } = {}): string {
  const lines: string[] = [`### ${opts.title ?? 'RayService rollout'}`, ''];
  if (outcomes.length === 0) {
    lines.push('Nothing to apply: no RayService changed in a way that reaches the cluster.');
  } else {
    lines.push('| RayService | Change | Result | Active cluster | Took |', '|---|---|---|---|---|');
    for (const o of outcomes) {
      const v = o.verdict;
      lines.push(
        `| <code>${esc(serviceKey(o.service))}</code> | ${esc(o.service.change)} | ${v ? `${ICON[v.result]} ${v.result}` : 'dry run ok'} | ${v?.activeCluster ? `<code>${esc(v.activeCluster)}</code>` : '—'} | ${v ? formatDuration(v.durationMs) : '—'} |`,
      );
    }
    for (const o of outcomes) {
      const v = o.verdict;
      if (!v) continue;
      lines.push(
        '',
        `<details${v.result === 'succeeded' ? '' : ' open'}><summary><code>${esc(serviceKey(o.service))}</code>: ${esc(v.summary)}</summary>`,
        '',
        '```text',
      );
      lines.push(...v.timeline.map((l) => renderLine(l).replace(/```/g, "'''")));
      // Inside the code fence, a manifest's text must not close it.
      if (v.diagnosis) lines.push(...renderDiagnosis(v.diagnosis).map((l) => l.replace(/```/g, "'''")));
      lines.push('```', '', '</details>');
    }
  }
  if (opts.footer) lines.push('', opts.footer);
  const text = `${lines.join('\n')}\n`;
  const max = opts.maxLength ?? 60_000;
  return text.length <= max ? text : `${text.slice(0, max - 200)}\n\`\`\`\n\n_Truncated to stay within GitHub's size limit; the job log has everything._\n`;
}
