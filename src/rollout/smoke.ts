/**
 * Smoke requests, judged: whether an answer is what the smoke file expects, when to try again,
 * and what a rollout that KubeRay calls done but that does not answer right becomes. Pure: answers
 * and the time in, decisions out; src/kube/smoke.ts sends the requests.
 *
 * Right after a switch the serve Service may still have no ready endpoint, or the new cluster's
 * proxy may answer 503 until its replicas take traffic, so every request is retried until it
 * answers right or the smoke deadline passes; the last answer is the one reported.
 */
import { hint } from './wording.js';
import { parseJsonPath, type ServiceSmoke, type SmokeRequest } from '../settings/smoke-file.js';
import type { Diagnosis, Hint, ProgressLine, Verdict } from './types.js';

/** What came back: an HTTP answer (its body cut to a bound), or why none did. */
export type SmokeAnswer =
  | { readonly status: number; readonly body: string; readonly truncated: boolean; readonly ms: number }
  | { readonly error: string; readonly ms: number };

export interface SmokeCheck {
  readonly ok: boolean;
  /** Why not, in words (the expected and the actual). */
  readonly why?: string;
}

/** Each expectation of `r` against `a`. */
export function judgeAnswer(r: SmokeRequest, a: SmokeAnswer): SmokeCheck {
  if ('error' in a) return { ok: false, why: `no answer: ${a.error}` };
  if (a.status !== r.expect.status) return { ok: false, why: `answered ${a.status}, expected ${r.expect.status}` };
  if (r.expect.contains !== undefined && !a.body.includes(r.expect.contains))
    return { ok: false, why: `the answer does not contain ${JSON.stringify(r.expect.contains)}${a.truncated ? ' (in its first bytes read)' : ''}` };
  if (r.expect.json) {
    const got = jsonField(a.body, r.expect.json.path);
    if (!got.found) return { ok: false, why: `the answer has no JSON field ${r.expect.json.path}${got.why ? ` (${got.why})` : ''}` };
    if (JSON.stringify(got.value) !== JSON.stringify(r.expect.json.equals))
      return { ok: false, why: `${r.expect.json.path} is ${short(JSON.stringify(got.value))}, expected ${short(JSON.stringify(r.expect.json.equals))}` };
  }
  return { ok: true };
}

function jsonField(body: string, path: string): { found: boolean; value?: unknown; why?: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { found: false, why: 'the answer is not JSON' };
  }
  for (const step of parseJsonPath(path) ?? []) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return { found: false };
    value = (value as Record<string | number, unknown>)[step];
  }
  return { found: true, value };
}

const short = (s: string | undefined, n = 120) => (s === undefined ? 'undefined' : s.length > n ? `${s.slice(0, n)}…` : s);

/** Waits between tries: quick at first (the switch just happened), then every 2 s. */
export const RETRY_DELAYS_MS = [250, 500, 1000, 2000] as const;

/**
 * After a failed try (`attempt` counts from 1) at `now`: when to try again, or undefined when the
 * next try would start after `deadline` (the last answer stands).
 */
export function nextTry(attempt: number, now: number, deadline: number): number | undefined {
  const at = now + (RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)] ?? 2000);
  return at < deadline ? at : undefined;
}

/** One request's end: its last answer, what was wrong with it, after how many tries. */
export interface SmokeOutcome {
  readonly request: SmokeRequest;
  readonly answer: SmokeAnswer;
  readonly check: SmokeCheck;
  readonly tries: number;
}

/** `GET /fruit`: how a request is named (its headers never: their values are secrets). */
export function describeRequest(r: SmokeRequest): string {
  const names = Object.keys(r.headers);
  return `${r.method} ${r.route}${names.length ? ` (headers: ${names.join(', ')})` : ''}`;
}

const BODY_LINES = 12;

/** The lines of the diagnosis for one request: what was asked, what came back. */
export function describeOutcome(o: SmokeOutcome): string[] {
  const head = `${describeRequest(o.request)}: ${o.check.ok ? 'ok' : o.check.why} (${o.tries} ${o.tries === 1 ? 'try' : 'tries'})`;
  if (o.check.ok || 'error' in o.answer) return [head];
  const body = o.answer.body.split(/\r?\n/).filter((l) => l.trim());
  const shown = body.slice(0, BODY_LINES).map((l) => `  answer: ${short(l, 300)}`);
  if (body.length > BODY_LINES || o.answer.truncated) shown.push('  answer: … (cut)');
  return [head, ...(shown.length ? shown : ['  answer: (empty)'])];
}

export const HINT_SMOKE: Hint = hint('smoke-request-failed');

/** The rollout's progress line for the smoke requests. */
export function smokeLine(outcomes: readonly SmokeOutcome[], at: number, startedAt: number): ProgressLine {
  const bad = outcomes.filter((o) => !o.check.ok);
  const text = bad.length
    ? `smoke requests: ${bad.length} of ${outcomes.length} failed (${describeRequest(bad[0]!.request)}: ${bad[0]!.check.why})`
    : `smoke requests: ${outcomes.length} answered as expected`;
  return { at, elapsedMs: at - startedAt, text, ...(bad.length ? { warning: true } : {}) };
}

/**
 * The verdict after the smoke requests: unchanged (a line added) when every request answered
 * right; otherwise the rollout failed, with the answers in the diagnosis.
 */
export function withSmoke(verdict: Verdict, smoke: ServiceSmoke, outcomes: readonly SmokeOutcome[], at: number, startedAt: number): Verdict {
  const line = smokeLine(outcomes, at, startedAt);
  const timeline = [...verdict.timeline, line];
  const bad = outcomes.filter((o) => !o.check.ok);
  if (bad.length === 0) return { ...verdict, timeline };
  const diagnosis: Diagnosis = {
    ...(verdict.diagnosis ?? { missing: [], conditions: [], apps: [], pendingPods: [], warnings: [], hints: [] }),
    smoke: outcomes.flatMap(describeOutcome),
  };
  return {
    ...verdict,
    result: 'failed',
    summary: `${smoke.namespace}/${smoke.name}: rolled out, but ${describeRequest(bad[0]!.request)} ${bad[0]!.check.why}`,
    at,
    durationMs: at - startedAt,
    timeline,
    diagnosis: { ...diagnosis, hints: [HINT_SMOKE, ...diagnosis.hints.filter((h) => h.id !== HINT_SMOKE.id)] },
  };
}
