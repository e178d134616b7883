/**
 * The reasons of an update plan, in plain words: one step per thing the operator does with the
 * change (rebuild the cluster, append groups in place, redeploy Serve, ignore fields), in that order.
 */
import type { ClusterSpecComparison } from '../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import type { EffectiveStrategy } from '../kuberay/upgrade-strategy.js';
import { describeServeEffect, type ServeChange } from '../serve/serve-config.js';
import { RULE_ANNOTATION_READ } from './field-changes.js';
import { clusterUpgradeOptions, metadataOf, type ReadManifest } from './read-manifest.js';
import { describeWorkerGroupChanges } from './reasons.js';
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
  const v = `KubeRay ${x.release.version}`;
  const groupNotes = describeWorkerGroupChanges(x.b.cluster, x.h.cluster);
  const what = `The RayCluster spec changed in fields the operator hashes (${clusterFields(x.hashed)})${groupNotes.length ? `; ${groupNotes.join('; ')}` : ''}.`;
  if (x.strategy.type === 'None') {
    return [
      reason(
        'cluster.hash-changed-ignored',
        `${what} The change is silently ignored: ${x.strategy.disabledBecause}. No RayCluster is updated or created, and nothing tells you so in the status. To roll it out, set spec.upgradeStrategy.type: NewCluster (needs room for two clusters) or delete and recreate the RayService (downtime).`,
      ),
    ];
  }
  const rollout =
    x.strategy.type === 'NewClusterWithIncrementalUpgrade'
      ? reason(
          'cluster.hash-changed-incremental',
          `${what} ${v} builds a new RayCluster with every worker group at minReplicas and moves traffic step by step through the Gateway (${incrementalSteps(x.h)}); the autoscaler grows the new cluster as traffic arrives.`,
        )
      : reason(
          'cluster.hash-changed',
          `${what} ${v} builds a new RayCluster next to the running one and switches traffic once its Serve applications are ready (blue/green, NewCluster). The operator has no upgrade timeout: if the new cluster never becomes ready, it waits forever.`,
        );
  return [rollout, ...explainServeWithNewCluster(x)];
}

function incrementalSteps(h: ReadManifest): string {
  const o = clusterUpgradeOptions(h.spec);
  return `${o.stepSizePercent ?? '?'}% every ${o.intervalSeconds ?? '?'} s, capacity surging by at most ${o.maxSurgePercent ?? 100}%`;
}

/** A Serve change shipped with a new cluster: which cluster gets it depends on the release. */
function explainServeWithNewCluster(x: UpdateFacts): Reason[] {
  if (!x.appliedServe.length) return [];
  return [
    x.release.serveConfigAlsoToOldCluster
      ? reason(
          'serve.also-to-old-cluster',
          `The Serve config changed too: KubeRay ${x.release.version} also sends it to the running cluster before the switch (kuberay#3423), so the old cluster serves the new config while the new one starts.`,
        )
      : reason(
          'serve.new-cluster-only',
          'The Serve config changed too: it is deployed on the new cluster only; the running cluster keeps serving the old config until traffic switches.',
        ),
  ];
}

function explainAppendedGroups(x: UpdateFacts): Reason[] {
  if (x.cmp.kind !== 'appended') return [];
  const groups = x.cmp.appendedGroups;
  return [
    reason(
      'cluster.appended-group',
      `Worker group${groups.length > 1 ? 's' : ''} ${groups.map((g) => `"${g}"`).join(', ')} appended at the end: KubeRay ${x.release.version} updates the running RayCluster in place, no second cluster. It replaces the whole RayCluster spec, so the existing groups' replicas are reset to the manifest's values, overriding the autoscaler (kuberay#1769).`,
    ),
  ];
}

/** Serve changes without a new cluster (none is built, or strategy None ignores it) go to the running one. */
function explainServeInPlace(x: UpdateFacts): Reason[] {
  const newCluster = x.cmp.kind === 'different' && x.strategy.type !== 'None';
  if (!x.appliedServe.length || newCluster) return [];
  const apps = summarizePaths(
    x.appliedServe.map((s) => `${s.display}: ${describeServeEffect(s.effect)}`),
    3,
  );
  return [
    reason(
      'serve.in-place',
      `Serve config changed (${apps}): the operator submits it to the running cluster's dashboard and Ray Serve updates the applications in place.`,
    ),
  ];
}

