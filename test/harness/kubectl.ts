// A tiny kubectl for tests: apply YAML with server-side apply, get/list/delete/patch by kubectl-style
// resource names, wait for conditions, record what happened to a resource type over time.
import { parseAllDocuments } from 'yaml';
import { Informer, type InformerEventType } from './kube/informer.js';
import { isNotFound, KubeRest, type KubeObject } from './kube/rest.js';
import { Discovery, collectionPath, objectPath, type ResourceType } from './kube/resources.js';
import { waitFor, type WaitOptions } from './wait.js';

/** "RayService", "rayservices", "rayservice", a shortName, or "rayservices.ray.io". */
export type KindName = string | { apiVersion: string; kind: string };

export interface ApplyOptions {
  /** Namespace for documents without one (default: the helper's default namespace). */
  namespace?: string;
  /** Field manager (default 'test'). */
  fieldManager?: string;
}

export interface ListOptions {
  namespace?: string;
  /** true: all namespaces. */
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface DeleteOptions {
  namespace?: string;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  /** Wait until the object is gone (default false). */
  wait?: boolean | WaitOptions;
}

/** One change observed by a recording. */
export interface RecordedEvent {
  at: number;
  type: InformerEventType;
  object: KubeObject;
  old: KubeObject | undefined;
}

export interface Recording {
  readonly events: RecordedEvent[];
  /** Events since a time (ms since epoch), e.g. since the apply under test. */
  since(at: number): RecordedEvent[];
  /** Objects currently known (the recording's cache). */
  current(): KubeObject[];
  stop(): Promise<void>;
}

export class Kubectl {
  readonly rest: KubeRest;
  private readonly discovery: Discovery;
  private readonly recordings = new Set<Informer>();

  constructor(
    server: string,
    token: string,
    readonly defaultNamespace = 'default',
  ) {
    this.rest = new KubeRest(server, token, 'rayservice-rollout-test');
    this.discovery = new Discovery(this.rest);
  }

  /** Stops every recording still running and closes pooled connections. */
  async close(): Promise<void> {
    await Promise.all([...this.recordings].map((i) => i.stop()));
    this.recordings.clear();
    this.rest.close();
  }

  resolve(kind: KindName): Promise<ResourceType> {
    return this.discovery.resolve(kind);
  }

  /**
   * Server-side applies every document of a YAML string (or objects), like
   * `kubectl apply --server-side --force-conflicts --field-manager=test`. Returns the objects as stored
   * (metadata.generation tells which generation a change produced).
   */
  async apply(input: string | KubeObject | KubeObject[], opts: ApplyOptions = {}): Promise<KubeObject[]> {
    const docs = typeof input === 'string' ? parseYamlDocuments(input) : Array.isArray(input) ? input : [input];
    const out: KubeObject[] = [];
    for (const doc of docs) {
      const type = await this.resolve({ apiVersion: doc.apiVersion, kind: doc.kind });
      const ns = type.namespaced ? (doc.metadata?.namespace ?? opts.namespace ?? this.defaultNamespace) : undefined;
      const body = type.namespaced ? { ...doc, metadata: { ...doc.metadata, namespace: ns } } : doc;
      out.push(await this.rest.apply(objectPath(type, doc.metadata.name, ns), body, opts.fieldManager ?? 'test'));
    }
    return out;
  }

  /** Creates an object (POST); fails if it exists. */
  async create(obj: KubeObject, namespace?: string): Promise<KubeObject> {
    const type = await this.resolve({ apiVersion: obj.apiVersion, kind: obj.kind });
    const ns = type.namespaced ? (obj.metadata?.namespace ?? namespace ?? this.defaultNamespace) : undefined;
    return this.rest.request('POST', collectionPath(type, ns), { body: obj });
  }

  /** The object; throws KubeApiError (status 404) if absent. */
  async get(kind: KindName, name: string, namespace?: string): Promise<KubeObject> {
    const type = await this.resolve(kind);
    return this.rest.get(objectPath(type, name, type.namespaced ? (namespace ?? this.defaultNamespace) : undefined));
  }

