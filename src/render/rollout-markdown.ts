/** The outcome of an apply as markdown: the job summary and the comment on the merged PR. */
import type { HealthProblem, ServicePlan } from '../planner/types.js';
import type { Verdict } from '../rollout/types.js';
import { formatDuration, renderDiagnosis, renderLine } from '../rollout/index.js';
import { serviceKey } from '../util/objects.js';
import { type LinkTemplates, serviceLinks } from '../settings/links.js';
import { codeSpan, htmlText, prose } from './md.js';
import { renderGantt } from './rollout-gantt.js';

const ICON = { succeeded: '✅', failed: '❌', timeout: '⏱️' } as const;

/** What the outcome table needs of an apply's outcome (the apply flow's ServiceOutcome is one). */
export interface OutcomeRow {
  readonly service: Pick<ServicePlan, 'namespace' | 'name' | 'change'> & { readonly cluster?: { readonly before?: readonly HealthProblem[] } };
  readonly verdict?: Verdict;
  /** The active cluster before the apply (a blue/green switch is part of the rollout when there was one). */
  readonly applied?: { readonly activeBefore: string | undefined };
  /** Prune's outcome for a RayService removed from Git. */
  readonly pruned?: { readonly result: 'deleted' | 'gone' | 'dry-run' | 'left-running'; readonly note?: string };
}

const PRUNED: Record<NonNullable<OutcomeRow['pruned']>['result'], string> = {
  deleted: 'deleted',
  gone: '✅ already gone',
  'dry-run': 'dry run ok',
  'left-running': '⏭️ left running',
};

export function renderOutcomes(
  outcomes: readonly OutcomeRow[],
  opts: { title?: string; footer?: string; maxLength?: number; links?: LinkTemplates } = {},
): string {
  const lines: string[] = [`### ${opts.title ?? 'RayService rollout'}`, ''];
  if (outcomes.length === 0) {
    lines.push('Nothing to apply: no RayService changed in a way that reaches the cluster.');
  } else {
    lines.push('| RayService | Change | Result | Active cluster | Took |', '|---|---|---|---|---|');
    for (const o of outcomes) {
      const v = o.verdict;
      const change = o.pruned ? 'delete (prune)' : o.service.change;
      const result = v
        ? degraded(v)
          ? '⚠️ succeeded, degraded'
          : `${ICON[v.result]} ${o.pruned && v.result === 'succeeded' ? PRUNED[o.pruned.result] : v.result}`
        : o.pruned
          ? PRUNED[o.pruned.result]
          : 'dry run ok';
      lines.push(
        `| ${codeSpan(serviceKey(o.service))} | ${prose(change)} | ${result} | ${v?.activeCluster ? codeSpan(v.activeCluster) : '—'} | ${v ? formatDuration(v.durationMs) : '—'} |`,
      );
    }
    const kept = outcomes.filter((o) => o.pruned?.note);
    if (kept.length) lines.push('', ...kept.map((o) => `- ${codeSpan(serviceKey(o.service))}: ${prose(o.pruned!.note!)}`));
    for (const o of outcomes) if (o.verdict) lines.push(...renderOne(o, o.verdict, opts.links ?? {}));
  }
  if (opts.footer) lines.push('', opts.footer);
  const text = `${lines.join('\n')}\n`;
  const max = opts.maxLength ?? 60_000;
  return text.length <= max ? text : `${text.slice(0, max - 200)}\n\`\`\`\n\n_Truncated to stay within GitHub's size limit; the job log has everything._\n`;
}

const degraded = (v: Verdict) => v.result === 'succeeded' && (v.preExisting?.length ?? 0) > 0;

/** The health before the change (as the plan read it) and what of it is still there, apart from what the change did. */
function healthLines(before: readonly HealthProblem[], v: Verdict): string[] {
  const out: string[] = [];
  const still = v.preExisting ?? [];
  if (before.length) out.push('**Before the change** (not caused by it):', '', ...before.map((p) => `- ${prose(p.text)}`), '');
  if (still.length)
    out.push(`**Still there at the end**${degraded(v) ? ' (the rollout is done, degraded)' : ''}:`, '', ...still.map((p) => `- ${prose(p.text)}`), '');
  return out;
}

/** One RayService: its picture, then the timeline and the diagnosis as text. */
function renderOne(o: OutcomeRow, v: Verdict, links: LinkTemplates): string[] {
  const key = serviceKey(o.service);
  // The summary names the service first; the summary line already shows it.
  const summary = v.summary.startsWith(`${key}: `) ? v.summary.slice(key.length + 2) : v.summary;
  const hadActive = o.applied ? o.applied.activeBefore !== undefined : o.service.change !== 'create' && o.service.change !== 'delete';
  const out = ['', `<details${v.result === 'succeeded' ? '' : ' open'}><summary><code>${htmlText(key)}</code>: ${htmlText(summary)}</summary>`, ''];
  const where = serviceLinks(links, { namespace: o.service.namespace, name: o.service.name, cluster: v.activeCluster });
  // The URL is the user's template with URL-encoded names: it cannot close the link.
  if (where.length) out.push(where.map((l) => `[${l.label}](${l.url.replace(/[()<>\s]/g, encodeURIComponent)})`).join(' · '), '');
  out.push(...healthLines(o.service.cluster?.before ?? [], v));
  const chart = renderGantt(key, v, hadActive);
  if (chart.length) out.push(...chart, '');
  out.push('```text');
  // Inside the code fence, a manifest's text must not close it.
  out.push(...v.timeline.map((l) => renderLine(l).replace(/```/g, "'''")));
  if (v.diagnosis) out.push(...renderDiagnosis(v.diagnosis).map((l) => l.replace(/```/g, "'''")));
  out.push('```', '', '</details>');
  return out;
}
