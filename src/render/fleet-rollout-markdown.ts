/**
 * A fleet's apply as markdown (the job summary, the merged pull request's comment): a row per
 * target with its wave, its result and its timeline (when it started after the fleet's apply
 * began, how long it took), then each target's rollouts as a single apply shows them, collapsed.
 */
import type { OutcomeRow } from './rollout-markdown.js';
import { renderOutcomes } from './rollout-markdown.js';
import { codeSpan, htmlText, prose } from './md.js';
import { formatDuration } from '../rollout/index.js';

export interface FleetRolloutRow {
  readonly name: string;
  readonly wave: number;
  readonly result: string;
  readonly reason?: string;
  readonly outcomes: readonly OutcomeRow[];
  readonly startedMs?: number;
  readonly finishedMs?: number;
}

const ICON: Record<string, string> = {
  succeeded: '✅',
  nothing: '⚪',
  'dry-run': '🧪',
  failed: '❌',
  timeout: '⏱️',
  refused: '⛔',
  error: '⛔',
  'not-started': '⏸️',
};

export function renderFleetOutcomes(rows: readonly FleetRolloutRow[], opts: { title?: string; footer?: string; maxLength?: number } = {}): string {
  const max = opts.maxLength ?? 64_000;
  const lines = [`### ${opts.title ?? 'RayService rollout'}: ${rows.length} target${rows.length === 1 ? '' : 's'}`, ''];
  lines.push('| Target | Wave | Result | Started | Took |', '|---|---|---|---|---|');
  for (const r of rows) {
    const result = `${ICON[r.result] ?? ''} ${r.result}${r.reason ? `: ${prose(cut(r.reason, 160))}` : ''}`;
    const started = r.startedMs === undefined ? '—' : `+${formatDuration(r.startedMs)}`;
    const took = r.startedMs === undefined || r.finishedMs === undefined ? '—' : formatDuration(r.finishedMs - r.startedMs);
    lines.push(`| ${codeSpan(r.name)} | ${r.wave} | ${result} | ${started} | ${took} |`);
  }
  lines.push('');
  const head = `${lines.join('\n')}\n`;
  const foot = opts.footer ? `\n${opts.footer}\n` : '';
  const share = Math.max(400, Math.floor((max - head.length - foot.length) / Math.max(1, rows.length)) - 200);
  const sections = rows
    .filter((r) => r.result !== 'not-started')
    .map((r) => {
      const inner = renderOutcomes(r.outcomes, { title: r.name, maxLength: share });
      return `\n<details><summary><b>${htmlText(r.name)}</b> · wave ${r.wave} · ${htmlText(r.result)}</summary>\n\n${inner}\n</details>\n`;
    });
  const body = head + sections.join('') + foot;
  return body.length <= max ? body : (head + foot).slice(0, max);
}

function cut(text: string, n: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= n ? line : `${line.slice(0, n - 1)}…`;
}
