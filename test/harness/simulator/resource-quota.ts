// Plays kube-controller-manager's resource quota controller (which does not run here) for pods: for every
// ResourceQuota it keeps status.hard = spec.hard and status.used = what the namespace's pods use of the
// resources in spec.hard. The apiserver's ResourceQuota admission plugin does the rest: it matches a quota
// only once status.hard is set, refuses a pod while a tracked resource has no status.used entry ("status
// unknown for quota"), and charges each admitted pod to status.used itself ("exceeded quota" when it
// does not fit). Like the real controller this one recomputes usage from the pod list and converges;
// unlike it, it does so within milliseconds of a change instead of on a 5-minute resync.
//
// Semantics of kube's pod quota evaluator (pkg/quota/v1/evaluator/core/pods.go, v1.36):
// - tracked: pods, count/pods, cpu, memory, ephemeral-storage, requests.{cpu,memory,ephemeral-storage},
//   limits.{cpu,memory,ephemeral-storage}, hugepages-* / requests.hugepages-*, and requests.<extended>
//   (e.g. requests.nvidia.com/gpu); anything else in spec.hard (services, count/configmaps, …) has no
//   evaluator here and keeps whatever status.used it had, so admission of those kinds still fails;
// - a pod counts for everything while its phase is not Succeeded/Failed and it is not past its deletion
//   grace period; count/pods counts every pod in storage;
// - a pod's usage is its effective requests/limits (podResources: containers, sidecars, init containers,
//   pod-level resources, overhead);
// - scopes (spec.scopes and spec.scopeSelector, all must match): Terminating / NotTerminating
//   (activeDeadlineSeconds >= 0), BestEffort / NotBestEffort (status.qosClass, else computed),
//   PriorityClass (In / NotIn / Exists / DoesNotExist on spec.priorityClassName), CrossNamespacePodAffinity.
//
// Admission charges a pod to the quota a moment before the pod appears in our watch. A recomputation in
// that moment would undercount and let the next pod in, so a decrease is written only once the quota's
// status has not been changed by anyone else for `settleMs` (held back at most 5 × settleMs); writes are
// conditional on resourceVersion, so one based on a quota older than admission's last charge gets 409.
import { keyOf, type Informer } from '../kube/informer.js';
import type { Logger } from '../log.js';
import { isConflict, isNotFound, type KubeObject, type KubeRest } from '../kube/rest.js';
import { R, objectPath } from '../kube/resources.js';
import { addInto, formatQuantity, parseMilli, podResources, type ResourceList } from './resources.js';

export interface ResourceQuotaControllerOptions {
  /** A decrease waits until the quota's status was not changed by someone else (admission) for this long (default 1000 ms). */
  settleMs?: number;
  /** Full recomputation of every quota this often (default 5000 ms): deletion grace periods that expire, lost writes. */
  resyncMs?: number;
}

/** One status write of the controller. */
export interface QuotaStatusWrite {
  at: number;
  namespace: string;
  name: string;
  hard: Record<string, string>;
  used: Record<string, string>;
}

export interface ScopedResourceSelectorRequirement {
  scopeName: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

const POD_RESOURCES = new Set([
  'count/pods',
  'pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
]);
const DEVICE_CLASS_PREFIX = 'deviceclass.resource.kubernetes.io/';

/** Unprefixed names and *kubernetes.io/ names are native; anything else with a "/" is extended. */
const isNativeResource = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
/** A container resource that quota tracks as requests.<name> only (extended resources, DRA device classes). */
const isExtendedResource = (name: string): boolean => (!isNativeResource(name) && !name.startsWith('requests.')) || name.startsWith(DEVICE_CLASS_PREFIX);

/** Whether kube's pod quota evaluator tracks this quota resource name (its MatchingResources). */
export function podQuotaTracks(name: string): boolean {
  if (POD_RESOURCES.has(name)) return true;
  if (name.startsWith('hugepages-') || name.startsWith('requests.hugepages-')) return true;
  return name.startsWith('requests.') && (!isNativeResource(name) || name.startsWith(`requests.${DEVICE_CLASS_PREFIX}`));
}

/** Whether a pod is charged for compute resources (and "pods"): not terminal, not past its deletion grace period. */
export function podChargeable(pod: KubeObject, now = Date.now()): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = pod.metadata?.deletionTimestamp as string | undefined;
  const grace = pod.metadata?.deletionGracePeriodSeconds as number | undefined;
  if (deletion && grace !== undefined && grace !== null && now > Date.parse(deletion) + grace * 1000) return false;
  return true;
}

