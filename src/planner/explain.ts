/**
 * The reasons of an update plan, in plain words: one step per thing the operator does with the
 * change (rebuild the cluster, append groups in place, redeploy Serve, ignore fields), in that order.
 */
import type { ClusterSpecComparison } from '../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import type { EffectiveStrategy } from '../kuberay/upgrade-strategy.js';
import type { ServeChange } from '../serve/serve-config.js';
import { RULE_ANNOTATION_READ } from './field-changes.js';
import { clusterUpgradeOptions, metadataOf, type ReadManifest } from './read-manifest.js';
import { workerGroupMoves } from './reasons.js';
import { type Change, type FieldChange, type Reason, reason } from './types.js';

/** Everything an update plan has decided, for explaining it. */
export interface UpdateFacts {
  readonly change: Change;
  readonly cmp: ClusterSpecComparison;
  readonly strategy: EffectiveStrategy;
  readonly release: KubeRayRelease;
  readonly hashed: readonly FieldChange[];
  readonly blanked: readonly FieldChange[];
  readonly serveChanges: readonly ServeChange[];
  readonly appliedServe: readonly ServeChange[];
  readonly b: ReadManifest;
  readonly h: ReadManifest;
  readonly changes: readonly FieldChange[];
}

export function explain(x: UpdateFacts): Reason[] {
  return [
    ...explainHashedClusterChange(x),
    ...explainAppendedGroups(x),
    ...explainServeInPlace(x),
    ...explainServeOptionsFixedAtStart(x),
    ...explainHashBlankedFields(x),
    ...explainNoRollout(x),
  ];
}

/** A change in hashed fields: ignored under None, else a new cluster (step by step, or blue/green). */
function explainHashedClusterChange(x: UpdateFacts): Reason[] {
  if (x.cmp.kind !== 'different') return [];
  const what = { fields: clusterFields(x.hashed), groups: workerGroupMoves(x.b.cluster, x.h.cluster) };
  if (x.strategy.type === 'None') {
    const { disabledBy, requested } = x.strategy;
    const off = { ...(disabledBy ? { disabledBy } : {}), ...(requested !== undefined ? { requested } : {}) };
    return [reason('cluster.hash-changed-ignored', { ...what, ...off, version: x.release.version, minor: x.release.minor })];
  }
  const version = x.release.version;
  const rollout =
    x.strategy.type === 'NewClusterWithIncrementalUpgrade'
      ? reason('cluster.hash-changed-incremental', { ...what, version, ...incrementalSteps(x.h) })
      : reason('cluster.hash-changed', { ...what, version });
  return [rollout, ...explainServeWithNewCluster(x)];
}

/** The step size, interval and surge the head sets (what is unset stays out). */
function incrementalSteps(h: ReadManifest): { stepSizePercent?: unknown; intervalSeconds?: unknown; maxSurgePercent?: unknown } {
  const o = clusterUpgradeOptions(h.spec);
  const { stepSizePercent, intervalSeconds, maxSurgePercent } = o;
  return {
    ...(stepSizePercent != null ? { stepSizePercent } : {}),
    ...(intervalSeconds != null ? { intervalSeconds } : {}),
    ...(maxSurgePercent != null ? { maxSurgePercent } : {}),
  };
}

/** A Serve change shipped with a new cluster: which cluster gets it depends on the release. */
function explainServeWithNewCluster(x: UpdateFacts): Reason[] {
  if (!x.appliedServe.length) return [];
  return [x.release.serveConfigAlsoToOldCluster ? reason('serve.also-to-old-cluster', { version: x.release.version }) : reason('serve.new-cluster-only')];
}

function explainAppendedGroups(x: UpdateFacts): Reason[] {
  if (x.cmp.kind !== 'appended') return [];
  return [reason('cluster.appended-group', { version: x.release.version, groups: x.cmp.appendedGroups })];
}

/** Serve changes without a new cluster (none is built, or strategy None ignores it) go to the running one. */
function explainServeInPlace(x: UpdateFacts): Reason[] {
  const newCluster = x.cmp.kind === 'different' && x.strategy.type !== 'None';
  if (!x.appliedServe.length || newCluster) return [];
  return [reason('serve.in-place', { apps: x.appliedServe.map((s) => ({ path: s.display, effect: s.effect })) })];
}

function explainServeOptionsFixedAtStart(x: UpdateFacts): Reason[] {
  if (!x.serveChanges.some((s) => s.effect === 'serve-fixed-at-start')) return [];
  return [reason('serve.serve-fixed-at-start')];
}

function explainHashBlankedFields(x: UpdateFacts): Reason[] {
  if (!x.blanked.length) return [];
  // The advice fits the fields: replica counts can be scaled by hand; anything else needs a new cluster.
  const replicaCount = (c: FieldChange) => /\.(replicas|minReplicas|maxReplicas)$|\.scaleStrategy/.test(c.path);
  return [
    reason('cluster.hash-blanked', {
      version: x.release.version,
      fields: clusterFields(x.blanked),
      replicas: x.blanked.some(replicaCount),
      others: x.blanked.some((c) => !replicaCount(c)),
      autoscaling: x.h.cluster.enableInTreeAutoscaling === true,
    }),
  ];
}

/** Nothing rolls out: say what changed instead (nothing, metadata, settings) and which annotations the operator reads. */
function explainNoRollout(x: UpdateFacts): Reason[] {
  if (x.change !== 'none') return [];
  const out: Reason[] = [];
  if (x.changes.length === 0) out.push(reason('none.formatting-only'));
  else if (x.changes.every((c) => c.rule.startsWith('metadata.'))) out.push(reason('none.metadata-only'));
  else out.push(reason('none.settings-only', { paths: uniquePaths(x.changes.map((c) => c.path)) }));
  // The annotations the operator reads, by name from the manifests (not from the rendered paths).
  if (x.changes.some((c) => c.rule === RULE_ANNOTATION_READ)) {
    const before = annotationsOf(x.b);
    const after = annotationsOf(x.h);
    for (const name of x.release.meaningfulAnnotations) {
      if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) out.push(reason(RULE_ANNOTATION_READ, { annotation: name }));
    }
  }
  return out;
}

/** Changed rayClusterConfig fields, named relative to rayClusterConfig. */
function clusterFields(list: readonly FieldChange[]): string[] {
  return uniquePaths(list.map((c) => c.path.replace(/^spec\.rayClusterConfig\./, '')));
}

function uniquePaths(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}

function annotationsOf(r: ReadManifest): Record<string, unknown> {
  const a = metadataOf(r).annotations;
  return a && typeof a === 'object' ? a : {};
}
