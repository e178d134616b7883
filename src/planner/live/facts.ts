/**
 * What a cluster-aware plan reads from the cluster, as plain data: the shell (src/kube/cluster-facts.ts)
 * fills it, the pure planner (cluster-plan.ts) reads it. Every part is optional: whatever could not be
 * read is `undefined` and explained in `notes`, and the plan falls back to what Git alone tells.
 */

import type { KubeObject as TypedKubeObject, UnknownMap } from '../../util/kube-object.js';
import type { Note } from '../types.js';

/** A Kubernetes object as the API returns it: typed metadata; spec and status are maps whose fields are narrowed where read. */
export type KubeObject = TypedKubeObject<UnknownMap, UnknownMap>;

/** `status.activeServiceStatus` / `status.pendingServiceStatus`: the part of them that names a cluster. */
export interface ServiceStatusObject extends UnknownMap {
  /** "" or absent when there is no such cluster. */
  readonly rayClusterName?: string;
}

/** A RayService's status as far as the planner reads it by name (the CRD's schema guarantees these types). */
export interface RayServiceStatusObject extends UnknownMap {
  readonly activeServiceStatus?: ServiceStatusObject;
  readonly pendingServiceStatus?: ServiceStatusObject;
}

export type RayServiceObject = TypedKubeObject<UnknownMap, RayServiceStatusObject>;

export interface LiveService {
  /** The RayService, or null when it does not exist. */
  readonly rayService: RayServiceObject | null;
  /** RayClusters named by its status (absent when they could not be read or are gone). */
  readonly active?: KubeObject;
  readonly pending?: KubeObject;
  /** The pods of those clusters, bound or not (absent when they could not be read): its health before the change. */
  readonly pods?: readonly KubeObject[];
}

export type DryRunOutcome =
  /** The object as the API server would store it; `conflict` when only a forced apply succeeds. */
  | { readonly ok: true; readonly object: KubeObject; readonly conflict?: string }
  /** Refused: the API server's message and its field causes (`spec.x[0].y`). */
  | { readonly ok: false; readonly message: string; readonly causes: readonly { readonly field?: string; readonly message: string }[] }
  /** Could not be run (no permission, a namespace not there yet, …): the reason goes into notes (`live.no-dry-run`). */
  | { readonly ok: 'not-run'; readonly why: DryRunNotRun };

/** Why the dry run did not run: HTTP 403, HTTP 404 (the API server's message), or another failure's message. */
export type DryRunNotRun =
  | { readonly because: 'forbidden'; readonly namespace: string }
  | { readonly because: 'not-found' | 'failed'; readonly message: string };

export interface ClusterFacts {
  /** API server host or kubeconfig context, for display (never credentials). */
  readonly server: string;
  readonly notes: readonly Note[];
  /** Keyed by identity (namespace/name); missing key = could not be read. */
  readonly services: ReadonlyMap<string, LiveService>;
  readonly dryRuns: ReadonlyMap<string, DryRunOutcome>;
  /** Deployments of the KubeRay operator (undefined: not readable). */
  readonly operatorDeployments?: readonly KubeObject[];
  readonly nodes?: readonly KubeObject[];
  /** Pods bound to nodes and not terminated, all namespaces. */
  readonly pods?: readonly KubeObject[];
  /** ResourceQuotas of the namespaces the plan touches (undefined: not readable). */
  readonly quotas?: readonly KubeObject[];
  /** kube-system/cluster-autoscaler-status: null = absent, undefined = not readable. */
  readonly autoscalerStatus?: KubeObject | null;
}
