/**
 * What the operator compares the head with: the live RayService's spec, with the cluster spec of the
 * PENDING RayCluster when an upgrade is in progress, else the active one (`shouldPrepareNewCluster`,
 * `shouldUpdateCluster`); and whether the RayService is in a state where KubeRay applies nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import { comparisonBase, hashedView } from '../../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../../kuberay/releases.js';
import { storedSpec } from '../../kuberay/stored-spec.js';
import type { RayServiceManifest } from '../../manifests/rayservice.js';
import type { KubeCondition } from '../../util/kube-object.js';
import { isPlainObject } from '../../util/objects.js';
import { type Note, type Reason, reason } from '../types.js';
import type { KubeObject, LiveService, RayServiceObject } from './facts.js';

export interface ComparisonTarget {
  /** The live RayService, when it exists and could be read. */
  readonly found: RayServiceObject | undefined;
  /** The base to plan against: Git's, the live one, or none (the apply builds the first cluster). */
  readonly base: RayServiceManifest | undefined;
  /** The RayCluster compared with, by name. */
  readonly comparedWith: string | undefined;
  /** Why KubeRay applies nothing in the RayService's current state, if it does not. */
  readonly halted: Reason | undefined;
  readonly activeName: string | undefined;
  readonly pendingName: string | undefined;
}

/** Notes on what was compared, and why, go into `notes`. */
export function compareWithLive(
  gitBase: RayServiceManifest | undefined,
  gitHead: RayServiceManifest | undefined,
  live: LiveService | undefined,
  release: KubeRayRelease,
  notes: Note[],
): ComparisonTarget {
  const found = live?.rayService ?? undefined;
  if (live && found) return compareWithLiveRayService(found, live, gitBase, gitHead, release, notes);
  const none = { found, comparedWith: undefined, halted: undefined, activeName: undefined, pendingName: undefined };
  if (live && live.rayService === null && gitBase && gitHead) {
    notes.push(reason('live.absent', "In Git's base but not in the cluster: the apply creates it (a new RayCluster, whatever the strategy)."));
    return { ...none, base: undefined };
  }
  if (!live) notes.push(reason('live.unreadable', "The live RayService could not be read: compared with Git's base only."));
  return { ...none, base: gitBase };
}

function compareWithLiveRayService(
  found: RayServiceObject,
  live: LiveService,
  gitBase: RayServiceManifest | undefined,
  gitHead: RayServiceManifest | undefined,
  release: KubeRayRelease,
  notes: Note[],
): ComparisonTarget {
  const activeName = nonEmpty(found.status?.activeServiceStatus?.rayClusterName);
  const pendingName = nonEmpty(found.status?.pendingServiceStatus?.rayClusterName);
  const { spec, comparedWith } = compareWithPendingCluster(found, live, pendingName, release, notes);
  // Git's metadata, never the live object's: annotations such as kubectl's last-applied-configuration
  // hold whole manifests (env values included), and other tools' labels are not this change's business.
  const shape = gitBase ?? gitHead!;
  let base: RayServiceManifest | undefined = { ...shape, object: { ...shape.object, spec } };
  // Removed from Git: nothing is built, the base stays what is planned against.
  if (!activeName && !pendingName && gitHead) {
    // No cluster yet (the operator has not got to it, or refused the spec): with neither an active
    // nor a pending cluster, shouldPrepareNewCluster builds the first one from whatever spec it sees.
    base = undefined;
    notes.push(reason('live.no-cluster-yet', 'The RayService exists but has no RayCluster yet: the operator builds its first one from this spec.'));
  }
  const halted = stateWhereKubeRayAppliesNothing(found);
  if (conditionOf(found, 'RollbackInProgress')?.status === 'True') {
    notes.push(
      reason(
        'live.rollback-in-progress',
        'A rollback is in progress (RollbackInProgress): KubeRay routes traffic back to the active cluster and prepares no new cluster until it has finished.',
      ),
    );
  }
  return { found, base, comparedWith, halted, activeName, pendingName };
}

/**
 * The live RayService's spec with the cluster spec the operator compares with: the pending cluster
 * if there is one, else the active one. A pending name whose RayCluster does not exist yet is created
 * from the RayService's own spec on the operator's next pass: that spec is then the reference.
 */
function compareWithPendingCluster(
  found: RayServiceObject,
  live: LiveService,
  pendingName: string | undefined,
  release: KubeRayRelease,
  notes: Note[],
): { spec: Record<string, unknown>; comparedWith: string | undefined } {
  const target = pendingName ? live.pending : live.active;
  const spec = { ...(found.spec ?? {}) } as Record<string, unknown>;
  if (!target || !isPlainObject(target.spec)) return { spec, comparedWith: pendingName };
  const rsCluster = storedCluster(found.spec?.rayClusterConfig, release);
  const clusterSpec = storedCluster(target.spec, release);
  spec.rayClusterConfig = comparisonBase(clusterSpec, rsCluster, release);
  const comparedWith = String(target.metadata?.name);
  if (!isDeepStrictEqual(hashedView(clusterSpec, release), hashedView(rsCluster, release))) {
    notes.push(
      reason(
        'live.cluster-differs-from-service',
        `RayCluster ${comparedWith} runs a spec that differs from the RayService's in fields KubeRay hashes: a change the operator ignored (upgrade strategy None, or zero-downtime off), or an edit of the RayCluster itself. KubeRay compares with the hash it stored when it built the cluster; this plan assumes the cluster runs the spec it was built from — after a direct edit of the RayCluster, the operator sees no change where this plan does.`,
      ),
    );
  }
  return { spec, comparedWith };
}

/** Being deleted, or the terminal InitializingTimeout: the operator reconciles nothing of a change. */
function stateWhereKubeRayAppliesNothing(found: RayServiceObject): Reason | undefined {
  if (found.metadata?.deletionTimestamp) {
    return reason(
      'live.being-deleted',
      'The RayService is being deleted in the cluster: the operator only cleans up, and the apply changes nothing until the deletion finishes.',
    );
  }
  if (conditionOf(found, 'Ready')?.reason === 'InitializingTimeout') {
    return reason(
      'live.initializing-timeout',
      'The RayService is in the terminal state InitializingTimeout (Ready=False): KubeRay no longer reconciles it, so this change is not applied. Delete and re-create the RayService to recover.',
    );
  }
  return undefined;
}

/** A RayCluster spec as the API server stores it (defaults applied); as read when it cannot be. */
export function storedCluster(rayClusterConfig: unknown, release: KubeRayRelease): Record<string, unknown> {
  try {
    const spec = storedSpec({ rayClusterConfig: rayClusterConfig ?? {} }, release.minor);
    return isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
  } catch {
    return isPlainObject(rayClusterConfig) ? rayClusterConfig : {};
  }
}

function conditionOf(o: KubeObject, type: string): KubeCondition | undefined {
  return ((o.status?.conditions ?? []) as KubeCondition[]).find((c) => c.type === type);
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
