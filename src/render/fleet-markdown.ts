/**
 * A fleet's plan as one comment: a verdict row per target first — what merging does in that
 * cluster and its extra there (capacity is per cluster: rows are never added up) — then each
 * target's plan, collapsed, as `renderMarkdown` writes it for a single target. The text stays
 * within `maxLength`: each target's details get an equal share and degrade as a single plan does.
 */
import type { Plan } from '../planner/types.js';
import type { FleetPlan, TargetPlan } from '../targets/types.js';
import { wavesOf } from '../targets/waves.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown, summaryLine, touchedServices, type FileLinks } from './markdown.js';
import { codeSpan, htmlText, prose } from './md.js';
import { describeExtra, labelledExtra } from './plan-figures.js';
import { joinAnd, mergingPhrases } from './plan-verdict.js';

export interface FleetMarkdownOptions {
  readonly maxLength?: number;
  readonly footer?: string;
  readonly title?: string;
  readonly links?: FileLinks;
  /** Per target: why its check fails (fail-on, a refusal); absent: it passes. */
  readonly failures?: ReadonlyMap<string, string>;
}

export function renderFleetMarkdown(fleet: FleetPlan, options: FleetMarkdownOptions = {}): string {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 1_000;
  const head = fleetHead(fleet, options);
  const foot = options.footer ? `\n${options.footer}\n` : '';
  const share = Math.max(500, Math.floor((max - head.length - foot.length) / Math.max(1, fleet.targets.length)) - 200);
  const sections = fleet.targets.map((t) => targetSection(t, share, options.links));
  const body = head + sections.join('') + foot;
  return body.length <= max
    ? body
    : `${head}\n_The details of each target do not fit here; the job summary and the \`plan\` output have them._\n${foot}`.slice(0, max);
}

function fleetHead(fleet: FleetPlan, options: FleetMarkdownOptions): string {
  const n = fleet.targets.length;
  const lines = [`### ${options.title ?? 'RayService rollout plan'}: ${n} target${n === 1 ? '' : 's'}`, ''];
  lines.push('| Target | Wave | What merging does there | Extra while it rolls out (in that cluster) | Check |', '|---|---|---|---|---|');
  for (const t of fleet.targets) {
    const failure = options.failures?.get(t.name);
    lines.push(
      `| ${codeSpan(t.name)} | ${t.wave} | ${prose(targetVerdict(t.plan))} | ${prose(targetExtra(t.plan)) || '—'} | ${failure ? `⛔ ${prose(cut(failure, 120))}` : '✅'} |`,
    );
  }
  const order = wavesOf(fleet.targets)
    .map((w) => w.map((t) => t.name).join(', '))
    .join(' → ');
  lines.push(
    '',
    `<sub>Capacity is per cluster: each row is what its own cluster holds at peak, never a sum across targets. Apply rolls out wave by wave: ${prose(order)}.</sub>`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

/** What merging does in one target, in a few words. */
export function targetVerdict(plan: Plan): string {
  const shown = touchedServices(plan);
  if (!shown.length)
    return plan.services.length ? `nothing (${plan.services.length} RayService${plan.services.length > 1 ? 's' : ''} unchanged)` : 'no RayService found';
  const phrases = mergingPhrases(shown);
  const ignored = shown.filter((s) => s.change === 'ignored').length;
  const rejected = shown.filter((s) => s.change === 'rejected').length;
  const extra = [ignored ? `${ignored} ignored by KubeRay` : '', rejected ? `${rejected} rejected by the operator` : ''].filter(Boolean);
  const words = joinAnd([...phrases, ...extra]);
  return words || 'changes nothing that reaches the operator';
}

/** The extra of one target's rollouts, added up within that cluster only. */
export function targetExtra(plan: Plan): string {
  return describeExtra(labelledExtra(touchedServices(plan)));
}

function targetSection(t: TargetPlan, maxLength: number, links: FileLinks | undefined): string {
  const title = `${t.name} · KubeRay ${t.plan.kuberayVersion}`;
  const inner = renderMarkdown(t.plan, { maxLength, title, ...(links ? { links } : {}) });
  return `\n<details><summary><b>${htmlText(t.name)}</b> · wave ${t.wave} · ${htmlText(summaryLine(t.plan))}</summary>\n\n${inner}\n</details>\n`;
}

function cut(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
