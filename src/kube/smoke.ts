/**
 * Sends a RayService's smoke requests after its rollout, through the API server's service proxy to
 * KubeRay's serve Service (`<rayservice>-serve-svc`, port `serve`: the Service that follows the
 * active cluster), each retried until it answers right or the smoke deadline passes. Judging and
 * retry timing are src/rollout/smoke.ts's; this only sends and waits.
 */
import type { ServiceSmoke, SmokeRequest } from '../settings/smoke-file.js';
import { describeRequest, judgeAnswer, nextTry, type SmokeOutcome } from '../rollout/smoke.js';
import type { Connection } from './connection.js';
import { DEFAULT_PROXY_LIMITS, sendThroughServiceProxy } from './service-proxy.js';

/** KubeRay's serve Service of a RayService (utils.GenerateServeServiceName) and its port name. */
export function serveServiceOf(rayService: string): { service: string; port: string } {
  return { service: `${rayService}-serve-svc`, port: 'serve' };
}

export interface SmokeRunOptions {
  readonly conn: Connection;
  readonly smoke: ServiceSmoke;
  readonly log?: (text: string) => void;
  /** The clock (tests). */
  readonly now?: () => number;
}

/** Every request in order; each one's last answer. */
export async function runSmoke(opts: SmokeRunOptions): Promise<SmokeOutcome[]> {
  const now = opts.now ?? Date.now;
  const deadline = Math.min(now() + opts.smoke.deadlineMs, opts.conn.deadline.at);
  const out: SmokeOutcome[] = [];
  for (const request of opts.smoke.requests) out.push(await tryRequest(opts, request, deadline, now));
  return out;
}

async function tryRequest(opts: SmokeRunOptions, request: SmokeRequest, deadline: number, now: () => number): Promise<SmokeOutcome> {
  const { service, port } = serveServiceOf(opts.smoke.name);
  for (let tries = 1; ; tries++) {
    const limits = { ...DEFAULT_PROXY_LIMITS, timeoutMs: opts.smoke.timeoutMs };
    const answer = await sendThroughServiceProxy(opts.conn, { namespace: opts.smoke.namespace, service, port, ...request }, limits);
    const check = judgeAnswer(request, answer);
    const next = check.ok ? undefined : nextTry(tries, now(), deadline);
    if (next === undefined) return { request, answer, check, tries };
    opts.log?.(`smoke: ${describeRequest(request)}: ${check.why}; trying again`);
    await new Promise((r) => setTimeout(r, Math.max(0, next - now())));
  }
}
