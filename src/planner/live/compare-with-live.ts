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
import { type Note, note, type Reason, reason } from '../types.js';
import type { KubeObject, LiveService, RayServiceObject } from './facts.js';

export interface ComparisonTarget {
  /** The live RayService, when it exists and could be read. */
  readonly found: RayServiceObject | undefined;
  /** The base to plan against: Git's, the live one, or none (the apply builds the first cluster). */
  readonly base: RayServiceManifest | undefined;
  /** The RayCluster compared with, by name. */
  readonly comparedWith: string | undefined;
  /** Why KubeRay applies nothing in the RayService's current state, if it does not. */
  readonly halted: Halted | undefined;
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
    notes.push(note('live.absent'));
    return { ...none, base: undefined };
  }
  if (!live) notes.push(note('live.unreadable'));
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
    notes.push(note('live.no-cluster-yet'));
  }
  const halted = stateWhereKubeRayAppliesNothing(found);
  if (conditionOf(found, 'RollbackInProgress')?.status === 'True') {
    notes.push(note('live.rollback-in-progress'));
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
    notes.push(note('live.cluster-differs-from-service', { cluster: comparedWith }));
  }
  return { spec, comparedWith };
}

/** Why KubeRay applies nothing of a change in the RayService's state (its rule words the overridden reasons). */
export type Halted = Reason & { readonly rule: 'live.being-deleted' | 'live.initializing-timeout' };

/** Being deleted, or the terminal InitializingTimeout: the operator reconciles nothing of a change. */
function stateWhereKubeRayAppliesNothing(found: RayServiceObject): Halted | undefined {
  if (found.metadata?.deletionTimestamp) {
    return reason('live.being-deleted');
  }
  if (conditionOf(found, 'Ready')?.reason === 'InitializingTimeout') {
    return reason('live.initializing-timeout');
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
