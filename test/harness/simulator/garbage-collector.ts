// Plays kube-controller-manager's garbage collector, which does not run here: without it, a deleted
// RayCluster's pods and services would stay forever. Semantics kept from the real one:
// - an object whose every ownerReference points to an object that no longer exists (checked live against
//   the apiserver before deleting, because our caches may lag behind a just-created owner) is deleted;
// - an owner being deleted with propagationPolicy=Foreground (finalizer foregroundDeletion) loses its
//   dependents first, then the finalizer; with Orphan (finalizer orphan) its dependents lose the
//   ownerReference, then the finalizer.
import type { Informer } from '../kube/informer.js';
import type { Logger } from '../log.js';
import { isConflict, isNotFound, type KubeObject, type KubeRest } from '../kube/rest.js';
import { R, collectionPath, objectPath, wellKnownByKind, type ResourceType } from '../kube/resources.js';

/** Resource types without an informer that are still swept (autoscaler RBAC, ingresses, jobs, …). */
const LISTED_TYPES: ResourceType[] = [R.endpointslices, R.serviceaccounts, R.roles, R.rolebindings, R.jobs, R.ingresses, R.configmaps, R.secrets, R.rayjobs];

export interface GcDeletion {
  at: number;
  kind: string;
  namespace: string | undefined;
  name: string;
  reason: string;
}

export class SimGarbageCollector {
  private listed: KubeObject[] = [];
  private lastListAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly verifiedPresent = new Map<string, number>();
  /** What the collector deleted, oldest first (capped). */
  readonly deletions: GcDeletion[] = [];

  constructor(
    private readonly rest: KubeRest,
    private readonly informers: Informer[],
    private readonly log: Logger,
  ) {}

  start(): void {
    for (const inf of this.informers) {
      inf.on((type, obj) => {
        if (type === 'DELETED' || obj.metadata?.deletionTimestamp) this.sweepSoon();
      });
    }
    this.timer = setInterval(() => this.sweepSoon(), 1000);
    this.sweepSoon();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  sweepSoon(): void {
    if (this.stopped) return;
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = this.sweep()
      .catch((e) => {
        // The apiserver may be restarting; the next tick retries.
        if (!this.stopped) this.log(`garbage collection pass failed: ${(e as Error).message}`);
      })
      .finally(() => {
        this.sweeping = undefined;
        if (this.again) {
          this.again = false;
          setTimeout(() => this.sweepSoon(), 50);
        }
      });
  }

  private async refreshListed(): Promise<void> {
    if (Date.now() - this.lastListAt < 5000) return;
    this.lastListAt = Date.now();
    const lists = await Promise.all(
      LISTED_TYPES.map(async (t) => {
        try {
          const l = await this.rest.get<{ items: KubeObject[] }>(collectionPath(t));
          return l.items.map((o) => ({ ...o, apiVersion: t.group ? `${t.group}/${t.version}` : t.version, kind: t.kind }));
        } catch (e) {
          if (isNotFound(e)) return []; // e.g. CRD not installed
          throw e;
        }
      }),
    );
    this.listed = lists.flat();
  }

  private async sweep(): Promise<void> {
    await this.refreshListed();
    const objects = [...this.informers.flatMap((i) => i.list()), ...this.listed];
    const present = new Set(objects.map((o) => o.metadata?.uid as string));
    const dependentsOf = (uid: string) => objects.filter((o) => ((o.metadata?.ownerReferences ?? []) as KubeObject[]).some((r) => r.uid === uid));

    for (const owner of objects) {
      if (!owner.metadata?.deletionTimestamp) continue;
      const finalizers = (owner.metadata.finalizers ?? []) as string[];
      if (finalizers.includes('foregroundDeletion')) {
        const deps = dependentsOf(owner.metadata.uid);
        for (const d of deps)
          if (!d.metadata.deletionTimestamp) await this.delete(d, `foreground deletion of ${owner.kind} ${owner.metadata.name}`, 'Foreground');
        if (deps.length === 0) await this.removeFinalizer(owner, 'foregroundDeletion');
      } else if (finalizers.includes('orphan')) {
        for (const d of dependentsOf(owner.metadata.uid)) await this.dropOwnerRef(d, owner.metadata.uid);
        await this.removeFinalizer(owner, 'orphan');
      }
    }

    for (const obj of objects) {
      const refs = (obj.metadata?.ownerReferences ?? []) as KubeObject[];
      if (refs.length === 0 || obj.metadata.deletionTimestamp) continue;
      if (refs.some((r) => present.has(r.uid))) continue;
      let allGone = true;
      for (const r of refs) {
        if (!(await this.ownerGone(r, obj.metadata.namespace))) {
          allGone = false;
          break;
        }
      }
      if (allGone) await this.delete(obj, `owner ${refs.map((r) => `${r.kind} ${r.name}`).join(', ')} is gone`, 'Background');
    }
  }

  /** Live check, as the real collector does before deleting: 404 or a different uid means gone. */
  private async ownerGone(ref: KubeObject, namespace: string | undefined): Promise<boolean> {
    const verified = this.verifiedPresent.get(ref.uid);
    if (verified && Date.now() - verified < 5000) return false;
    const type = wellKnownByKind(ref.apiVersion, ref.kind);
    if (!type) return false; // unknown kind: never guess
    const live = await this.rest.getOrUndefined(objectPath(type, ref.name, type.namespaced ? namespace : undefined));
    if (live && live.metadata?.uid === ref.uid) {
      this.verifiedPresent.set(ref.uid, Date.now());
      return false;
    }
    return true;
  }

  private typeOf(obj: KubeObject): ResourceType | undefined {
    return wellKnownByKind(obj.apiVersion, obj.kind);
  }

  private async delete(obj: KubeObject, reason: string, propagationPolicy: 'Background' | 'Foreground'): Promise<void> {
    const type = this.typeOf(obj);
    if (!type) return;
    try {
      await this.rest.request('DELETE', objectPath(type, obj.metadata.name, obj.metadata.namespace), {
        body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy, preconditions: { uid: obj.metadata.uid } },
      });
      this.deletions.push({ at: Date.now(), kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, reason });
      if (this.deletions.length > 2000) this.deletions.splice(0, 500);
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
  }

  private async removeFinalizer(obj: KubeObject, finalizer: string): Promise<void> {
    const type = this.typeOf(obj);
    if (!type) return;
    const finalizers = ((obj.metadata.finalizers ?? []) as string[]).filter((f) => f !== finalizer);
    try {
      // JSON patch with a test op: only if the list is still what we saw (others may add finalizers).
      await this.rest.request('PATCH', objectPath(type, obj.metadata.name, obj.metadata.namespace), {
        contentType: 'application/json-patch+json',
        body: [
          { op: 'test', path: '/metadata/uid', value: obj.metadata.uid },
          { op: 'replace', path: '/metadata/finalizers', value: finalizers },
        ],
      });
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e) && !(e instanceof Error && /422|test/.test(e.message))) throw e;
    }
  }

  private async dropOwnerRef(obj: KubeObject, ownerUid: string): Promise<void> {
    const type = this.typeOf(obj);
    if (!type) return;
    const refs = ((obj.metadata.ownerReferences ?? []) as KubeObject[]).filter((r) => r.uid !== ownerUid);
    try {
      await this.rest.request('PATCH', objectPath(type, obj.metadata.name, obj.metadata.namespace), {
        contentType: 'application/json-patch+json',
        body: [
          { op: 'test', path: '/metadata/uid', value: obj.metadata.uid },
          { op: 'replace', path: '/metadata/ownerReferences', value: refs },
        ],
      });
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
  }
}