  /** The object, or undefined if absent. */
  async tryGet(kind: KindName, name: string, namespace?: string): Promise<KubeObject | undefined> {
    try {
      return await this.get(kind, name, namespace);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async list(kind: KindName, opts: ListOptions = {}): Promise<KubeObject[]> {
    const type = await this.resolve(kind);
    const ns = type.namespaced && !opts.allNamespaces ? (opts.namespace ?? this.defaultNamespace) : undefined;
    const list = await this.rest.get<{ items: KubeObject[] }>(collectionPath(type, ns), {
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
    });
    return list.items;
  }

  /** Deletes (404 is fine); with `wait`, until the object is gone. */
  async delete(kind: KindName, name: string, opts: DeleteOptions = {}): Promise<void> {
    const type = await this.resolve(kind);
    const ns = type.namespaced ? (opts.namespace ?? this.defaultNamespace) : undefined;
    try {
      await this.rest.request('DELETE', objectPath(type, name, ns), {
        body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: opts.propagationPolicy, gracePeriodSeconds: opts.gracePeriodSeconds },
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    if (opts.wait) {
      const w = typeof opts.wait === 'object' ? opts.wait : {};
      await waitFor(async () => (await this.rest.getOrUndefined(objectPath(type, name, ns))) === undefined, {
        description: `${type.kind} ${name} to be gone`,
        ...w,
      });
    }
  }

  /** Patches: 'merge' (default, RFC 7386), 'strategic' (core kinds only) or 'json' (RFC 6902). */
  async patch(
    kind: KindName,
    name: string,
    patch: unknown,
    opts: { namespace?: string; type?: 'merge' | 'strategic' | 'json'; subresource?: string } = {},
  ): Promise<KubeObject> {
    const type = await this.resolve(kind);
    const contentType = { merge: 'application/merge-patch+json', strategic: 'application/strategic-merge-patch+json', json: 'application/json-patch+json' }[
      opts.type ?? 'merge'
    ];
    return this.rest.request('PATCH', objectPath(type, name, type.namespaced ? (opts.namespace ?? this.defaultNamespace) : undefined, opts.subresource), {
      body: patch,
      contentType,
    });
  }

  /** Creates the namespace if missing. */
  async ensureNamespace(name: string): Promise<void> {
    if (await this.tryGet('Namespace', name)) return;
    try {
      await this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    } catch (e) {
      if (!(e instanceof Error && /409/.test(e.message))) throw e;
    }
  }

  /** Events in a namespace, oldest first, optionally about one object and/or of one reason. */
  async events(namespace: string, filter: { involvedObjectName?: string; reason?: string } = {}): Promise<KubeObject[]> {
    const items = await this.list('Event', {
      namespace,
      fieldSelector: filter.involvedObjectName ? `involvedObject.name=${filter.involvedObjectName}` : undefined,
    });
    return items.filter((e) => !filter.reason || e.reason === filter.reason).sort((a, b) => eventTime(a).localeCompare(eventTime(b)));
  }

  /**
   * Starts recording every change of a resource type (watch-based, so nothing between two polls is
   * missed): `const rec = await k.record('RayCluster', { namespace })` … `rec.since(t0)`.
   */
  async record(kind: KindName, opts: { namespace?: string; labelSelector?: string } = {}): Promise<Recording> {
    const type = await this.resolve(kind);
    const informer = new Informer(this.rest, type, { namespace: type.namespaced ? opts.namespace : undefined, labelSelector: opts.labelSelector });
    const events: RecordedEvent[] = [];
    informer.on((t, object, old) => events.push({ at: Date.now(), type: t, object, old }));
    this.recordings.add(informer);
    await informer.start();
    return {
      events,
      since: (at) => events.filter((e) => e.at >= at),
      current: () => informer.list(),
      stop: async () => {
        this.recordings.delete(informer);
        await informer.stop();
      },
    };
  }

  /** Polls `probe` until it returns a truthy value (see wait.ts). */
  waitFor<T>(probe: () => T | Promise<T>, opts?: WaitOptions): Promise<Exclude<T, undefined | null | false>> {
    return waitFor(probe, opts);
  }
}

function eventTime(e: KubeObject): string {
  return String(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? '');
}

export function parseYamlDocuments(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(`invalid YAML: ${d.errors[0]!.message}`);
      return d.toJS() as KubeObject | null;
    })
    .filter((d): d is KubeObject => d !== null && typeof d === 'object');
}
