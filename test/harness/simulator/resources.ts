// Resource arithmetic for the fake scheduler: Kubernetes quantities as integer milli-units (exact for
// everything a test uses: 64Gi × 1000 is far below 2^53), and a pod's effective requests and limits
// (scheduling cost, quota usage).
import type { KubeObject } from '../kube/rest.js';

/** resource name → milli-units */
export type ResourceList = Map<string, number>;

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
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

function containerLimits(c: KubeObject): ResourceList {
  return toResourceList(c.resources?.limits);
}

/**
 * kube's AggregateContainerRequests/Limits (component-helpers/resource): Σ containers + Σ sidecars
 * (restartPolicy Always init containers), then the max with each regular init container plus the sidecars
 * started before it.
 */
function aggregateContainers(spec: KubeObject, of: (c: KubeObject) => ResourceList): ResourceList {
  const sum: ResourceList = new Map();
  for (const c of spec.containers ?? []) addInto(sum, of(c));
  const initMax: ResourceList = new Map();
  const sidecars: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    const r = of(c);
    if (c.restartPolicy === 'Always') {
      addInto(sum, r);
      addInto(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      const withSidecars = new Map(r);
      addInto(withSidecars, sidecars);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(sum, initMax);
  return sum;
}

/** Resources that pod-level spec.resources may set (PodLevelResources, beta and on by default since 1.34). */
const isPodLevelResource = (name: string): boolean => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

/**
 * A pod's effective requests and limits, as kube's PodRequests/PodLimits compute them for the scheduler
 * and for quota: the aggregate of its containers, overridden per resource by pod-level spec.resources,
 * plus spec.overhead (for limits only where a non-zero limit exists). No "pods" entry.
 */
export function podResources(pod: KubeObject): { requests: ResourceList; limits: ResourceList } {
  const spec = pod.spec ?? {};
  const requests = aggregateContainers(spec, containerRequests);
  const limits = aggregateContainers(spec, containerLimits);
  const podLevelRequests = [...toResourceList(spec.resources?.requests)].filter(([k]) => isPodLevelResource(k));
  const podLevelLimits = [...toResourceList(spec.resources?.limits)].filter(([k]) => isPodLevelResource(k));
  // Pod-level requests default from pod-level limits, as container requests do.
  for (const [k, v] of podLevelLimits) if (!podLevelRequests.some(([r]) => r === k)) podLevelRequests.push([k, v]);
  for (const [k, v] of podLevelRequests) requests.set(k, v);
  for (const [k, v] of podLevelLimits) limits.set(k, v);
  const overhead = toResourceList(spec.overhead);
  addInto(requests, overhead);
  for (const [k, v] of overhead) if ((limits.get(k) ?? 0) !== 0) limits.set(k, limits.get(k)! + v);
  return { requests, limits };
}

/** What the scheduler charges a node for a pod: its effective requests (podResources) plus one "pods" slot. */
export function podRequests(pod: KubeObject): ResourceList {
  const { requests } = podResources(pod);
  requests.set('pods', 1000);
  return requests;
}

/**
 * milli-units → a canonical Kubernetes quantity string: "1500m", "2", and for byte-valued resources
 * (memory, storage, hugepages) the largest exact binary suffix ("1536Mi", "64Gi").
 */
export function formatQuantity(resource: string, milli: number): string {
  if (!Number.isSafeInteger(milli)) throw new Error(`${resource}: ${milli} milli-units is not a safe integer`);
  if (milli % 1000 !== 0) return `${milli}m`;
  const v = milli / 1000;
  if (v !== 0 && /memory|storage|hugepages-/.test(resource)) {
    for (const [s, f] of [
      ['Ei', 2 ** 60],
      ['Pi', 2 ** 50],
      ['Ti', 2 ** 40],
      ['Gi', 2 ** 30],
      ['Mi', 2 ** 20],
      ['Ki', 2 ** 10],
    ] as const)
      if (v % f === 0) return `${v / f}${s}`;
  }
  return String(v);
}

export function formatMilli(resource: string, milli: number): string {
  if (resource === 'cpu') return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  const v = milli / 1000;
  for (const [s, f] of [
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const)
    if (v >= f && v % f === 0) return `${v / f}${s}`;
  return String(v);
}
