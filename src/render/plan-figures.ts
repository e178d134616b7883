/**
 * What a rollout adds while it runs, per RayService and for the whole change: apply rolls every
 * RayService out at once, so the extras of a change add up. Devices come first and are named by
 * the accelerator model their pods select; an appended worker group is a range, minReplicas to
 * maxReplicas, because the autoscaler decides where in it the group lands.
 */
import { isExtendedResource } from '../capacity/accelerators.js';
import type { ResourceFigures } from '../capacity/capacity.js';
import { formatBytes } from '../planner/describe-size.js';
import type { ServicePlan } from '../planner/types.js';

/** Extra held during the rollout: `low` for sure, up to `high` (null: no upper bound). */
export interface Extra {
  readonly low: ResourceFigures;
  readonly high: ResourceFigures | null;
}

/** The figures a row and the verdict show, keyed by resource, or `resource\naccelerator` for devices. */
export type Labelled = Map<string, { low: number; high: number | null }>;

export function extraOf(s: ServicePlan): Extra {
  if (s.change === 'cluster-inplace' && s.appendedGroups) return { low: s.appendedGroups.min, high: s.appendedGroups.max };
  if (s.change !== 'cluster' && s.change !== 'cluster-incremental' && s.change !== 'create' && s.change !== 'cluster-inplace') return { low: {}, high: {} };
  const extra: ResourceFigures = {};
  for (const [k, v] of Object.entries(s.capacity.peak)) {
    const d = v - (s.capacity.current?.[k] ?? 0);
    if (d > 1e-9) extra[k] = d;
  }
  return { low: extra, high: extra };
}

/** Sums the services' extras, devices split by accelerator model. */
export function labelledExtra(services: readonly ServicePlan[]): Labelled {
  const out: Labelled = new Map();
  for (const s of services) {
    const { low, high } = extraOf(s);
    for (const k of new Set([...Object.keys(low), ...Object.keys(high ?? {})])) {
      const key = isExtendedResource(k) ? `${k}\n${acceleratorName(s, k)}` : k;
      const prev = out.get(key) ?? { low: 0, high: 0 };
      const h = high === null || prev.high === null ? null : prev.high + (high[k] ?? 0);
      out.set(key, { low: prev.low + (low[k] ?? 0), high: h });
    }
  }
  return out;
}

function acceleratorName(s: ServicePlan, resource: string): string {
  const names = [...new Set((s.accelerators ?? []).filter((a) => a.resource === resource).map((a) => a.accelerator ?? 'model not selected'))];
  return names.length ? names.join(' or ') : 'model not selected';
}

/** "+16 nvidia.com/gpu (a100-80gb), +184 CPU, +1.4 TiB memory": devices, CPU, memory; pods left to the details. */
export function describeExtra(figures: Labelled, withPods = false): string {
  const rank = (k: string) => (k.includes('\n') ? 0 : k === 'cpu' ? 1 : k === 'memory' ? 2 : k === 'pods' ? 4 : 3);
  const keys = [...figures.keys()].filter((k) => withPods || k !== 'pods').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const parts: string[] = [];
  for (const k of keys) {
    const { low, high } = figures.get(k)!;
    if (low <= 1e-9 && high !== null && high <= 1e-9) continue;
    const [resource, accelerator] = k.split('\n') as [string, string | undefined];
    const amount =
      high === null
        ? `${amountOf(resource, low)} or more`
        : Math.abs(high - low) > 1e-9
          ? `${amountOf(resource, low)}–${amountOf(resource, high)}`
          : amountOf(resource, low);
    parts.push(`+${amount} ${unitOf(resource)}${accelerator ? ` (${accelerator})` : ''}`.replace(/ $/, ''));
  }
  return parts.join(', ');
}

function amountOf(resource: string, n: number): string {
  if (Math.abs(n) < 1e-9) return '0';
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) return formatBytes(n);
  return String(Math.round(n * 100) / 100);
}

function unitOf(resource: string): string {
  if (resource === 'cpu') return 'CPU';
  if (resource === 'memory') return 'memory';
  return resource;
}
