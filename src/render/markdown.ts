/**
 * The plan as GitHub-flavoured markdown: the PR comment, the job summary and `--format markdown`.
 * Everything that comes from a manifest is escaped (a manifest must not inject markdown, HTML or
 * @-mentions), and the text never exceeds `maxLength`: detail is dropped by whole services, then
 * the whole plan collapses to a short form that still names every service.
 */
import { describeSize } from '../planner/plan-service.js';
import type { Change, FitVerdictView, Plan, ServiceClusterView, ServicePlan } from '../planner/types.js';
import { strongestChange } from '../planner/types.js';
import type { ResourceFigures } from '../capacity/capacity.js';
import { serviceKey } from '../util/objects.js';
import { neutralizeTableCell } from '../util/neutralize.js';
import { redactSecrets } from '../util/redact.js';

/** GitHub's limit on a comment body is 65,536 characters; keep headroom for the marker and footer. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Upper bound on the output length (characters). */
  readonly maxLength?: number;
  /** Appended at the end (e.g. a link to the workflow run). Trusted text. */
  readonly footer?: string;
  /** Heading text. Trusted text. */
  readonly title?: string;
}

const BADGE: Record<Change, string> = {
  create: '🆕 create',
  delete: '🗑️ delete',
  none: '⚪ none',
  app: '🟢 app (in place)',
  'cluster-inplace': '🟡 cluster-inplace',
  cluster: '🔵 cluster (blue/green)',
  'cluster-incremental': '🔵 cluster-incremental',
  ignored: '🟠 ignored',
};

const RISK: Record<Change, string> = {
  none: 'none',
  ignored: '⚠️ change not applied',
  app: 'low',
  'cluster-inplace': 'medium: running cluster modified, replicas reset',
  cluster: 'high: second cluster, double capacity',
  'cluster-incremental': 'medium: second cluster, traffic shifted in steps',
  create: 'medium: new cluster',
  delete: 'high: service removed',
};

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 1_000;
  const head = renderHead(plan, options);
  const foot = options.footer ? `\n${options.footer}\n` : '';
  const details = plan.services.map(renderDetails);
  let body = head + details.join('') + foot;
  if (body.length <= max) return body;
  // Drop detail by whole services, largest first, and say so.
  const order = details.map((d, i) => ({ i, n: d.length })).sort((a, b) => b.n - a.n);
  const kept = [...details];
  for (const { i } of order) {
    kept[i] = '';
    const omitted = kept.filter((d) => d === '').length;
    const note = `\n_Details of ${omitted} service${omitted > 1 ? 's' : ''} omitted to stay within GitHub's comment size; the job summary and the \`plan\` output have them all._\n`;
    body = head + kept.join('') + note + foot;
    if (body.length <= max) return body;
  }
  return renderShort(plan, max, options);
}

function renderHead(plan: Plan, options: MarkdownOptions): string {
  const lines: string[] = [];
  lines.push(`### ${options.title ?? 'RayService rollout plan'}`, '');
  lines.push(summaryLine(plan), '');
  const context = clusterLine(plan);
  if (context) lines.push(context, '');
  if (plan.services.length === 0) return `${lines.join('\n')}\n`;
  const live = plan.cluster?.mode === 'live';
  lines.push(
    `| RayService | Change | Strategy | Extra capacity during rollout | Risk |${live ? ' Fits? |' : ''}`,
    `|---|---|---|---|---|${live ? '---|' : ''}`,
  );
  for (const s of plan.services) {
    const fit = live ? ` ${s.cluster ? FIT_BADGE[s.cluster.dryRun === 'refused' ? 'refused' : s.cluster.fit.verdict] : '—'} |` : '';
    lines.push(`| ${code(serviceKey(s))} | ${BADGE[s.change]} | ${s.capacity.strategy} | ${esc(extraCapacity(s))} | ${RISK[s.change]} |${fit}`);
  }
  return `${lines.join('\n')}\n`;
}

const FIT_BADGE: Record<FitVerdictView | 'refused', string> = {
  fits: '✅ fits',
  'fits-after-scale-up': '🟡 after scale-up',
  'does-not-fit': '⛔ does not fit',
  'nothing-to-place': '— no new pods',
  unknown: '❔ unknown',
  refused: '⛔ refused by the API server',
};

const FIT_ICON: Record<FitVerdictView, string> = { fits: '✅', 'fits-after-scale-up': '🟡', 'does-not-fit': '⛔', 'nothing-to-place': '—', unknown: '❔' };

