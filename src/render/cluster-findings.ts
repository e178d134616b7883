/**
 * What a cluster-aware plan found, as log lines for apply (action and CLI): the run's context, each
 * service's notes, drift and whether its new pods fit. Warnings are what a person should act on.
 */
import type { Plan } from '../planner/types.js';
import { formatInputError } from '../manifests/input-error.js';
import { serviceKey } from '../util/objects.js';

export interface Finding {
  readonly level: 'info' | 'warning';
  readonly text: string;
}

export function clusterFindings(plan: Plan): Finding[] {
  const out: Finding[] = [];
  const c = plan.cluster;
  if (!c) return out;
  if (c.mode === 'git-only') return c.notes.map((n) => ({ level: 'warning', text: n.text }));
  out.push({ level: 'info', text: `Cluster ${c.server ?? ''}: KubeRay ${plan.kuberayVersion}${c.operator ? ` (${c.operator.detail})` : ' (from the input)'}` });
  for (const n of c.notes) out.push({ level: 'info', text: n.text });
  for (const s of plan.services) {
    const v = s.cluster;
    if (!v) continue;
    const id = serviceKey(s);
    if (v.gitOnlyChange) out.push({ level: 'info', text: `${id}: ${s.change} against what runs (Git alone: ${v.gitOnlyChange})` });
    for (const n of v.notes) out.push({ level: 'info', text: `${id}: ${n.text}` });
    // What is wrong before the change, said apart from what the change will do.
    for (const p of v.before ?? []) out.push({ level: 'warning', text: `${id}: before the change: ${p.text}` });
    if (v.drift.length) {
      out.push({
        level: 'warning',
        text: `${id}: the live RayService differs from Git's base in ${v.drift
          .map((d) => `${d.path}${d.manager ? ` (written by ${d.manager})` : ''}`)
          .slice(0, 5)
          .join(', ')}${v.drift.length > 5 ? ', …' : ''}: the apply overwrites what Git sets`,
      });
    }
    if (v.fit.verdict === 'does-not-fit') {
      out.push({
        level: 'warning',
        text: `${id}: ${v.fit.summary} ${v.fit.problems.join(' ')} Expect its new pods to stay Pending (or be refused) until room is made.`.trim(),
      });
    } else if (v.fit.verdict === 'fits' || v.fit.verdict === 'fits-after-scale-up') {
      out.push({ level: 'info', text: `${id}: ${v.fit.summary}` });
    }
  }
  return out;
}

/** "file:line: namespace/name: field: the API server refuses it: …" for every manifest the dry run refused. */
export function dryRunRefusals(p: Plan): string[] {
  return p.services.flatMap((s) =>
    (s.cluster?.dryRunErrors ?? []).map((e) =>
      formatInputError(s.file, e.line ?? undefined, serviceKey(s), `${e.path ? `${e.path}: ` : ''}the API server refuses it: ${e.message}`),
    ),
  );
}