/** A pod's quota usage (kube's PodUsageFunc), in milli-units by quota resource name. */
export function podQuotaUsage(pod: KubeObject, now = Date.now()): ResourceList {
  const usage: ResourceList = new Map([['count/pods', 1000]]);
  if (!podChargeable(pod, now)) return usage;
  const { requests, limits } = podResources(pod);
  const compute: ResourceList = new Map([['pods', 1000]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req !== undefined) {
      compute.set(r, req);
      compute.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim !== undefined) compute.set(`limits.${r}`, lim);
  }
  for (const [r, v] of requests) {
    if (r.startsWith('hugepages-')) {
      compute.set(r, v);
      compute.set(`requests.${r}`, v);
    }
    if (isExtendedResource(r)) compute.set(`requests.${r}`, v);
  }
  addInto(usage, compute);
  return usage;
}

/** spec.scopes (as Exists requirements) followed by spec.scopeSelector.matchExpressions. */
export function quotaScopeSelectors(quota: KubeObject): ScopedResourceSelectorRequirement[] {
  return [
    ...((quota.spec?.scopes ?? []) as string[]).map((s): ScopedResourceSelectorRequirement => ({ scopeName: s, operator: 'Exists' })),
    ...((quota.spec?.scopeSelector?.matchExpressions ?? []) as ScopedResourceSelectorRequirement[]),
  ];
}

export function isTerminatingPod(pod: KubeObject): boolean {
  const d = pod.spec?.activeDeadlineSeconds;
  return typeof d === 'number' && d >= 0;
}

/** QoS class BestEffort: status.qosClass when the apiserver set it, else no positive cpu/memory request or limit. */
export function isBestEffortPod(pod: KubeObject): boolean {
  if (pod.status?.qosClass) return pod.status.qosClass === 'BestEffort';
  const spec = pod.spec ?? {};
  const lists: (Record<string, string | number> | undefined)[] = spec.resources
    ? [spec.resources.requests, spec.resources.limits]
    : ([...(spec.containers ?? []), ...(spec.initContainers ?? [])] as KubeObject[]).flatMap((c) => [c.resources?.requests, c.resources?.limits]);
  return !lists.some((l) => ['cpu', 'memory'].some((r) => l?.[r] !== undefined && parseMilli(l[r]!) > 0));
}

function usesCrossNamespacePodAffinity(pod: KubeObject): boolean {
  const crossNs = (t: KubeObject | undefined) => Boolean(t && ((t.namespaces ?? []).length > 0 || t.namespaceSelector));
  for (const a of [pod.spec?.affinity?.podAffinity, pod.spec?.affinity?.podAntiAffinity]) {
    if (!a) continue;
    if (((a.requiredDuringSchedulingIgnoredDuringExecution ?? []) as KubeObject[]).some(crossNs)) return true;
    if (((a.preferredDuringSchedulingIgnoredDuringExecution ?? []) as KubeObject[]).some((w) => crossNs(w.podAffinityTerm))) return true;
  }
  return false;
}

/** kube's podMatchesScopeFunc. */
export function podMatchesScope(sel: ScopedResourceSelectorRequirement, pod: KubeObject): boolean {
  switch (sel.scopeName) {
    case 'Terminating':
      return isTerminatingPod(pod);
    case 'NotTerminating':
      return !isTerminatingPod(pod);
    case 'BestEffort':
      return isBestEffortPod(pod);
    case 'NotBestEffort':
      return !isBestEffortPod(pod);
    case 'PriorityClass': {
      // A label selector over { PriorityClass: spec.priorityClassName } (no label when the name is empty).
      const pc = (pod.spec?.priorityClassName as string | undefined) ?? '';
      const values = sel.values ?? [];
      switch (sel.operator) {
        case 'Exists':
          return pc !== '';
        case 'DoesNotExist':
          return pc === '';
        case 'In':
          return pc !== '' && values.includes(pc);
        case 'NotIn':
          return pc === '' || !values.includes(pc);
        default:
          return false;
      }
    }
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespacePodAffinity(pod);
    default:
      return false;
  }
}