/** Escaped text in which `back-quoted` spans (names the placement quotes) become code. */
function escWithCode(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 ? code(part) : esc(part)))
    .join('');
}

/** Where the plan's knowledge comes from: the cluster (and which operator), or Git alone and why. */
function clusterLine(plan: Plan): string | undefined {
  const c = plan.cluster;
  if (!c) return undefined;
  if (c.mode === 'git-only') return `_Git only:_ ${esc(c.notes.join(' '))}`;
  const operator = c.operator ? `KubeRay ${esc(c.operator.version)} (${esc(c.operator.detail)})` : 'operator version not found';
  const notes = c.notes.length ? `\n\n${c.notes.map((n) => `> ${esc(n)}`).join('\n>\n')}` : '';
  return `_Compared with the cluster_ ${code(c.server ?? '')}: ${operator}.${notes}`;
}

export function summaryLine(plan: Plan): string {
  const n = plan.services.length;
  if (n === 0) return `**No RayService found** in the manifests (KubeRay ${esc(plan.kuberayVersion)}).`;
  const counts = new Map<Change, number>();
  for (const s of plan.services) counts.set(s.change, (counts.get(s.change) ?? 0) + 1);
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${k} ${c}`);
  const strongest = strongestChange(plan.services.map((s) => s.change));
  const misfits = plan.services.filter((s) => s.cluster?.fit.verdict === 'does-not-fit').length;
  const refused = plan.services.filter((s) => s.cluster?.dryRun === 'refused').length;
  const drifted = plan.services.filter((s) => (s.cluster?.drift.length ?? 0) > 0).length;
  const flags = [
    refused ? ` · ⛔ ${refused} refused by the API server` : '',
    misfits ? ` · ⛔ ${misfits} do${misfits > 1 ? '' : 'es'} not fit` : '',
    drifted ? ` · ⚠️ ${drifted} drifted from Git` : '',
  ].join('');
  return `**${n} RayService${n > 1 ? 's' : ''}**: ${parts.join(', ')} · strongest: \`${strongest}\` · KubeRay ${esc(plan.kuberayVersion)}${flags}`;
}

function renderDetails(s: ServicePlan): string {
  const out: string[] = [];
  out.push('', `<details><summary>${htmlCode(serviceKey(s))}: ${esc(s.change)} (${htmlText(s.file)})</summary>`, '');
  for (const r of s.reasons) out.push(`- ${esc(r)}`);
  if (s.changes.length) {
    out.push('', '| Field | From | To | Effect | Line |', '|---|---|---|---|---|');
    for (const c of s.changes.slice(0, 60)) {
      const note = c.note ? `<br><sub>${esc(c.note)}</sub>` : '';
      out.push(`| ${code(c.path)} | ${value(c.from)} | ${value(c.to)} | ${esc(c.effect)}${note} | ${c.file ? `${esc(c.file)}:` : ''}${c.line ?? ''} |`);
    }
    if (s.changes.length > 60) out.push(`| … and ${s.changes.length - 60} more fields | | | | |`);
  }
  out.push('', `Capacity: current ${esc(fig(s.capacity.current))} → new ${esc(fig(s.capacity.new))}; peak ${esc(fig(s.capacity.peak))}.`);
  if (s.cluster) out.push(...renderClusterView(s, s.cluster));
  out.push('', '</details>', '');
  return out.join('\n');
}

