/**
 * The plan as GitHub-flavoured markdown: the PR comment, the job summary and `--format markdown`.
 *
 * Layout, for a reviewer at a pull request's width (~870 px): the verdict first (what merging does
 * and what it costs at peak), then one row per RayService the change touches, riskiest first, one
 * line for the untouched ones, then a `<details>` per touched RayService with its reasons and its
 * changed fields. Text from a manifest or a cluster goes through src/render/md.ts. The text never
 * exceeds `maxLength`: detail is dropped by whole services, then the plan collapses to a short
 * form that still names every touched service.
 */
import type { ResourceFigures } from '../capacity/capacity.js';
import { describeSize } from '../planner/describe-size.js';
import type { Change, FitVerdictView, Plan, ServiceClusterView, ServicePlan } from '../planner/types.js';
import { serviceKey } from '../util/objects.js';
import { fieldTable, type LineLinks } from './field-table.js';
import { codeSpan, htmlText, prose, proseWithCode } from './md.js';
import { describeExtra, labelledExtra } from './plan-figures.js';
import { verdictText, versionText } from './plan-verdict.js';

/** GitHub's limit on a comment body is 65,536 characters; keep headroom for the marker and footer. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Where a manifest line can be linked: the repository's blob URL and the two commits. */
export interface FileLinks {
  /** e.g. `https://github.com/acme/ml-platform` (trusted: from the runner's environment). */
  readonly repoUrl: string;
  readonly headSha: string;
  readonly baseSha?: string;
}

export interface MarkdownOptions {
  /** Upper bound on the output length (characters). */
  readonly maxLength?: number;
  /** Appended at the end (e.g. a link to the workflow run). Trusted text. */
  readonly footer?: string;
  /** Heading text. Trusted text. */
  readonly title?: string;
  /** Link each field's line to the file (the action knows the repository and the SHAs; the CLI does not). */
  readonly links?: FileLinks;
}

/** Riskiest first: the order of the rows. A new change value is one line here. */
const RISK_RANK: Record<Change, number> = {
  rejected: 0,
  ignored: 1,
  cluster: 2,
  'cluster-incremental': 3,
  delete: 4,
  create: 5,
  'cluster-inplace': 6,
  app: 7,
  none: 8,
};

/** What merging does to one RayService, for its row. */
const CHANGE_TEXT: Record<Change, string> = {
  rejected: '⛔ **rejected**: the operator refuses it, nothing is built or updated',
  ignored: '🟠 **ignored**: KubeRay will not apply it',
  cluster: '🔵 **new RayCluster**, blue/green',
  'cluster-incremental': '🔵 **new RayCluster**, traffic moved step by step',
  delete: '🗑️ **removed from Git**',
  create: '🆕 **new RayService**: its first RayCluster',
  'cluster-inplace': '🟡 **running RayCluster updated in place**',
  app: '🟢 **Serve config updated in place**',
  none: '⚪ **nothing reaches the operator**',
};

/** The RayServices a change touches: its manifest changed, or the cluster makes it do something. */
export function touchedServices(plan: Plan): ServicePlan[] {
  return plan.services.filter(isTouched).sort(byRisk);
}

function isTouched(s: ServicePlan): boolean {
  if (s.manifest === undefined || s.manifest !== 'unchanged' || s.change !== 'none') return true;
  const c = s.cluster;
  return !!c && (c.drift.length > 0 || c.dryRun === 'refused' || c.fit.verdict === 'does-not-fit' || c.gitOnlyChange !== undefined);
}

function byRisk(a: ServicePlan, b: ServicePlan): number {
  return flagRank(a) - flagRank(b) || RISK_RANK[a.change] - RISK_RANK[b.change] || serviceKey(a).localeCompare(serviceKey(b));
}