function explainServeOptionsFixedAtStart(x: UpdateFacts): Reason[] {
  if (!x.serveChanges.some((s) => s.effect === 'serve-fixed-at-start')) return [];
  return [
    reason(
      'serve.serve-fixed-at-start',
      'http_options/grpc_options changed: Ray Serve keeps the options it started with, so a running cluster ignores them; they take effect only on a new cluster.',
    ),
  ];
}

function explainHashBlankedFields(x: UpdateFacts): Reason[] {
  if (!x.blanked.length) return [];
  return [
    reason(
      'cluster.hash-blanked',
      `Only fields that KubeRay ${x.release.version} leaves out of the cluster hash changed in the RayCluster spec (${clusterFields(x.blanked)}): they are not copied to the running RayCluster and do not build a new one (kuberay#4568).${blankedAdvice(x)}`,
    ),
  ];
}

/** Advice that fits the fields: replica counts can be scaled by hand; anything else needs a new cluster. */
function blankedAdvice(x: UpdateFacts): string {
  const replicas = x.blanked.some((c) => /\.(replicas|minReplicas|maxReplicas)$|\.scaleStrategy/.test(c.path));
  const others = x.blanked.some((c) => !/\.(replicas|minReplicas|maxReplicas)$|\.scaleStrategy/.test(c.path));
  const autoscaling = x.h.cluster.enableInTreeAutoscaling === true;
  const parts: string[] = [];
  if (replicas)
    parts.push(
      autoscaling
        ? ' With in-tree autoscaling the autoscaler owns the replica counts anyway.'
        : ' To apply a replica change, scale the RayCluster directly, or ship it together with a change that builds a new cluster.',
    );
  if (others) parts.push(' The running pods keep the old values: they take effect when a later change builds a new cluster.');
  return parts.join('');
}

/** Nothing rolls out: say what changed instead (nothing, metadata, settings) and which annotations the operator reads. */
function explainNoRollout(x: UpdateFacts): Reason[] {
  if (x.change !== 'none') return [];
  const out: Reason[] = [];
  if (x.changes.length === 0)
    out.push(
      reason(
        'none.formatting-only',
        'No change reaches the operator: the manifests differ only in formatting, key order, comments or equivalent values (equal quantities, CRD defaults written out).',
      ),
    );
  else if (x.changes.every((c) => c.rule.startsWith('metadata.')))
    out.push(reason('none.metadata-only', 'Only the RayService metadata changed: no generation bump, not copied to the RayClusters, nothing rolls out.'));
  else
    out.push(
      reason(
        'none.settings-only',
        `Only RayService settings changed (${summarizePaths(x.changes.map((c) => c.path))}): they take effect on the next reconcile; no cluster rolls out.`,
      ),
    );
  // The annotations the operator reads, by name from the manifests (not from the rendered paths).
  if (x.changes.some((c) => c.rule === RULE_ANNOTATION_READ)) {
    const before = annotationsOf(x.b);
    const after = annotationsOf(x.h);
    for (const name of x.release.meaningfulAnnotations) {
      if (JSON.stringify(before[name]) !== JSON.stringify(after[name]))
        out.push(reason(RULE_ANNOTATION_READ, `Annotation ${name} is read by the operator: it changes how it treats this RayService from now on.`));
    }
  }
  return out;
}

/** Changed rayClusterConfig fields, named relative to rayClusterConfig. */
function clusterFields(list: readonly FieldChange[]): string {
  return summarizePaths(list.map((c) => c.path.replace(/^spec\.rayClusterConfig\./, '')));
}

function summarizePaths(paths: string[], max = 4): string {
  const uniq = [...new Set(paths)];
  return uniq.length <= max ? uniq.join(', ') : `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}

function annotationsOf(r: ReadManifest): Record<string, unknown> {
  const a = metadataOf(r).annotations;
  return a && typeof a === 'object' ? a : {};
}