function renderClusterView(s: ServicePlan, c: ServiceClusterView): string[] {
  const out: string[] = ['', '**In the cluster**', ''];
  const state =
    c.live === 'found'
      ? `running: active RayCluster ${c.activeCluster ? code(c.activeCluster) : '(none)'}${c.pendingCluster ? `, pending ${code(c.pendingCluster)} (upgrade in progress)` : ''}${c.comparedWith ? `; this change is compared with ${code(c.comparedWith)}` : ''}`
      : c.live === 'absent'
        ? 'not in the cluster yet'
        : 'could not be read';
  out.push(`- RayService ${state}.`);
  if (c.gitOnlyChange) out.push(`- From Git alone this would look like \`${c.gitOnlyChange}\`; what runs makes it \`${s.change}\`.`);
  if (c.dryRun === 'refused') {
    out.push(`- ⛔ **The API server refuses this manifest** (server-side dry run): the apply would stop before changing anything.`);
    for (const e of c.dryRunErrors) out.push(`  - ${e.line ? `line ${e.line}: ` : ''}${e.path ? `${code(e.path)}: ` : ''}${esc(e.message)}`);
  } else if (c.dryRun === 'ok') {
    out.push('- Server-side dry run: accepted; the plan compares the object as the API server would store it.');
  }
  for (const n of c.notes) out.push(`- ${esc(n)}`);
  const fitText = c.fit.verdict === 'nothing-to-place' ? 'no new pods to schedule.' : escWithCode(c.fit.summary);
  out.push(`- Will it fit? ${FIT_ICON[c.fit.verdict]} ${fitText}`);
  for (const p of c.fit.problems) out.push(`  - ${escWithCode(p)}`);
  if (c.drift.length) {
    out.push(
      '',
      `Drift: the live RayService differs from Git's base in ${c.drift.length} field${c.drift.length > 1 ? 's' : ''} (changed outside Git?):`,
      '',
      '| Field | Git (base) | Live | Written by | Line |',
      '|---|---|---|---|---|',
    );
    for (const d of c.drift.slice(0, 30))
      out.push(`| ${code(d.path)} | ${value(d.git)} | ${value(d.live)} | ${d.manager ? code(d.manager) : ''} | ${d.line ?? ''} |`);
    if (c.drift.length > 30) out.push(`| … and ${c.drift.length - 30} more | | | | |`);
  }
  return out;
}

function renderShort(plan: Plan, max: number, options: MarkdownOptions): string {
  const lines = [
    `### ${options.title ?? 'RayService rollout plan'}`,
    '',
    summaryLine(plan),
    '',
    '_Short form: the full plan does not fit in a comment; see the job summary or the `plan` output._',
    '',
  ];
  for (const s of plan.services) lines.push(`- ${code(serviceKey(s))}: \`${s.change}\``);
  let text = `${lines.join('\n')}\n${options.footer ? `\n${options.footer}\n` : ''}`;
  if (text.length > max) {
    // Even the list is too long (thousands of services): name them compactly.
    text = [lines[0], '', summaryLine(plan), '', plan.services.map((s) => `${esc(serviceKey(s))}=${s.change}`).join(', ')].join('\n');
    text = text.slice(0, max - 20) + (text.length > max - 20 ? ' …(truncated)' : '');
  }
  return text;
}

function extraCapacity(s: ServicePlan): string {
  if (s.change !== 'cluster' && s.change !== 'cluster-incremental' && s.change !== 'create' && s.change !== 'cluster-inplace') return '—';
  const extra: ResourceFigures = {};
  for (const [k, v] of Object.entries(s.capacity.peak)) {
    const d = v - (s.capacity.current?.[k] ?? 0);
    if (Math.abs(d) > 1e-9) extra[k] = d;
  }
  return Object.keys(extra).length ? `+${describeSize(extra).replace(/, /g, ', +')}` : '—';
}

function fig(f: ResourceFigures | null): string {
  return f ? describeSize(f) : '—';
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  let s = typeof v === 'string' ? v : JSON.stringify(v);
  if (s.length > 80) s = `${s.slice(0, 77)}…`;
  return code(s);
}

/**
 * Escapes text for a markdown table cell or list item: no markup, HTML or mentions get through,
 * and (the cell neutralizer) no line break of any kind, `|` or control character. Redacted first:
 * escaping would hide a secret's shape from the redaction at the output edge.
 */
export function esc(text: string): string {
  return neutralizeTableCell(
    redactSecrets(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_{}[\]()#+!~])/g, '\\$1')
      .replace(/@/g, '@\u200b'),
  );
}

/** Inline code that survives any content: HTML <code> with entities (backticks can't be escaped inside ``). */
function code(text: string): string {
  return htmlCode(text);
}

function htmlCode(text: string): string {
  return `<code>${htmlText(text)}</code>`;
}

const HTML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text inside inline HTML (<code>, a <summary>): entities for markup, then the cell neutralizer. */
function htmlText(text: string): string {
  return neutralizeTableCell(
    // One pass, so no entity written here is escaped again (`@` → `&#64;` must not become `&&#35;64;`).
    redactSecrets(text).replace(/[&<>@[\]()*_`~\\#!]/g, (ch) => HTML_ENTITY[ch] ?? `&#${ch.charCodeAt(0)};`),
  );
}
