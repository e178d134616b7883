/**
 * Keeps a local copy of one kind of object up to date: list, then watch from the list's
 * resourceVersion, resume from the last one seen when the connection drops, relist on 410 Gone,
 * and fall back to polling when watches keep failing. Counts the API requests it makes.
 */
import type { Connection } from './connection.js';
import { noteAbandoned } from './deadline.js';
import { requestError } from './request-errors.js';
import { type KubeObject, metadataOf } from '../util/kube-object.js';
import { UserError } from '../util/user-error.js';

export interface ReflectorSource {
  /** For messages, e.g. "rayclusters". */
  readonly name: string;
  /** LIST: the objects and the list's resourceVersion. Throws { code: 403 } when forbidden. */
  list(): Promise<{ items: KubeObject[]; resourceVersion: string }>;
  /** Watch path and query (labelSelector, fieldSelector). */
  readonly watchPath: string;
  readonly query: Record<string, string>;
}

export interface ReflectorOptions {
  readonly onChange: () => void;
  readonly countRequest: () => void;
  readonly pollIntervalMs: number;
  readonly log?: (line: string) => void;
}

export class Reflector {
  readonly items = new Map<string, KubeObject>();
  /** False when listing is forbidden: the snapshot leaves this kind out ("not watched"). */
  available = true;
  synced = false;
  private rv = '';
  private stopped = false;
  private abort: AbortController | undefined;
  /** A watch request is waiting for its response (client-node hands out its AbortController only after). */
  private connecting = false;
  private failures = 0;
  private pollTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly conn: Connection,
    private readonly source: ReflectorSource,
    private readonly opts: ReflectorOptions,
  ) {}

  async start(): Promise<void> {
    try {
      await this.relist();
    } catch (e) {
      // A connection cut or an apiserver restart during the FIRST list is as transient as one
      // during a watch (seen in the e2e suite: "fetch failed" killed the whole wait with exit 1):
      // retry like a failed watch; the deadline still bounds the wait. Refusals (401, 404, …) stay fatal.
      if (!isTransient(e) || this.stopped) throw requestError(e, `list ${this.source.name}`, this.conn.server);
      this.opts.log?.(`${this.source.name}: listing failed (${(e as Error)?.message ?? e}), retrying`);
      this.failures++;
      this.retry();
      return;
    }
    if (this.available && !this.stopped) this.watch();
  }

  stop(): void {
    this.stopped = true;
    // A watch still connecting cannot be aborted: it is abandoned (the CLI exits without waiting for it).
    if (this.connecting) noteAbandoned();
    this.abort?.abort();
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
  }

  private async relist(): Promise<void> {
    this.opts.countRequest();
    try {
      const { items, resourceVersion } = await this.conn.deadline.within(`list ${this.source.name}`, this.source.list());
      this.items.clear();
      for (const o of items) this.items.set(key(o), o);
      this.rv = resourceVersion;
      this.synced = true;
      this.opts.onChange();
    } catch (e) {
      if (statusOf(e) === 403) {
        this.available = false;
        this.opts.log?.(`no permission to list ${this.source.name}: watching without them`);
        this.opts.onChange();
        return;
      }
      throw e;
    }
  }

  private watch(): void {
    const w = new this.conn.k8s.Watch(this.conn.kc);
    // The client's default inactivity timeout (30 s) would reconnect every half minute on a quiet
    // rollout; the server ends the watch itself (timeoutSeconds) and a dead connection errors out.
    (w as unknown as { requestTimeoutMs: number }).requestTimeoutMs = 10 * 60_000;
    let sawEvent = false;
    let gone = false;
    const startedAt = Date.now();
    this.opts.countRequest();
    this.connecting = true;
    w.watch(
      this.source.watchPath,
      { ...this.source.query, allowWatchBookmarks: true, resourceVersion: this.rv, timeoutSeconds: 540 },
      (type, obj) => {
        if (type === 'ERROR') {
          if (obj?.code === 410) gone = true;
          return;
        }
        sawEvent = true;
        this.failures = 0;
        if (obj?.metadata?.resourceVersion) this.rv = obj.metadata.resourceVersion;
        if (type === 'BOOKMARK') return;
        if (type === 'DELETED') this.items.delete(key(obj));
        else this.items.set(key(obj), obj);
        this.opts.onChange();
      },
      (err) => {
        if (this.stopped) return;
        if (gone || statusOf(err) === 410) {
          this.opts.log?.(`${this.source.name}: resourceVersion too old (410 Gone), listing again`);
          this.relist().then(
            () => this.watch(),
            () => this.retry(),
          );
          return;
        }
        // A server-side timeout (no error) is the normal end of a long watch: resume at once. A
        // stream that ends at once, again and again, is a proxy cutting it: back off instead.
        if (!err && (sawEvent || Date.now() - startedAt > 5_000)) return this.watch();
        this.failures++;
        this.retry();
      },
    ).then(
      (ac) => {
        this.connecting = false;
        this.abort = ac;
        if (this.stopped) ac.abort();
      },
      () => {
        this.connecting = false;
        this.retry();
      },
    );
  }

  /** Back off, and poll meanwhile once watches keep failing (proxies that cut streams, 2 s). */
  private retry(): void {
    if (this.stopped) return;
    const delay = Math.min(250 * 2 ** this.failures, 5_000);
    if (this.failures >= 3 && !this.pollTimer) {
      this.opts.log?.(`${this.source.name}: watch keeps failing, polling every ${this.opts.pollIntervalMs / 1000} s`);
      this.pollTimer = setInterval(() => {
        this.relist().catch(() => undefined);
      }, this.opts.pollIntervalMs);
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        if (this.stopped) return;
        this.relist().then(
          () => {
            clearInterval(this.pollTimer);
            this.pollTimer = undefined;
            this.watch();
          },
          () => {
            this.failures++;
            this.retry();
          },
        );
      },
      this.pollTimer ? Math.max(delay, 10_000) : delay,
    );
  }
}

function key(o: KubeObject): string {
  const { namespace, name } = metadataOf(o);
  return `${namespace ?? ''}/${name ?? ''}`;
}

export function statusOf(e: unknown): number | undefined {
  const x = e as { code?: unknown; statusCode?: unknown; status?: unknown } | undefined;
  for (const v of [x?.code, x?.statusCode, x?.status]) if (typeof v === 'number') return v;
  return undefined;
}

/** No HTTP status (connection reset, refused, fetch failed), or one that a retry may cure. */
function isTransient(e: unknown): boolean {
  // The deadline ran out, the credential plugin failed: no retry cures those.
  if (e instanceof UserError) return false;
  const status = statusOf(e);
  return status === undefined || status === 429 || status >= 500;
}