/**
 * Usage of the pod-tracked resources in `quota.spec.hard` over `pods` (those of the quota's namespace),
 * in milli-units; every tracked resource is present (0 when nothing uses it).
 */
export function computeQuotaUsage(quota: KubeObject, pods: KubeObject[], now = Date.now()): ResourceList {
  const tracked = Object.keys(quota.spec?.hard ?? {}).filter(podQuotaTracks);
  const used: ResourceList = new Map(tracked.map((r) => [r, 0]));
  if (tracked.length === 0) return used;
  const selectors = quotaScopeSelectors(quota);
  for (const pod of pods) {
    if (pod.metadata?.namespace !== quota.metadata?.namespace) continue;
    if (!selectors.every((s) => podMatchesScope(s, pod))) continue;
    const u = podQuotaUsage(pod, now);
    for (const r of tracked) used.set(r, used.get(r)! + (u.get(r) ?? 0));
  }
  return used;
}

/** Two quantities of equal value ("1", "1000m"); a malformed one equals nothing. */
export function sameQuantity(a: string | number | undefined, b: string | number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  try {
    return parseMilli(a) === parseMilli(b);
  } catch {
    return false;
  }
}

function milliOrUndefined(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  try {
    return parseMilli(q);
  } catch {
    return undefined; // malformed: rewritten
  }
}

/** Same resource names with values of equal value. */
function sameResourceList(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (!a || !b) return a === b;
  const ak = Object.keys(a);
  return ak.length === Object.keys(b).length && ak.every((k) => k in b && sameQuantity(a[k], b[k]));
}

