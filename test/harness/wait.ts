// Polling: the one waiting primitive of the harness and the tests.
export interface WaitOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** Poll interval (default 250 ms). */
  intervalMs?: number;
  /** Says what was awaited, for the timeout error. */
  description?: string;
}

export class WaitTimeoutError extends Error {
  constructor(
    message: string,
    readonly lastValue: unknown,
    readonly lastError: unknown,
  ) {
    super(message);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Calls `probe` until it returns something other than undefined/null/false, and returns that. A probe
 * that throws counts as "not yet" (the apiserver may be restarting); the last error and value are in
 * the timeout error's message.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, opts: WaitOptions = {}): Promise<Exclude<T, undefined | null | false>> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const intervalMs = opts.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  let lastValue: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      lastValue = v;
      lastError = undefined;
      if (v !== undefined && v !== null && v !== false) return v as Exclude<T, undefined | null | false>;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const what = opts.description ?? 'condition';
      const detail = lastError ? `last error: ${(lastError as Error).message ?? lastError}` : `last value: ${short(lastValue)}`;
      throw new WaitTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`, lastValue, lastError);
    }
    await new Promise((r) => setTimeout(r, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 500 ? `${s.slice(0, 500)}…` : s;
}
