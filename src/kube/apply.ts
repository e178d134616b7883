/**
 * Server-side apply of RayServices: every manifest is validated by a server-side dry run before
 * any is applied, so one bad manifest applies nothing. Conflicts with other field managers are
 * forced only when asked.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Connection } from './connection.js';
import { formatInputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { pruneDecision, type PruneDecision } from '../planner/prune.js';
import { serviceKey } from '../util/objects.js';
import { UserError } from '../util/user-error.js';
import { apiMessage, requestError, statusCode } from './request-errors.js';
import { specChangedAt } from '../rollout/from-objects.js';
import type { KubeObject } from '../util/kube-object.js';

export { apiMessage, statusCode } from './request-errors.js';

export interface ApplyOptions {
  readonly fieldManager: string;
  readonly forceConflicts: boolean;
}

export interface Applied {
  readonly manifest: RayServiceManifest;
  /** metadata.generation after the apply (G). */
  readonly generation: number;
  /** status.activeServiceStatus.rayClusterName before the apply (A). */
  readonly activeBefore: string | undefined;
  /** The object existed before the apply. */
  readonly existed: boolean;
  /** The RayService as read right before the apply (its status: the health before the change). */
  readonly before?: KubeObject;
  /** When the apply changed the spec (the stored object's managedFields), ms. */
  readonly changedAt?: number;
}

/** The API server refused one or more manifests (the dry run): nothing was applied. */
export class ApplyRefusedError extends UserError {
  constructor(readonly refusals: string[]) {
    super(`the API server refused ${refusals.length} manifest(s); nothing was applied:\n${refusals.map((r) => `  ${r}`).join('\n')}`);
  }
}

export function objectToApply(m: RayServiceManifest): KubernetesObject {
  const o = structuredClone(m.object) as KubernetesObject & Record<string, unknown>;
  o.metadata = { ...(o.metadata ?? {}), namespace: m.namespace };
  delete (o as Record<string, unknown>).status;
  return o;
}

/**
 * The dry runs of everything a command changes: each server-side apply and each deletion of prune.
 * One refusal of either kind applies and deletes nothing.
 */
export async function dryRunAll(
  conn: Connection,
  manifests: readonly RayServiceManifest[],
  opts: ApplyOptions,
  deletions: readonly Deletion[] = [],
): Promise<void> {
  const [applies, deletes] = await Promise.all([applyRefusals(conn, manifests, opts), deleteAll(conn, deletions, 'All')]);
  const refusals = [...applies, ...deletes];
  if (refusals.length) throw new ApplyRefusedError(refusals.sort());
}

async function applyRefusals(conn: Connection, manifests: readonly RayServiceManifest[], opts: ApplyOptions): Promise<string[]> {
  const { k8s, kc } = conn;
  const api = k8s.KubernetesObjectApi.makeApiClient(kc);
  const refusals: string[] = [];
  await Promise.all(
    manifests.map(async (m) => {
      const what = `the server-side dry run of ${serviceKey(m)}`;
      try {
        await conn.deadline.within(
          what,
          api.patch(objectToApply(m), undefined, 'All', opts.fieldManager, opts.forceConflicts, k8s.PatchStrategy.ServerSideApply),
        );
      } catch (e) {
        // No answer at all says nothing about the manifest: the cluster is unreachable, or time ran out.
        if (statusCode(e) === undefined) throw requestError(e, what, conn.server);
        refusals.push(refusalOf(m, e));
      }
    }),
  );
  return refusals;
}

function refusalOf(m: RayServiceManifest, e: unknown): string {
  return formatInputError(m.source.file, m.source.lineOf([...m.pathInDocument, 'metadata', 'name']), serviceKey(m), apiMessage(e), hintFor(e));
}

/** `deletions`: prune's, dry-run together with the applies (nothing is applied when one is refused). */
export async function applyAll(
  conn: Connection,
  manifests: readonly RayServiceManifest[],
  opts: ApplyOptions,
  deletions: readonly Deletion[] = [],
): Promise<Applied[]> {
  await dryRunAll(conn, manifests, opts, deletions);
  const { k8s, kc } = conn;
  const api = k8s.KubernetesObjectApi.makeApiClient(kc);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  // Every RayService is read before any is patched: credentials that may patch but not get them
  // (a Role without `get`) are refused here with nothing applied, not with an internal error after
  // the dry run passed.
  const refusals: string[] = [];
  const befores = await Promise.all(
    manifests.map((m) => {
      const what = `GET RayService ${serviceKey(m)}`;
      return conn.deadline
        .within(what, custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: m.namespace, plural: 'rayservices', name: m.name }))
        .catch((e: unknown) => {
          if (statusCode(e) === 404) return undefined;
          if (statusCode(e) === 403) {
            refusals.push(refusalOf(m, e));
            return undefined;
          }
          throw requestError(e, what, conn.server);
        });
    }),
  );
  if (refusals.length) throw new ApplyRefusedError(refusals.sort());
  const out: Applied[] = [];
  for (const [i, m] of manifests.entries()) {
    const before = befores[i];
    const what = `the server-side apply of ${serviceKey(m)}`;
    const stored = (await conn.deadline
      .within(what, api.patch(objectToApply(m), undefined, undefined, opts.fieldManager, opts.forceConflicts, k8s.PatchStrategy.ServerSideApply))
      .catch((e: unknown) => {
        throw requestError(e, what, conn.server);
      })) as KubernetesObject & { metadata: { generation?: number } };
    const active = before?.status?.activeServiceStatus?.rayClusterName;
    const changedAt = specChangedAt(stored as KubeObject);
    out.push({
      manifest: m,
      generation: stored.metadata.generation ?? 1,
      activeBefore: active || undefined,
      existed: before !== undefined,
      ...(before ? { before: before as KubeObject } : {}),
      ...(changedAt !== undefined ? { changedAt } : {}),
    });
  }
  return out;
}