export class SimResourceQuotaController {
  /** Status writes, oldest first (the last 1000). */
  readonly writes: QuotaStatusWrite[] = [];
  private readonly settleMs: number;
  private readonly resyncMs: number;
  private readonly dirty = new Set<string>();
  private readonly later = new Map<string, NodeJS.Timeout>();
  /** resourceVersions our own status writes produced, per quota key (to tell admission's changes apart). */
  private readonly ownVersions = new Map<string, Set<string>>();
  /** status.used of a write in flight, per quota key (its watch event may come before the answer). */
  private readonly writing = new Map<string, Record<string, string>>();
  /** When someone else (admission) last changed a quota's status.used, per quota key. */
  private readonly foreignChangeAt = new Map<string, number>();
  /** Since when a decrease of a quota has been held back, per quota key. */
  private readonly deferredSince = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private resync: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly rest: KubeRest,
    private readonly quotas: Informer,
    private readonly pods: Informer,
    private readonly log: Logger,
    opts: ResourceQuotaControllerOptions = {},
  ) {
    this.settleMs = opts.settleMs ?? 1000;
    this.resyncMs = opts.resyncMs ?? 5000;
  }

  start(): void {
    this.quotas.on((type, q, old) => {
      const key = keyOf(q);
      const ns = q.metadata.namespace as string;
      if (type === 'DELETED') {
        this.ownVersions.delete(key);
        this.foreignChangeAt.delete(key);
        this.deferredSince.delete(key);
        return;
      }
      const rv = q.metadata.resourceVersion as string;
      const own = this.ownVersions.get(key)?.has(rv) || sameResourceList(q.status?.used, this.writing.get(key));
      if (type === 'MODIFIED' && old && !own && !sameResourceList(q.status?.used, old.status?.used)) {
        // Admission charged a pod (or someone wrote status): look again once the pod is surely in our
        // cache, which also corrects a charge for a pod whose creation failed after admission.
        this.foreignChangeAt.set(key, Date.now());
        this.markDirtyIn(ns, this.settleMs + 10);
      }
      this.markDirty(ns);
    });
    this.pods.on((_type, pod) => {
      const ns = pod.metadata.namespace as string;
      if (this.quotas.list((q) => q.metadata.namespace === ns).length > 0) this.markDirty(ns);
    });
    for (const q of this.quotas.list()) this.markDirty(q.metadata.namespace);
    this.resync = setInterval(() => {
      for (const q of this.quotas.list()) this.markDirty(q.metadata.namespace);
    }, this.resyncMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.resync) clearInterval(this.resync);
    for (const t of this.later.values()) clearTimeout(t);
    this.later.clear();
  }

  /** The usage the controller computes for a quota right now (milli-units), from its caches. */
  expectedUsage(namespace: string, name: string): ResourceList | undefined {
    const q = this.quotas.get(namespace, name);
    return (
      q &&
      computeQuotaUsage(
        q,
        this.pods.list((p) => p.metadata.namespace === namespace),
      )
    );
  }

  private markDirty(namespace: string): void {
    if (this.stopped) return;
    this.dirty.add(namespace);
    if (this.running) return; // the running pass loops until nothing is dirty
    // Debounce: a RayCluster start changes many pods at once.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.running = this.sync().finally(() => {
        this.running = undefined;
        if (this.dirty.size) this.markDirty([...this.dirty][0]!);
      });
    }, 20);
  }

  private markDirtyIn(namespace: string, ms: number): void {
    if (this.stopped || this.later.has(namespace)) return;
    this.later.set(
      namespace,
      setTimeout(() => {
        this.later.delete(namespace);
        this.markDirty(namespace);
      }, ms),
    );
  }

  private async sync(): Promise<void> {
    while (this.dirty.size && !this.stopped) {
      const namespaces = [...this.dirty];
      this.dirty.clear();
      for (const ns of namespaces) {
        const pods = this.pods.list((p) => p.metadata.namespace === ns);
        for (const q of this.quotas.list((x) => x.metadata.namespace === ns)) {
          try {
            await this.syncQuota(q, pods);
          } catch (e) {
            if (isNotFound(e)) continue;
            if (isConflict(e)) {
              // Admission (or spec change) got there first: our cache will show it in a moment.
              this.markDirtyIn(ns, 50);
              continue;
            }
            if (!this.stopped) this.log(`resource quota ${ns}/${q.metadata.name}: ${(e as Error).message}`);
            this.markDirtyIn(ns, 500); // the apiserver may be restarting
          }
        }
      }
    }
  }

  private async syncQuota(q: KubeObject, pods: KubeObject[]): Promise<void> {
    const key = keyOf(q);
    const ns = q.metadata.namespace as string;
    const now = Date.now();
    const hard = { ...((q.spec?.hard ?? {}) as Record<string, string>) };
    const current = (q.status?.used ?? {}) as Record<string, string>;
    // As the real controller: keep what we cannot compute, mask to the resources in spec.hard.
    const used: Record<string, string> = {};
    for (const r of Object.keys(hard)) if (current[r] !== undefined) used[r] = current[r];
    const computed = computeQuotaUsage(q, pods, now);
    let decreases = false;
    for (const [r, milli] of computed) {
      const had = milliOrUndefined(current[r]);
      if (had === milli) continue;
      if (had !== undefined && had > milli) decreases = true;
      used[r] = formatQuantity(r, milli);
    }
    // (Empty maps are omitted in storage.)
    if (sameResourceList(q.status?.hard ?? {}, hard) && sameResourceList(current, used)) return;
    const sinceForeign = now - (this.foreignChangeAt.get(key) ?? 0);
    if (decreases && sinceForeign < this.settleMs) {
      // Bounded: a steady stream of admissions must not hold a decrease back for ever.
      const deferredSince = this.deferredSince.get(key) ?? now;
      this.deferredSince.set(key, deferredSince);
      if (now - deferredSince < 5 * this.settleMs) {
        this.markDirtyIn(ns, this.settleMs - sinceForeign + 10);
        return;
      }
    }
    this.deferredSince.delete(key);
    const body = { ...q, apiVersion: 'v1', kind: 'ResourceQuota', status: { hard, used } };
    this.writing.set(key, used);
    let written: KubeObject;
    try {
      written = await this.rest.request('PUT', objectPath(R.resourcequotas, q.metadata.name, ns, 'status'), { body });
    } finally {
      this.writing.delete(key);
    }
    const versions = this.ownVersions.get(key) ?? new Set<string>();
    versions.add(written.metadata.resourceVersion);
    if (versions.size > 20) versions.delete(versions.values().next().value!);
    this.ownVersions.set(key, versions);
    this.writes.push({ at: now, namespace: ns, name: q.metadata.name, hard, used });
    if (this.writes.length > 1000) this.writes.splice(0, this.writes.length - 1000);
  }
}
