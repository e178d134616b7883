/**
 * The GitHub API client the action uses, hardened against the API's faults: every request has a
 * timeout, 5xx answers and network errors are retried with backoff (@octokit/plugin-retry), rate
 * limits wait as long as GitHub says (@octokit/plugin-throttling), and all of it is bounded (a few
 * retries, a total time per call) so a sick API costs a job a minute, not its whole timeout.
 * `apiFault` names what went wrong so the action can say "rate limit" or "no write access"
 * instead of "internal error".
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

export interface ApiLimits {
  /** Deadline of one HTTP request (an API that never answers). */
  readonly requestTimeoutMs: number;
  /** Time one call may take with all its retries and rate-limit waits. */
  readonly callBudgetMs: number;
  /** Retries of a 5xx, a network error or a timeout. */
  readonly retries: number;
  /** One "second" of the retry backoff and of Retry-After: 1000 in production, smaller in tests. */
  readonly retryUnitMs: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = { requestTimeoutMs: 20_000, callBudgetMs: 90_000, retries: 3, retryUnitMs: 1_000 };

/**
 * The limits, with overrides from the environment. These variables exist for the action's tests
 * (a fault-injecting fake API must not cost minutes of backoff); workflows have no reason to set them.
 */
export function apiLimitsFromEnv(env: NodeJS.ProcessEnv): ApiLimits {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    requestTimeoutMs: num('RAYSERVICE_ROLLOUT_API_TIMEOUT_MS', DEFAULT_API_LIMITS.requestTimeoutMs),
    callBudgetMs: num('RAYSERVICE_ROLLOUT_API_BUDGET_MS', DEFAULT_API_LIMITS.callBudgetMs),
    retries: DEFAULT_API_LIMITS.retries,
    retryUnitMs: num('RAYSERVICE_ROLLOUT_API_RETRY_UNIT_MS', DEFAULT_API_LIMITS.retryUnitMs),
  };
}

type RequestFn = (options: RequestOptions) => Promise<unknown>;
interface RequestOptions {
  request?: { signal?: AbortSignal; deadline?: number; [k: string]: unknown };
  [k: string]: unknown;
}
interface Hooked {
  hook: { wrap(name: 'request', f: (request: RequestFn, options: RequestOptions) => Promise<unknown>): void };
}

/**
 * The time budget of one call, set once before the retry and throttling plugins see it: their
 * retries reuse the same options, so every attempt and every rate-limit wait reads one deadline.
 */
const callDeadline = (limits: ApiLimits) => (octokit: Hooked) => {
  octokit.hook.wrap('request', (request, options) => {
    // In place: before-after-hook hands every hook the one options object of the call.
    options.request = { ...options.request, deadline: Date.now() + limits.callBudgetMs };
    return request(options);
  });
};

/**
 * A fresh timeout for each attempt (registered first, so it runs inside the retry plugin), cut
 * short by the call's deadline. A 429 that is not the primary rate limit is GitHub's secondary
 * rate limit (its documentation says either 403 or 429); the throttling plugin knows it by its
 * message, so the message says so, and the plugin then honours Retry-After.
 */
const attemptTimeout = (limits: ApiLimits) => (octokit: Hooked) => {
  octokit.hook.wrap('request', async (request, options) => {
    const left = (options.request?.deadline ?? Number.POSITIVE_INFINITY) - Date.now();
    const ms = Math.max(1, Math.min(limits.requestTimeoutMs, left));
    // before-after-hook hands every hook the one options object of the call: it is changed in
    // place (a new object would not reach the request), with the caller's own signal kept.
    const own = (options.request?.timed ? options.request.callerSignal : options.request?.signal) as AbortSignal | undefined;
    const signal = AbortSignal.any([AbortSignal.timeout(ms), ...(own ? [own] : [])]);
    options.request = { ...options.request, timed: true, callerSignal: own, signal };
    try {
      return await request(options);
    } catch (e) {
      const err = e as { status?: number; message: string; cause?: unknown; response?: { headers?: Record<string, string> } };
      if ((err.cause as Error | undefined)?.name === 'TimeoutError') err.message = `the GitHub API did not answer within ${Math.round(ms / 100) / 10}s`;
      else if (err.status === 429 && err.response?.headers?.['x-ratelimit-remaining'] !== '0' && !/secondary rate/i.test(err.message))
        err.message = `${err.message} (secondary rate limit)`;
      throw e;
    }
  });
};

/** Waits for a rate limit only while the call's budget allows it, and at most twice. */
function mayWait(limits: ApiLimits, retryAfter: number, options: RequestOptions, retryCount: number): boolean {
  const deadline = options.request?.deadline ?? Number.POSITIVE_INFINITY;
  return retryCount < 2 && Date.now() + retryAfter * limits.retryUnitMs < deadline;
}

export function createOctokit(token: string, limits: ApiLimits = DEFAULT_API_LIMITS, log?: (text: string) => void): Octokit {
  const say = log ?? (() => {});
  return getOctokit(
    token,
    {
      retry: { retries: limits.retries, retryAfterBaseValue: limits.retryUnitMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: limits.retryUnitMs,
        onRateLimit: (retryAfter: number, options: RequestOptions, _o: unknown, retryCount: number) => {
          const wait = mayWait(limits, retryAfter, options, retryCount);
          say(`GitHub API rate limit reached (${options.method} ${options.url}): ${wait ? `retrying in ${retryAfter}s` : 'not waiting that long'}`);
          return wait;
        },
        onSecondaryRateLimit: (retryAfter: number, options: RequestOptions, _o: unknown, retryCount: number) => {
          const wait = mayWait(limits, retryAfter, options, retryCount);
          say(`GitHub API secondary rate limit (${options.method} ${options.url}): ${wait ? `retrying in ${retryAfter}s` : 'not waiting that long'}`);
          return wait;
        },
      },
    } as Parameters<typeof getOctokit>[1],
    attemptTimeout(limits) as never,
    retry as never,
    throttling as never,
    callDeadline(limits) as never,
  );
}

export type ApiFaultKind = 'rate-limit' | 'no-permission' | 'unavailable' | 'other';

export interface ApiFault {
  readonly kind: ApiFaultKind;
  /** The HTTP status, 0 when no answer came. */
  readonly status: number;
  /** One line for a person. */
  readonly text: string;
}

/** What an error of the GitHub API means for the user; undefined for an error that is not the API's. */
export function apiFault(e: unknown): ApiFault | undefined {
  const err = e as
    | { name?: string; status?: unknown; message?: unknown; cause?: unknown; response?: { headers?: Record<string, string | undefined> } }
    | undefined;
  if (!err || typeof err.status !== 'number' || (err.name !== 'HttpError' && err.name !== 'RequestError' && err.name !== 'AbortError')) return undefined;
  const status = err.status;
  const message = String(err.message ?? '').split('\n')[0]!;
  const headers = err.response?.headers ?? {};
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)))
    return { kind: 'rate-limit', status, text: `GitHub API rate limit (HTTP ${status}): ${message}` };
  if (status === 403 || status === 404) return { kind: 'no-permission', status, text: `HTTP ${status}: ${message}` };
  // A timed-out attempt (attemptTimeout worded it already): known by its cause, not by its words.
  const timedOut = (err.cause as Error | undefined)?.name === 'TimeoutError';
  if (status >= 500 || status === 429) return { kind: 'unavailable', status, text: timedOut ? message : `the GitHub API failed (HTTP ${status}): ${message}` };
  return { kind: 'other', status, text: `HTTP ${status}: ${message}` };
}
