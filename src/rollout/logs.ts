/**
 * Log lines for a failed rollout's diagnosis: from the head pod's output, the Serve lines (the
 * controller deploying and failing applications, the proxy's requests); from the KubeRay
 * operator's output, the lines about this RayService and its RayClusters. Pure: text in, bounded
 * lines out; src/kube/pod-logs.ts reads the logs.
 *
 * Every line is the cluster's words: cut to a length, secrets redacted, controls made visible,
 * and only the last few kept, so a chatty or hostile log cannot flood the comment.
 */
import { hint } from './wording.js';
import { neutralizeLine } from '../util/neutralize.js';
import { redactSecrets } from '../util/redact.js';
import type { Hint, LogExcerpt, Verdict } from './types.js';

export const MAX_LOG_LINES = 25;
const MAX_LINE = 400;

/** Ray Serve's components as they name themselves in a log line (and the actors' prefixes). */
const SERVE_LINE = /\b(?:serve|ServeController|ServeReplica|ProxyActor|deployment_state|application_state)\b|\b(?:controller|proxy|replica) \S+ -- /i;

/** The Serve lines of a head container's output, the last `max`. */
export function serveLines(text: string, max = MAX_LOG_LINES): string[] {
  return bound(
    text.split('\n').filter((l) => SERVE_LINE.test(l)),
    max,
  );
}

/**
 * The operator's lines about RayService `namespace/name`: KubeRay logs the object it reconciles as
 * `"RayService": {"name":"…","namespace":"…"}` (console encoder) or `"RayService":{"name":…}`
 * (JSON encoder), and names its clusters `<name>-<5 characters>`.
 */
export function operatorLines(text: string, namespace: string, name: string, max = MAX_LOG_LINES): string[] {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = new RegExp(`"(?:name|rayCluster|RayCluster)"\\s*:\\s*"${esc}(?:-[a-z0-9]{5})?"|\\b${namespace}/${esc}(?:-[a-z0-9]{5})?\\b`);
  const inNamespace = new RegExp(`"namespace"\\s*:\\s*"${namespace}"|\\b${namespace}/`);
  return bound(
    text.split('\n').filter((l) => names.test(l) && inNamespace.test(l)),
    max,
  );
}

/** Times, request ids and uuids: what differs between two lines that say the same thing. */
const VARYING = /\d{4}-\d\d-\d\d[T ][\d:.,]+Z?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A line said again (the operator's reconcile every 2 s, the proxy's access line of each retry) is
 * kept once, where it was last said, with how often: the lines that differ fit in the bound.
 */
function dedupe(lines: readonly string[]): string[] {
  const last = new Map<string, { line: string; index: number; count: number }>();
  lines.forEach((line, index) => {
    const key = line.replace(VARYING, '');
    last.set(key, { line, index, count: (last.get(key)?.count ?? 0) + 1 });
  });
  return [...last.values()].sort((a, b) => a.index - b.index).map((e) => (e.count > 1 ? `${e.line} (×${e.count})` : e.line));
}

function bound(lines: readonly string[], max: number): string[] {
  return dedupe(lines.filter((l) => l.trim()).map((l) => l.trimEnd()))
    .slice(-max)
    .map((l) => {
      const line = neutralizeLine(redactSecrets(l));
      return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
    });
}

/** An excerpt, or the note that says why there is none. */
export function excerpt(source: string, lines: readonly string[], empty: string): LogExcerpt {
  return { source, lines: lines.length ? lines : [`(${empty})`] };
}

/** When the credentials may not read pod logs: what the diagnosis would have shown, and the rule to add. */
export const HINT_LOGS_FORBIDDEN: Hint = hint('pod-logs-forbidden');

/**
 * The verdict of a failed rollout with the log excerpts in its diagnosis; refused logs add the
 * hint that names the rule. A verdict without a diagnosis (success) is returned as it is.
 */
export function withLogs(verdict: Verdict, logs: readonly LogExcerpt[], forbidden: boolean): Verdict {
  if (!verdict.diagnosis || (logs.length === 0 && !forbidden)) return verdict;
  const hints = forbidden ? [...verdict.diagnosis.hints.filter((h) => h.id !== HINT_LOGS_FORBIDDEN.id), HINT_LOGS_FORBIDDEN] : verdict.diagnosis.hints;
  return { ...verdict, diagnosis: { ...verdict.diagnosis, ...(logs.length ? { logs } : {}), hints } };
}
