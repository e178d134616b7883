/**
 * Plain-text rendering of a rollout's outcome for logs (the adapter adds colour or markdown):
 *
 *      0.4s  operator observed generation 7
 *      1.2s  pending cluster rs-abc created
 *     4m12s  traffic switched to rs-abc
 */
import { formatDuration } from './observed.js';
import type { Diagnosis, ProgressLine, Verdict } from './types.js';

export { formatDuration };

/** One progress line: elapsed time right-aligned, then the text. */
export function renderLine(line: ProgressLine): string {
  return `${formatDuration(line.elapsedMs).padStart(7)}  ${line.text}`;
}

export function renderTimeline(lines: readonly ProgressLine[]): string[] {
  return lines.map(renderLine);
}

const RESULT: Record<Verdict['result'], string> = { succeeded: 'succeeded', failed: 'FAILED', timeout: 'TIMED OUT' };

/** The verdict as text lines: result and summary, the timeline, then the diagnosis sections that have content. */
export function renderVerdict(verdict: Verdict): string[] {
  const before = verdict.preExisting ?? [];
  const result = verdict.result === 'succeeded' && before.length > 0 ? 'succeeded, degraded' : RESULT[verdict.result];
  const out = [`${result}: ${verdict.summary}`, '', 'Timeline:', ...renderTimeline(verdict.timeline).map((l) => `  ${l}`)];
  if (before.length > 0) out.push('', 'Before the change, and still there (not caused by it):', ...before.map((p) => `  - ${p.text}`));
  if (verdict.diagnosis) out.push(...renderDiagnosis(verdict.diagnosis));
  return out;
}

/** The diagnosis sections that have content, each a blank line, a title and `  - item` lines. */
export function renderDiagnosis(d: Diagnosis): string[] {
  const out: string[] = [];
  const section = (title: string, items: readonly string[]) => {
    if (items.length > 0) out.push('', `${title}:`, ...items.map((i) => `  - ${i}`));
  };
  section('Still missing', d.missing);
  section('Conditions', d.conditions);
  section('Serve applications', d.apps);
  section('Pods not ready', d.pendingPods);
  section('Warning events', d.warnings);
  if (d.frozenStatus) section('Frozen status', [d.frozenStatus]);
  section('Smoke requests', d.smoke ?? []);
  for (const log of d.logs ?? []) section(`Log of ${log.source}`, log.lines);
  section(
    'What to do',
    d.hints.map((h) => h.text),
  );
  return out;
}
