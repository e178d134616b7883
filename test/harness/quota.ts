// ResourceQuotas in tests: a manifest builder, apply-and-wait-until-enforced, and waits on status.used.
// The simulator's resource quota controller (simulator/resource-quota.ts) writes the status; the
// apiserver's ResourceQuota admission plugin enforces it.
import type { Kubectl } from './kubectl.js';
import type { KubeObject } from './kube/rest.js';
import { parseMilli } from './simulator/resources.js';
import { podQuotaTracks, type ScopedResourceSelectorRequirement } from './simulator/resource-quota.js';
import { waitFor, type WaitOptions } from './wait.js';

export interface ResourceQuotaFixture {
  name: string;
  namespace?: string;
  /** spec.hard, e.g. { 'requests.cpu': '2', 'requests.nvidia.com/gpu': 1, pods: 10 }. */
  hard: Record<string, string | number>;
  /** spec.scopes: Terminating, NotTerminating, BestEffort, NotBestEffort, CrossNamespacePodAffinity. */
  scopes?: string[];
  /** spec.scopeSelector.matchExpressions, e.g. [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }]. */
  scopeSelector?: ScopedResourceSelectorRequirement[];
}

export function resourceQuotaObject(f: ResourceQuotaFixture): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: f.name, ...(f.namespace ? { namespace: f.namespace } : {}) },
    spec: {
      hard: Object.fromEntries(Object.entries(f.hard).map(([k, v]) => [k, String(v)])),
      ...(f.scopes ? { scopes: f.scopes } : {}),
      ...(f.scopeSelector ? { scopeSelector: { matchExpressions: f.scopeSelector } } : {}),
    },
  };
}

export interface QuotaStatus {
  hard: Record<string, string>;
  used: Record<string, string>;
  raw: KubeObject;
}

export async function getQuotaStatus(k: Kubectl, name: string, namespace?: string): Promise<QuotaStatus> {
  const raw = await k.get('ResourceQuota', name, namespace);
  return { hard: raw.status?.hard ?? {}, used: raw.status?.used ?? {}, raw };
}

/** Equal values, however written ("1" = "1000m", "1Gi" = "1024Mi"); undefined equals only undefined. */
export function quantityEquals(a: string | number | undefined, b: string | number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return parseMilli(a) === parseMilli(b);
}

/**
 * Waits until the quota is enforced: status.hard equals spec.hard and every pod resource in it has a
 * status.used value. Until then the apiserver's admission ignores the quota (no status.hard) or refuses
 * pods ("status unknown for quota").
 */
export async function waitForQuotaEnforced(k: Kubectl, name: string, namespace?: string, opts: WaitOptions = {}): Promise<QuotaStatus> {
  return waitFor(
    async () => {
      const s = await getQuotaStatus(k, name, namespace);
      const hard = (s.raw.spec?.hard ?? {}) as Record<string, string>;
      const synced =
        Object.keys(hard).length === Object.keys(s.hard).length &&
        Object.entries(hard).every(([r, v]) => quantityEquals(s.hard[r], v) && (!podQuotaTracks(r) || s.used[r] !== undefined));
      return synced ? s : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 50, description: `ResourceQuota ${name} to be enforced (status.hard/used written)`, ...opts },
  );
}

/** Applies a ResourceQuota (server-side apply) and waits until it is enforced. */
export async function applyResourceQuota(k: Kubectl, f: ResourceQuotaFixture, opts: WaitOptions = {}): Promise<QuotaStatus> {
  await k.apply(resourceQuotaObject(f), { namespace: f.namespace });
  return waitForQuotaEnforced(k, f.name, f.namespace, opts);
}

/**
 * Waits until status.used matches `expected` for each resource listed there (values compared as
 * quantities; other resources are not checked) and returns the status.
 */
export async function waitForQuotaUsed(
  k: Kubectl,
  name: string,
  namespace: string | undefined,
  expected: Record<string, string | number>,
  opts: WaitOptions = {},
): Promise<QuotaStatus> {
  return waitFor(
    async () => {
      const s = await getQuotaStatus(k, name, namespace);
      return Object.entries(expected).every(([r, v]) => quantityEquals(s.used[r], v)) ? s : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 100, description: `ResourceQuota ${name} status.used ⊇ ${JSON.stringify(expected)}`, ...opts },
  );
}
