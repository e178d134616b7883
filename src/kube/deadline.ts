/**
 * One deadline per command: the `--timeout` of apply and wait, a fixed one for plan --live. It
 * bounds every request of the command — the exec credential plugin, the API server stalling after
 * /version, lists, patches — so a command ends when it says it will, with a message naming what
 * did not answer instead of a hang.
 *
 * Requests are bounded twice, on purpose: the deadline's AbortSignal is handed to every request
 * (client-node passes it to fetch, and Node kills the credential plugin with it), which frees the
 * socket and the child process; and `within` races each call against the same deadline, so the
 * error says WHAT did not answer rather than "This operation was aborted".
 */
import { UserError } from '../util/user-error.js';

/** The deadline ran out while waiting for `what`. */
export class DeadlineError extends UserError {}

export class Deadline {
  readonly at: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  /** What is being waited for right now beneath the requests (the credential plugin), for blame. */
  private readonly pending = new Map<string, number>();

  /**
   * @param ms     how long from now; Infinity for none (the signal then never fires)
   * @param source what set it, for messages: "--timeout 30s"
   */
  constructor(
    readonly ms: number,
    readonly source: string,
  ) {
    this.at = Date.now() + ms;
    if (Number.isFinite(ms)) {
      this.timer = setTimeout(() => this.controller.abort(new DeadlineError(`${source} ran out`)), Math.max(0, ms));
      // A command that is done must not wait for its own deadline.
      this.timer.unref();
    }
  }

  /** Ends it now: what still runs under it (a credential plugin) is killed, requests are let go. */
  cancel(): void {
    clearTimeout(this.timer);
    this.controller.abort(new DeadlineError(`${this.source}: the command is done`));
  }

  static none(): Deadline {
    return new Deadline(Number.POSITIVE_INFINITY, 'no deadline');
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  remainingMs(): number {
    return Math.max(0, this.at - Date.now());
  }

  /** "within 30 s (--timeout 30s)": how the messages say which deadline. */
  describe(): string {
    return `within ${formatSeconds(this.ms)} (${this.source})`;
  }

  /**
   * Marks `what` as running until the returned function is called: a request that runs out of
   * time meanwhile blames it (the credential plugin, not "GET /version", did not answer).
   */
  busy(what: string): () => void {
    this.pending.set(what, (this.pending.get(what) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.pending.get(what) ?? 1) - 1;
      if (n > 0) this.pending.set(what, n);
      else this.pending.delete(what);
    };
  }

  /** What did not answer: what runs beneath the request if anything, else the request. */
  culprit(request: string): string {
    return this.pending.keys().next().value ?? request;
  }

  /**
   * `p`, or a DeadlineError naming `what` once the deadline has passed. An error that `p` itself
   * rejects with after the deadline (an aborted fetch, a killed plugin) becomes the same message.
   */
  within<T>(what: string, p: Promise<T>): Promise<T> {
    if (!Number.isFinite(this.ms)) return p;
    const expiredError = () => new DeadlineError(`${this.culprit(what)} did not answer ${this.describe()}`);
    if (this.expired) {
      p.catch(() => {});
      return Promise.reject(expiredError());
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        noteAbandoned();
        reject(expiredError());
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      p.then(
        (v) => {
          this.signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          this.signal.removeEventListener('abort', onAbort);
          // A DeadlineError of its own (the credential plugin) is the more precise one.
          reject(this.expired && !(e instanceof UserError) ? expiredError() : e);
        },
      );
    });
  }
}

export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return 'ever';
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}

let abandoned = 0;

/**
 * Requests given up on (a deadline or a per-read timeout ran out, a watch still connecting when
 * the rollout was decided) may hold a socket until the network gives up (a black-holed API
 * server: minutes). A command that is done should not wait for them: the CLI and the action exit
 * explicitly when this is non-zero.
 */
export function abandonedRequests(): number {
  return abandoned;
}

export function noteAbandoned(): void {
  abandoned++;
}