/** What the API server refuses, then what does not fit, comes before any change. */
function flagRank(s: ServicePlan): number {
  return s.cluster?.dryRun === 'refused' ? 0 : s.cluster?.fit.verdict === 'does-not-fit' ? 1 : 2;
}

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 1_000;
  const shown = touchedServices(plan);
  const head = renderHead(plan, shown, options);
  const foot = options.footer ? `\n${options.footer}\n` : '';
  const details = shown.map((s) => renderDetails(s, options.links));
  let body = head + details.join('') + foot;
  if (body.length <= max) return body;
  // Drop detail by whole services, largest first, and say so.
  const order = details.map((d, i) => ({ i, n: d.length })).sort((a, b) => b.n - a.n);
  const kept = [...details];
  for (const { i } of order) {
    kept[i] = '';
    const omitted = kept.filter((d) => d === '').length;
    const note = `\n_Details of ${omitted} RayService${omitted > 1 ? 's' : ''} omitted to stay within GitHub's comment size; the job summary and the \`plan\` output have them all._\n`;
    body = head + kept.join('') + note + foot;
    if (body.length <= max) return body;
  }
  return renderShort(plan, shown, max, options);
}

function renderHead(plan: Plan, shown: readonly ServicePlan[], options: MarkdownOptions): string {
  const lines: string[] = [`### ${options.title ?? 'RayService rollout plan'}`, ''];
  const context = clusterLine(plan);
  if (!shown.length) {
    lines.push(nothingTouched(plan), '');
    if (context) lines.push(context, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(verdictText(plan, shown), '');
  const live = plan.cluster?.mode === 'live';
  lines.push(`| RayService | What merging does | Extra while it rolls out |${live ? ' Fits? |' : ''}`, `|---|---|---|${live ? '---|' : ''}`);
  for (const s of shown) lines.push(`| ${codeSpan(serviceKey(s))} | ${changeText(s)} | ${rowExtra(s)} |${live ? ` ${fitCell(s)} |` : ''}`);
  lines.push('', `<sub>${untouchedText(plan.services.length - shown.length)}${versionText(plan)}.</sub>`, '');
  if (context) lines.push(context, '');
  return `${lines.join('\n')}\n`;
}

function nothingTouched(plan: Plan): string {
  const n = plan.services.length;
  if (n === 0) return `**No RayService found** in the manifests (${versionText(plan)}).`;
  return `**This change touches no RayService**: ${n} RayService${n > 1 ? 's' : ''} unchanged (${versionText(plan)}).`;
}

function untouchedText(n: number): string {
  if (n <= 0) return '';
  return `${n} other RayService${n > 1 ? 's' : ''} unchanged · `;
}

/** The row's words: what merging does, the strategy only where a cluster is built, what apply does with a removal. */
function changeText(s: ServicePlan): string {
  if (s.change === 'delete') {
    if (s.manifest === 'edited') return '🗑️ **suspended**: KubeRay deletes its RayClusters';
    if (s.removal === 'prune') return '🗑️ **will be deleted (prune)**: with its RayClusters';
    if (s.removal === 'not-ours') return '🗑️ **removed from Git, left running**: prune deletes only what it applied';
    return '🗑️ **removed from Git, left running**: apply never deletes';
  }
  if (s.change === 'create' && s.manifest === 'edited') return '🆕 **resumed**: a new RayCluster';
  const strategy = s.change === 'cluster' || s.change === 'cluster-incremental' ? ` (${s.capacity.strategy})` : '';
  return `${CHANGE_TEXT[s.change]}${strategy}`;
}

function rowExtra(s: ServicePlan): string {
  const text = describeExtra(labelledExtra([s]));
  return text ? prose(text) : '—';
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

function fitCell(s: ServicePlan): string {
  return s.cluster ? FIT_BADGE[s.cluster.dryRun === 'refused' ? 'refused' : s.cluster.fit.verdict] : '—';
}

/** Where the plan's knowledge comes from: the cluster (and which operator), or Git alone and why. */
function clusterLine(plan: Plan): string | undefined {
  const c = plan.cluster;
  if (!c) return undefined;
  if (c.mode === 'git-only') return `_Git only:_ ${prose(c.notes.map((n) => n.text).join(' '))}`;
  const operator = c.operator ? `KubeRay ${prose(c.operator.version)} (${prose(c.operator.detail)})` : 'operator version not found';
  const notes = c.notes.length ? `\n\n${c.notes.map((n) => `> ${prose(n.text)}`).join('\n>\n')}` : '';
  return `_Compared with the cluster_ ${codeSpan(c.server ?? '', false)}: ${operator}.${notes}`;
}

/** One plain line (no markup) for the commit status: what merging does, counted. */
export function summaryLine(plan: Plan): string {
  const shown = touchedServices(plan);
  if (plan.services.length === 0) return `No RayService found (KubeRay ${plan.kuberayVersion})`;
  if (!shown.length) return `No RayService changed (${plan.services.length} unchanged)`;
  const counts = new Map<Change, number>();
  for (const s of shown) counts.set(s.change, (counts.get(s.change) ?? 0) + 1);
  const parts = [...counts.entries()].sort((a, b) => RISK_RANK[a[0]] - RISK_RANK[b[0]]).map(([c, k]) => `${k} ${c}`);
  const refused = shown.filter((s) => s.cluster?.dryRun === 'refused').length;
  const misfits = shown.filter((s) => s.cluster?.fit.verdict === 'does-not-fit').length;
  const flags = [refused ? `, ${refused} refused by the API server` : '', misfits ? `, ${misfits} not fitting` : ''].join('');
  return `${shown.length} RayService${shown.length > 1 ? 's' : ''} changed: ${parts.join(', ')}${flags} (KubeRay ${plan.kuberayVersion})`;
}

function fileUrl(links: FileLinks | undefined, sha: string | undefined, file: string): string | undefined {
  if (!links || !sha) return undefined;
  return `${links.repoUrl}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

function renderDetails(s: ServicePlan, links: FileLinks | undefined): string {
  const urls: LineLinks = {
    head: fileUrl(links, links?.headSha, s.file),
    base: fileUrl(links, links?.baseSha, s.file),
    // Rendered output is no file of the repository: its lines stay unlinked.
    other: (file, side) => (file.endsWith('(rendered)') ? undefined : fileUrl(links, side === 'head' ? links?.headSha : links?.baseSha, file)),
  };
  const out: string[] = ['', `<details><summary><code>${htmlText(serviceKey(s))}</code> · ${htmlText(summaryWords(s))}</summary>`, ''];
  const fileUrlShown = s.manifest === 'removed' ? urls.base : urls.head;
  out.push(fileUrlShown ? `[${codeSpan(s.file, false)}](${fileUrlShown})` : codeSpan(s.file, false), '');
  for (const r of s.reasons) out.push(`- ${proseWithCode(r.text)}`);
  const table = fieldTable(s.changes, urls);
  if (table.length) out.push('', ...table);
  out.push('', capacityText(s));
  if (s.cluster) out.push(...renderClusterView(s, s.cluster));
  out.push('', '</details>', '');
  return out.join('\n');
}

/** The `<summary>` words: the row's change without markup. */
function summaryWords(s: ServicePlan): string {
  return changeText(s)
    .replace(/\*\*|`/g, '')
    .replace(/^\S+ /, '');
}

function capacityText(s: ServicePlan): string {
  const c = s.capacity;
  if (s.change === 'delete' && s.manifest === 'removed') {
    if (s.removal === 'prune') return `Capacity: ${prose(fig(c.current))} freed once the RayService and its RayClusters are gone.`;
    return `Capacity: ${prose(fig(c.current))} keeps running; delete the RayService by hand to free it.`;
  }
  if (s.change === 'cluster-inplace' && s.appendedGroups) {
    const range = describeExtra(labelledExtra([s]), true);
    return `Capacity: ${prose(fig(c.current))} now; the appended groups add ${prose(range)} (minReplicas to maxReplicas).`;
  }
  return `Capacity: now ${prose(fig(c.current))} → after ${prose(fig(c.new))}; at peak ${prose(fig(c.peak))}.`;
}

function renderClusterView(s: ServicePlan, c: ServiceClusterView): string[] {
  const out: string[] = ['', '**In the cluster**', ''];
  const state =
    c.live === 'found'
      ? `running: active RayCluster ${c.activeCluster ? codeSpan(c.activeCluster, false) : '(none)'}${c.pendingCluster ? `, pending ${codeSpan(c.pendingCluster, false)} (upgrade in progress)` : ''}${c.comparedWith ? `; this change is compared with ${codeSpan(c.comparedWith, false)}` : ''}`
      : c.live === 'absent'
        ? 'not in the cluster yet'
        : 'could not be read';
  out.push(`- RayService ${state}.`);
  // Its health as it stands, apart from what the change will do.
  if (c.before?.length) {
    out.push(
      '- ⚠️ **Before the change** (what is wrong now, apart from what the change does; if it is still there after a rollout, the rollout is done, degraded):',
    );
    for (const p of c.before) out.push(`  - ${proseWithCode(p.text)}`);
  } else if (c.before) out.push('- Before the change: healthy (no pod that cannot run, no failing Serve application, no upgrade stuck).');
  if (c.gitOnlyChange) out.push(`- From Git alone this would look like \`${c.gitOnlyChange}\`; what runs makes it \`${s.change}\`.`);
  if (c.dryRun === 'refused') {
    out.push(`- ⛔ **The API server refuses this manifest** (server-side dry run): the apply would stop before changing anything.`);
    for (const e of c.dryRunErrors) out.push(`  - ${e.line ? `line ${e.line}: ` : ''}${e.path ? `${codeSpan(e.path, false)}: ` : ''}${prose(e.message)}`);
  } else if (c.dryRun === 'ok') {
    out.push('- Server-side dry run: accepted; the plan compares the object as the API server would store it.');
  }
  for (const n of c.notes) out.push(`- ${prose(n.text)}`);
  const fitText = c.fit.verdict === 'nothing-to-place' ? 'no new pods to schedule.' : proseWithCode(c.fit.summary);
  out.push(`- Will it fit? ${FIT_ICON[c.fit.verdict]} ${fitText}`);
  for (const p of c.fit.problems) out.push(`  - ${proseWithCode(p)}`);
  if (c.drift.length) out.push(...driftTable(c));
  return out;
}

function driftTable(c: ServiceClusterView): string[] {
  const out = [
    '',
    `Drift: the live RayService differs from Git's base in ${c.drift.length} field${c.drift.length > 1 ? 's' : ''} (changed outside Git?):`,
    '',
    '| Field | Git (base) → live | Written by |',
    '|---|---|---|',
  ];
  for (const d of c.drift.slice(0, 30))
    out.push(`| ${codeSpan(d.path)}${d.line ? ` L${d.line}` : ''} | ${value(d.git)}<br>→ ${value(d.live)} | ${d.manager ? codeSpan(d.manager) : ''} |`);
  if (c.drift.length > 30) out.push(`| … and ${c.drift.length - 30} more | | |`);
  return out;
}

function renderShort(plan: Plan, shown: readonly ServicePlan[], max: number, options: MarkdownOptions): string {
  const lines = [
    `### ${options.title ?? 'RayService rollout plan'}`,
    '',
    verdictText(plan, shown),
    '',
    '_Short form: the full plan does not fit in a comment; see the job summary or the `plan` output._',
    '',
  ];
  for (const s of shown) lines.push(`- ${codeSpan(serviceKey(s), false)}: \`${s.change}\``);
  let text = `${lines.join('\n')}\n${options.footer ? `\n${options.footer}\n` : ''}`;
  if (text.length > max) {
    // Even the list is too long (thousands of services): name them compactly.
    text = [lines[0], '', summaryLine(plan), '', shown.map((s) => `${prose(serviceKey(s))}=${s.change}`).join(', ')].join('\n');
    text = text.slice(0, max - 20) + (text.length > max - 20 ? ' …(truncated)' : '');
  }
  return text;
}

function fig(f: ResourceFigures | null): string {
  return f ? describeSize(f) : '—';
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return codeSpan(s.length > 40 ? `${s.slice(0, 39)}…` : s);
}

/** Prose escaping for other renderers (kept under its old name). */
export const esc = prose;
