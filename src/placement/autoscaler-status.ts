/**
 * Node groups from the cluster-autoscaler's status ConfigMap (kube-system/cluster-autoscaler-status,
 * key `status`). Two formats exist:
 *   - recent releases write YAML: `nodeGroups: [{name, health: {cloudProviderTarget, minSize, maxSize,
 *     nodeCounts: {registered: {total}}}}]`;
 *   - older ones write text: after `NodeGroups:`, per group `Name: <group>` then
 *     `Health: Healthy (ready=3 … registered=3 … cloudProviderTarget=3 (minSize=1, maxSize=10))`.
 * The status does not say which nodes belong to which group, so nodes are matched by their
 * node-pool label (see groupOfNode).
 */
import { parse } from 'yaml';
import { asMap, metadataOf, stringMap } from '../util/kube-object.js';
import { isPlainObject } from '../util/objects.js';
import type { NodeGroup } from './types.js';

/** Group size bounds as the autoscaler reports them. */
export interface GroupStatus {
  name: string;
  minSize: number;
  maxSize: number;
  /** The size the autoscaler is steering to (cloudProviderTarget), or else the registered node count. */
  currentSize: number;
}

/** Node labels that name a node's pool, most specific first: EKS, GKE, AKS (two spellings), Karpenter, kOps. */
export const NODE_POOL_LABELS = [
  'eks.amazonaws.com/nodegroup',
  'cloud.google.com/gke-nodepool',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'karpenter.sh/nodepool',
  'kops.k8s.io/instancegroup',
] as const;

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'] as const;

/** Undefined when the ConfigMap is absent or its status cannot be read in either format. */
export function nodeGroupsFrom(configMap: object | null | undefined, nodes: readonly object[]): NodeGroup[] | undefined {
  const status = (configMap as { data?: Record<string, unknown> } | null | undefined)?.data?.status;
  if (typeof status !== 'string') return undefined;
  const groups = parseAutoscalerStatus(status);
  if (!groups) return undefined;
  const names = groups.map((g) => g.name);
  const members = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const node of nodes) {
    const meta = metadataOf(node);
    const group = groupOfNode(stringMap(meta.labels), names);
    if (group !== undefined && typeof meta.name === 'string') members.get(group)!.push(meta.name);
  }
  return groups.map((g) => ({ ...g, nodeNames: members.get(g.name) ?? [] }));
}

export function parseAutoscalerStatus(text: string): GroupStatus[] | undefined {
  if (/^\s*(Cluster-wide|NodeGroups):\s*$/m.test(text)) return parseText(text);
  return parseYaml(text);
}

function parseYaml(text: string): GroupStatus[] | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(doc)) return undefined;
  // A status without groups (nothing autoscaled) still says the autoscaler is there.
  if (!('nodeGroups' in doc) && !('autoscalerStatus' in doc) && !('clusterWide' in doc)) return undefined;
  const out: GroupStatus[] = [];
  for (const g of Array.isArray(doc.nodeGroups) ? doc.nodeGroups : []) {
    if (!isPlainObject(g) || typeof g.name !== 'string') continue;
    const health = isPlainObject(g.health) ? g.health : {};
    const registered = asMap(asMap(health.nodeCounts).registered);
    // cloudProviderTarget, minSize and maxSize are always written; zero counts may be left out.
    const maxSize = num(health.maxSize);
    if (maxSize === undefined) continue;
    const currentSize = num(health.cloudProviderTarget) ?? num(registered.total) ?? num(registered.ready) ?? 0;
    out.push({ name: g.name, minSize: num(health.minSize) ?? 0, maxSize, currentSize });
  }
  return out;
}

function parseText(text: string): GroupStatus[] {
  const out: GroupStatus[] = [];
  const section = text.split(/^\s*NodeGroups:\s*$/m)[1];
  if (section === undefined) return out;
  let name: string | undefined;
  for (const line of section.split('\n')) {
    const nameMatch = /^\s*Name:\s+(\S.*?)\s*$/.exec(line);
    if (nameMatch) {
      name = nameMatch[1];
      continue;
    }
    const health = /^\s*Health:\s+\S+\s+\((.*)\)\s*$/.exec(line);
    if (!health || name === undefined) continue;
    const field = (key: string) => num(new RegExp(`\\b${key}=(\\d+)`).exec(health[1]!)?.[1]);
    const minSize = field('minSize');
    const maxSize = field('maxSize');
    if (minSize !== undefined && maxSize !== undefined) {
      out.push({ name, minSize, maxSize, currentSize: field('cloudProviderTarget') ?? field('registered') ?? 0 });
    }
    name = undefined;
  }
  return out;
}

/**
 * Which group a node belongs to, from its node-pool label (a heuristic: the status names groups by
 * the cloud provider's id, e.g. the AWS ASG `eks-gpu-2c1f9d3b-…`, the GCE MIG URL
 * `…/instanceGroups/gke-prod-gpu-pool-8a2b3c4d-grp`, the Azure VMSS `aks-gpu-12345678-vmss`):
 *   1. a group whose name equals the label value;
 *   2. else the groups whose name contains the value as a whole run of segments, segments being
 *      separated by `-`, `/`, `.` or `_` (so `gpu` matches `eks-gpu-2c1f…` but not `eks-gpus-…`);
 *   3. several candidates: those that also contain the node's zone as a segment run (GKE makes one MIG
 *      per zone of a regional pool), then the one with fewest segments (`gpu` prefers `eks-gpu-<id>`
 *      over `eks-gpu-large-<id>`); still a tie → unknown, rather than guess.
 */
export function groupOfNode(labels: Record<string, string>, groupNames: readonly string[]): string | undefined {
  for (const key of NODE_POOL_LABELS) {
    const value = labels[key];
    if (!value) continue;
    if (groupNames.includes(value)) return value;
    let candidates = groupNames.filter((g) => containsRun(g, value));
    if (candidates.length > 1) {
      const zone = ZONE_LABELS.map((k) => labels[k]).find((z) => z);
      const inZone = zone ? candidates.filter((g) => containsRun(g, zone)) : [];
      if (inZone.length > 0) candidates = inZone;
    }
    if (candidates.length > 1) {
      const fewest = Math.min(...candidates.map((g) => segments(g).length));
      candidates = candidates.filter((g) => segments(g).length === fewest);
    }
    if (candidates.length === 1) return candidates[0];
  }
  return undefined;
}

function segments(s: string): string[] {
  return s.split(/[-/._]+/).filter((x) => x !== '');
}

function containsRun(haystack: string, needle: string): boolean {
  const h = segments(haystack);
  const n = segments(needle);
  if (n.length === 0) return false;
  for (let i = 0; i + n.length <= h.length; i++) if (n.every((x, j) => h[i + j] === x)) return true;
  return false;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}
