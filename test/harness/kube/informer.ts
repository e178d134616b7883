// List + watch cache of one resource type, like client-go's informer but small: it relists on 410 Gone,
// re-watches from the last resourceVersion when a stream ends, and backs off while the apiserver is down
// (restartApiServer()), so the simulator survives apiserver restarts.
import { isGone, type KubeObject, type KubeRest, type WatchEvent } from './rest.js';
import { collectionPath, type ResourceType } from './resources.js';
import { stderrLogger, type Logger } from '../log.js';

export type InformerEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type InformerHandler = (type: InformerEventType, obj: KubeObject, old: KubeObject | undefined) => void;

export const keyOf = (obj: KubeObject): string => `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`;

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export class Informer {
  private readonly cache = new Map<string, KubeObject>();
  private readonly handlers: InformerHandler[] = [];
  private resourceVersion = '';
  private stopped = false;
  private current: { abort(): void } | undefined;
  private syncedResolve!: () => void;
  /** Resolves once the first list has been loaded into the cache. */
  readonly synced = new Promise<void>((r) => (this.syncedResolve = r));
  private loop: Promise<void> | undefined;

  constructor(
    private readonly rest: KubeRest,
    readonly type: ResourceType,
    private readonly opts: InformerOptions = {},
    private readonly log: Logger = stderrLogger,
  ) {}

  on(handler: InformerHandler): this {
    this.handlers.push(handler);
    return this;
  }

  /** Starts listing and watching; resolves when the cache holds the first list. */
  async start(): Promise<void> {
    this.loop ??= this.run();
    await this.synced;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.abort();
    await this.loop;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.cache.get(`${namespace ?? ''}/${name}`);
  }

  list(filter?: (o: KubeObject) => boolean): KubeObject[] {
    const all = [...this.cache.values()];
    return filter ? all.filter(filter) : all;
  }

  private emit(type: InformerEventType, obj: KubeObject, old: KubeObject | undefined): void {
    for (const h of this.handlers) {
      try {
        h(type, obj, old);
      } catch (e) {
        this.log(`${this.type.plural} handler threw: ${(e as Error).stack ?? e}`);
      }
    }
  }

  private query(): Record<string, string | undefined> {
    return { labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector };
  }

  private async relist(): Promise<void> {
    const list = await this.rest.get<{ metadata: { resourceVersion: string }; items: KubeObject[] }>(
      collectionPath(this.type, this.opts.namespace),
      this.query(),
    );
    const seen = new Set<string>();
    for (const item of list.items) {
      // Lists omit apiVersion/kind on items; restore them so handlers can tell objects apart.
      item.apiVersion ??= this.type.group ? `${this.type.group}/${this.type.version}` : this.type.version;
      item.kind ??= this.type.kind;
      const key = keyOf(item);
      seen.add(key);
      const old = this.cache.get(key);
      this.cache.set(key, item);
      if (!old) this.emit('ADDED', item, undefined);
      else if (old.metadata?.resourceVersion !== item.metadata?.resourceVersion) this.emit('MODIFIED', item, old);
    }
    for (const [key, old] of this.cache) {
      if (!seen.has(key)) {
        this.cache.delete(key);
        this.emit('DELETED', old, old);
      }
    }
    this.resourceVersion = list.metadata.resourceVersion;
  }

  private async run(): Promise<void> {
    let needList = true;
    let backoff = 100;
    while (!this.stopped) {
      try {
        if (needList) {
          await this.relist();
          needList = false;
          this.syncedResolve();
        }
        let gone = false;
        const handle = this.rest.watch(
          collectionPath(this.type, this.opts.namespace),
          {
            ...this.query(),
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: true,
            // Short server-side timeouts keep streams fresh; re-watching from the last RV is cheap.
            timeoutSeconds: 60 + Math.floor(Math.random() * 60),
          },
          (e) => {
            if (this.handleEvent(e) === 'gone') {
              gone = true;
              handle.abort();
            }
          },
        );
        this.current = handle;
        await handle.done;
        backoff = 100;
        if (gone) needList = true;
      } catch (e) {
        if (this.stopped) break;
        if (isGone(e)) needList = true;
        // Apiserver down or restarting: retry with a capped backoff.
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  }

  private handleEvent(e: WatchEvent): 'gone' | undefined {
    const obj = e.object;
    if (e.type === 'ERROR') {
      // A Status object; 410 means our resourceVersion is too old: relist.
      return obj?.code === 410 ? 'gone' : undefined;
    }
    const rv = obj?.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (e.type === 'BOOKMARK') return undefined;
    const key = keyOf(obj);
    const old = this.cache.get(key);
    if (e.type === 'DELETED') {
      this.cache.delete(key);
      this.emit('DELETED', obj, old);
    } else {
      this.cache.set(key, obj);
      this.emit(old ? 'MODIFIED' : 'ADDED', obj, old);
    }
    return undefined;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
