/** The one sentence per RayService that heads the report. */
import { joinWords, plural } from './format.js';
import type { SimNode } from './scheduler.js';
import type { FitVerdict, PodShape, QuotaShortfall, ScaleUp, Shortfall } from './types.js';

export interface SummaryInput {
  id: string;
  verdict: FitVerdict;
  pods: number;
  shapes: readonly PodShape[];
  /** The nodes this demand's pods went to, one entry per pod. */
  placedOn: readonly SimNode[];
  shortfalls: readonly { shortfall: Shortfall; reason: string }[];
  quota: readonly QuotaShortfall[];
  rejected: number;
  scaleUp: readonly ScaleUp[];
}

export function summarize(s: SummaryInput): string {
  switch (s.verdict) {
    case 'nothing-to-place':
      return 'Nothing to place: the new RayCluster has no pods (suspended, or no replicas).';
    case 'fits':
      return `Fits: ${plural(s.pods, 'new pod')} on ${plural(new Set(s.placedOn).size, 'node')}${mostLoaded(s)}.`;
    case 'fits-after-scale-up':
      return fitsAfterScaleUp(s);
    case 'does-not-fit':
      return doesNotFit(s);
  }
}

function fitsAfterScaleUp(s: SummaryInput): string {
  // Nodes the autoscaler adds for an earlier RayService of the same run count too: without them this one would not fit.
  const earlier = [...new Set(s.placedOn.flatMap((n) => (n.virtual && n.virtual.demand !== s.id ? [n.virtual.demand] : [])))];
  const adds = s.scaleUp.map((u) => `${plural(u.addNodes, 'node')} to group ${u.nodeGroup} (max ${u.maxSize})`);
  if (adds.length === 0) return `Fits on the nodes the autoscaler adds for ${joinWords(earlier)}.`;
  return `Fits once the autoscaler adds ${joinWords(adds)}${earlier.length > 0 ? `, besides the nodes it adds for ${joinWords(earlier)}` : ''}.`;
}

function doesNotFit(s: SummaryInput): string {
  const parts: string[] = [];
  const [first, ...rest] = s.shortfalls;
  if (first) {
    const sf = first.shortfall;
    const who =
      sf.role === 'head' && sf.of === 1
        ? 'the head pod stays Pending'
        : `${sf.unplaced} of ${sf.of} ${sf.role === 'head' ? 'head' : 'worker'} ${sf.of === 1 ? 'pod' : 'pods'}${sf.role === 'head' ? '' : ` of group ${sf.role}`} ${sf.unplaced === 1 ? 'stays' : 'stay'} Pending`;
    parts.push(`${who} — ${first.reason}${rest.length > 0 ? ` (and ${plural(rest.length, 'more group')} short)` : ''}`);
  }
  if (s.rejected > 0) {
    const [q, ...more] = s.quota;
    const why = q ? ` (${q.message}${more.length > 0 ? `; and ${plural(more.length, 'more quota limit')}` : ''})` : '';
    parts.push(`${s.rejected} of ${plural(s.pods, 'pod')} would be rejected at creation${why}`);
  }
  return `Does not fit: ${parts.join('; ')}.`;
}

/** " (most loaded after: node-1 at 94% cpu)": the fullest resource on any node we placed onto. */
function mostLoaded(s: SummaryInput): string {
  const resources = new Set(['cpu', 'memory']);
  for (const shape of s.shapes) for (const [r, v] of Object.entries(shape.requests)) if (v > 0 && r !== 'pods') resources.add(r);
  let best: { node: string; resource: string; ratio: number } | undefined;
  for (const node of [...new Set(s.placedOn)].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const r of resources) {
      const cap = node.allocatable[r] ?? 0;
      if (cap <= 0) continue;
      const ratio = (node.requested[r] ?? 0) / cap;
      if (!best || ratio > best.ratio) best = { node: node.name, resource: r, ratio };
    }
  }
  return best ? ` (most loaded after: ${best.node} at ${Math.round(best.ratio * 100)}% ${best.resource})` : '';
}
