// Resource arithmetic for the fake scheduler: Kubernetes quantities as integer milli-units (exact for
// everything a test uses: 64Gi × 1000 is far below 2^53), and a pod's scheduling cost.
import type { KubeObject } from '../kube/rest.js';

/** resource name → milli-units */
export type ResourceList = Map<string, number>;

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** "500m" → 500, "2" → 2000, "1Gi" → 1073741824000, "1e3" → 1000000. */
export function parseMilli(q: string | number): number {
  if (typeof q === 'number') return Math.round(q * 1000);
  const m = /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(q.trim());
  if (!m) throw new Error(`not a Kubernetes quantity: ${JSON.stringify(q)}`);
  const num = Number(m[1]);
  const factor = m[2] ? 10 ** Number(m[2].slice(1)) : SUFFIX[m[3] ?? '']!;
  return Math.ceil(num * factor * 1000 - 1e-6); // round up sub-milli remainders, as the apiserver does
}

export function toResourceList(obj: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(obj ?? {})) out.set(k, parseMilli(v));
  return out;
}

export function addInto(into: ResourceList, add: ResourceList): void {
  for (const [k, v] of add) into.set(k, (into.get(k) ?? 0) + v);
}

function maxInto(into: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) into.set(k, Math.max(into.get(k) ?? 0, v));
}

/** Requests of one container, falling back to limits per resource (the apiserver defaults them so). */
function containerRequests(c: KubeObject): ResourceList {
  const req = toResourceList(c.resources?.requests);
  for (const [k, v] of toResourceList(c.resources?.limits)) if (!req.has(k)) req.set(k, v);
  return req;
}

/**
 * What the scheduler charges a node for a pod: max(Σ containers + Σ sidecar init containers,
 * each regular init container) + overhead, plus one "pods" slot.
 */
export function podRequests(pod: KubeObject): ResourceList {
  const spec = pod.spec ?? {};
  const sum: ResourceList = new Map();
  for (const c of spec.containers ?? []) addInto(sum, containerRequests(c));
  const initMax: ResourceList = new Map();
  const sidecars: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, r);
    } else {
      // A regular init container runs beside the sidecars started before it; approximate with all sidecars.
      const withSidecars = new Map(r);
      addInto(withSidecars, sidecars);
      maxInto(initMax, withSidecars);
    }
  }
  addInto(sum, sidecars);
  maxInto(sum, initMax);
  addInto(sum, toResourceList(spec.overhead));
  sum.set('pods', 1000);
  return sum;
}

export function formatMilli(resource: string, milli: number): string {
  if (resource === 'cpu') return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  const v = milli / 1000;
  for (const [s, f] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (v >= f && v % f === 0) return `${v / f}${s}`;
  return String(v);
}