/** A RayService prune deletes: the base manifest (for messages) and the object read (its uid). */
export interface Deletion {
  readonly manifest: RayServiceManifest;
  /** A precondition: the object whose managedFields were read, not one re-created since under the same name. */
  readonly uid?: string;
}

/**
 * Reads each RayService removed from Git and decides, from its managedFields, whether prune may
 * delete it. A refusal to read (403) is a refusal like the dry run's: nothing is applied.
 */
export async function decidePrune(
  conn: Connection,
  removed: readonly RayServiceManifest[],
  fieldManager: string,
): Promise<{ manifest: RayServiceManifest; decision: PruneDecision }[]> {
  const custom = conn.kc.makeApiClient(conn.k8s.CustomObjectsApi);
  const refusals: string[] = [];
  const read = await Promise.all(
    removed.map(async (m) => {
      const what = `GET RayService ${serviceKey(m)}`;
      const live = await conn.deadline
        .within(what, custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: m.namespace, plural: 'rayservices', name: m.name }))
        .catch((e: unknown) => {
          if (statusCode(e) === 404) return null;
          if (statusCode(e) === 403) return void refusals.push(refusalOf(m, e));
          throw requestError(e, what, conn.server);
        });
      return { manifest: m, decision: live === undefined ? ({ action: 'gone' } as const) : pruneDecision(live as KubernetesObject, fieldManager) };
    }),
  );
  if (refusals.length) throw new ApplyRefusedError(refusals.sort());
  return read;
}

/**
 * DELETE each RayService (dryRun 'All': only the dry run; its refusals are returned). Foreground
 * propagation: the RayService stays, with deletionTimestamp set, until the garbage collector has
 * deleted its RayClusters (their ownerReferences block the owner's deletion) and their pods, so
 * "gone" means the capacity is free on every release — KubeRay 1.5 has no finalizer of its own and
 * with Background the RayService would vanish while its clusters still run. Already gone is fine.
 */
export async function deleteAll(conn: Connection, deletions: readonly Deletion[], dryRun?: 'All'): Promise<string[]> {
  const custom = conn.kc.makeApiClient(conn.k8s.CustomObjectsApi);
  const refusals: string[] = [];
  await Promise.all(
    deletions.map(async ({ manifest: m, uid }) => {
      const what = `${dryRun ? 'the dry run of ' : ''}DELETE RayService ${serviceKey(m)}`;
      const request = custom.deleteNamespacedCustomObject({
        ...{ group: 'ray.io', version: 'v1', namespace: m.namespace, plural: 'rayservices', name: m.name },
        propagationPolicy: 'Foreground',
        ...(dryRun ? { dryRun } : {}),
        ...(uid ? { body: { preconditions: { uid } } } : {}),
      });
      await conn.deadline.within(what, request).catch((e: unknown) => {
        if (statusCode(e) === 404) return;
        if (statusCode(e) === undefined || !dryRun) throw requestError(e, what, conn.server);
        refusals.push(refusalOf(m, e));
      });
    }),
  );
  return refusals;
}

function hintFor(e: unknown): string | undefined {
  const code = statusCode(e);
  if (code === 403 && /\bdelete\b/.test(apiMessage(e))) return 'prune deletes RayServices: grant `delete` on rayservices (docs/rbac.md), or run without prune';
  if (code === 409 && /kuberay-operator/.test(apiMessage(e))) {
    // Seen on the real operator (1.6.2): its finalizer update re-serializes the spec and so takes
    // ownership of the atomic workerGroupSpecs list; it never writes those fields again.
    return 'KubeRay took ownership of these fields when it added its finalizer and does not manage them afterwards: pass --force-conflicts (action input force-conflicts: true) to apply your manifest over them';
  }
  if (code === 409) return 'another field manager owns these fields: pass --force-conflicts to take them over';
  if (code === 403) return 'the credentials lack this permission: docs/rbac.md lists the rules rayservice-rollout needs (deploy/rbac.yaml)';
  if (code === 404) return 'is the KubeRay CRD installed, and does the namespace exist?';
  return undefined;
}
