/**
 * Server-side apply of RayServices: every manifest is validated by a server-side dry run before
 * any is applied, so one bad manifest applies nothing. Conflicts with other field managers are
 * forced only when asked.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Connection } from './connection.js';
import { formatInputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { serviceKey } from '../util/objects.js';
import { UserError } from '../util/user-error.js';
import { apiMessage, requestError, statusCode } from './request-errors.js';

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

export async function dryRunAll(conn: Connection, manifests: readonly RayServiceManifest[], opts: ApplyOptions): Promise<void> {
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
        refusals.push(formatInputError(m.source.file, m.source.lineOf([...m.pathInDocument, 'metadata', 'name']), serviceKey(m), apiMessage(e), hintFor(e)));
      }
    }),
  );
  if (refusals.length) throw new ApplyRefusedError(refusals.sort());
}

export async function applyAll(conn: Connection, manifests: readonly RayServiceManifest[], opts: ApplyOptions): Promise<Applied[]> {
  await dryRunAll(conn, manifests, opts);
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
            refusals.push(
              formatInputError(m.source.file, m.source.lineOf([...m.pathInDocument, 'metadata', 'name']), serviceKey(m), apiMessage(e), hintFor(e)),
            );
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
    out.push({ manifest: m, generation: stored.metadata.generation ?? 1, activeBefore: active || undefined, existed: before !== undefined });
  }
  return out;
}

function hintFor(e: unknown): string | undefined {
  const code = statusCode(e);
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
