/**
 * The changed fields of one RayService as a three-column table that fits a pull request's width
 * (~870 px): the field by its short label with a link to its line, the values cut around the part
 * that differs (an image shows its tag), and what the field alone makes happen.
 */
import type { Change, FieldChange } from '../planner/types.js';
import { codeSpan, lineLink, prose } from './md.js';

/** Characters of a value shown: a code span does not wrap inside a word. */
export const VALUE_WIDTH = 34;
const MAX_ROWS = 60;

/** What one field makes happen, in the words of the row. */
const EFFECT: Record<Change, string> = {
  create: 'new RayService',
  delete: 'removed',
  none: 'no rollout',
  app: 'Serve, in place',
  'cluster-inplace': 'running cluster, in place',
  cluster: 'new cluster',
  'cluster-incremental': 'new cluster, stepwise',
  ignored: '⚠️ ignored',
  rejected: '⛔ refused by the operator',
};

export interface LineLinks {
  /** URL of the file at head (lines of values that exist at head). */
  readonly head?: string;
  /** URL of the file at base (lines of removed values). */
  readonly base?: string;
  /** URL of another file at head or base: a change whose line is in a kustomize patch or base. */
  readonly other?: (file: string, side: 'head' | 'base') => string | undefined;
}

export function fieldTable(changes: readonly FieldChange[], links: LineLinks): string[] {
  if (!changes.length) return [];
  const out = ['| Field | Change | Effect |', '|---|---|---|'];
  for (const c of changes.slice(0, MAX_ROWS)) out.push(`| ${fieldCell(c, links)} | ${valueCell(c)} | ${effectCell(c)} |`);
  if (changes.length > MAX_ROWS) out.push(`| … and ${changes.length - MAX_ROWS} more fields | | |`);
  return out;
}

function fieldCell(c: FieldChange, links: LineLinks): string {
  const label = codeSpan(c.label ?? c.path);
  if (c.line === null) return label;
  const side = c.to === null ? 'base' : 'head';
  // A line in another file than the service's (traced through a renderer) names that file.
  if (c.file) return `${label} ${codeSpan(c.file)} ${lineLink(links.other?.(c.file, side), c.line)}`;
  return `${label} ${lineLink(links[side], c.line)}`;
}

function valueCell(c: FieldChange): string {
  const from = shown(c.from);
  const to = shown(c.to);
  if (from === undefined) return `added ${codeSpan(cut(to ?? '', 0, 0))}`;
  if (to === undefined) return `removed ${codeSpan(cut(from, 0, 0))}`;
  const { prefix, suffix } = common(from, to);
  return `${codeSpan(cut(from, prefix, suffix))}<br>→ ${codeSpan(cut(to, prefix, suffix))}`;
}

/** A Serve field (rule `serve.<effect>`) that ships with a new cluster is deployed there: the Serve note on in-place updates does not apply. */
function effectCell(c: FieldChange): string {
  const serveWithNewCluster = c.rule.startsWith('serve.') && (c.effect === 'cluster' || c.effect === 'cluster-incremental');
  const effect = serveWithNewCluster ? 'deployed on the new cluster' : EFFECT[c.effect];
  const note = c.note && !serveWithNewCluster ? `<br><sub>${prose(c.note)}</sub>` : '';
  return `${effect}${note}`;
}

function shown(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function common(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/**
 * At most VALUE_WIDTH characters around the part that differs: from the path segment it starts in
 * (an image's name and tag, not its registry), as far right as the width allows.
 */
export function cut(v: string, prefix: number, suffix: number, width = VALUE_WIDTH): string {
  if (v.length <= width) return v;
  const diffEnd = Math.max(prefix, v.length - suffix);
  let start = v.lastIndexOf('/', prefix - 1) + 1;
  if (prefix - start > width / 2) start = Math.max(0, prefix - 8);
  if (diffEnd - start < width && v.length - start < width) start = Math.max(0, v.length - width);
  const end = Math.min(v.length, start + width);
  return `${start > 0 ? '…' : ''}${v.slice(start, end)}${end < v.length ? '…' : ''}`;
}
