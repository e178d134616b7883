/**
 * ResourceQuota admission of the new cluster's pods. A pod that would push any applicable quota past
 * `hard` on a resource it consumes is rejected at creation (KubeRay keeps retrying, the pod never
 * exists), so it takes no node room either. Quotas that count pending pods count ours from creation,
 * whether or not they get a node.
 */
import { exceeds } from './scheduler.js';
import { baseResource, formatAmount } from './format.js';
import type { PodShape, QuotaShortfall, QuotaState } from './types.js';

/** The quota's usage grows as pods are admitted; later demands see it. */
export type QuotaSim = QuotaState;

/**
 * What one pod adds to a quota resource, or undefined for resources a pod does not count against
 * (services, configmaps, storage claims…). Bare `cpu`/`memory`/`ephemeral-storage`/`hugepages-*` mean
 * requests; extended resources can only be limited as `requests.<name>`.
 */
export function quotaAmount(resource: string, pod: Pick<PodShape, 'requests' | 'limits'>): number | undefined {
  if (resource === 'pods' || resource === 'count/pods') return 1;
  if (resource === 'cpu' || resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    return pod.requests[resource] ?? 0;
  }
  if (resource.startsWith('requests.')) return pod.requests[resource.slice('requests.'.length)] ?? 0;
  if (resource.startsWith('limits.')) return pod.limits[resource.slice('limits.'.length)] ?? 0;
  return undefined;
}

/** Whether the quota counts this pod: every scope and every scopeSelector requirement must hold. */
export function quotaApplies(quota: QuotaState, pod: PodShape): boolean {
  if (!quota.scopes.every((s) => scopeHolds(s, 'Exists', [], pod))) return false;
  return (quota.scopeSelector?.matchExpressions ?? []).every((e) => scopeHolds(e.scopeName, e.operator, e.values ?? [], pod));
}

function scopeHolds(scope: string, operator: string, values: readonly string[], pod: PodShape): boolean {
  if (scope === 'PriorityClass') {
    const pc = pod.priorityClassName ?? '';
    switch (operator) {
      case 'In':
        return values.includes(pc);
      case 'NotIn':
        return !values.includes(pc);
      case 'Exists':
        return pc !== '';
      case 'DoesNotExist':
        return pc === '';
      default:
        return false;
    }
  }
  const holds = scopeOfPod(scope, pod);
  return operator === 'DoesNotExist' ? !holds : holds;
}

function scopeOfPod(scope: string, pod: PodShape): boolean {
  switch (scope) {
    // Ray pods are long-running: no activeDeadlineSeconds, so never "Terminating".
    case 'Terminating':
      return false;
    case 'NotTerminating':
      return true;
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    // Only pods with cross-namespace affinity terms; RayCluster pods have none we model.
    case 'CrossNamespacePodAffinity':
      return false;
    default:
      return false;
  }
}

/** QoS BestEffort: no cpu or memory request or limit anywhere in the pod. */
function isBestEffort(pod: PodShape): boolean {
  return ['cpu', 'memory'].every((r) => !(pod.requests[r] ?? 0) && !(pod.limits[r] ?? 0));
}

/** Rejected pods' needs, per quota and resource, to be turned into shortfalls at the end of a demand. */
export class QuotaLedger {
  private readonly need = new Map<QuotaSim, Map<string, number>>();

  /** Charges the pod to every applicable quota, or rejects it (charging nothing) when one would overflow. */
  admit(pod: PodShape, quotas: readonly QuotaSim[]): boolean {
    const applicable = quotas.filter((q) => quotaApplies(q, pod));
    const charges: { quota: QuotaSim; resource: string; amount: number }[] = [];
    let rejected = false;
    for (const quota of applicable) {
      for (const [resource, hard] of Object.entries(quota.hard)) {
        const amount = quotaAmount(resource, pod);
        if (amount === undefined || amount <= 0) continue;
        charges.push({ quota, resource, amount });
        if (exceeds((quota.used[resource] ?? 0) + amount, hard)) rejected = true;
      }
    }
    for (const { quota, resource, amount } of charges) {
      if (!rejected) {
        quota.used[resource] = (quota.used[resource] ?? 0) + amount;
        continue;
      }
      const byResource = this.need.get(quota) ?? new Map<string, number>();
      byResource.set(resource, (byResource.get(resource) ?? 0) + amount);
      this.need.set(quota, byResource);
    }
    return !rejected;
  }

  /** Per (quota, resource) the rejected pods overflow: their total need against what admitted pods left. */
  shortfalls(): QuotaShortfall[] {
    const out: QuotaShortfall[] = [];
    for (const [quota, byResource] of this.need) {
      for (const [resource, need] of byResource) {
        const hard = quota.hard[resource] ?? 0;
        const used = quota.used[resource] ?? 0;
        if (!exceeds(used + need, hard)) continue;
        const f = (n: number) => formatAmount(baseResource(resource), n);
        out.push({
          quota: quota.name,
          resource,
          hard,
          used,
          need,
          message: `ResourceQuota ${quota.name} (${quota.namespace}): ${resource} would reach ${f(used + need)} of ${f(hard)} — needs ${f(used + need - hard)} more`,
        });
      }
    }
    return out;
  }
}
