/**
 * Values that look secret never leave the planner: env values, Serve runtime_env env_vars,
 * anything whose key names a password/token/key, and credentials inside URLs. A plan is printed
 * in logs, PR comments and job summaries, which are all more public than the cluster.
 */
import type { PathSegment } from '../manifests/yaml-documents.js';
import { isPlainObject } from '../util/objects.js';

export const REDACTED = '[redacted]';

const SECRET_KEY = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential|auth)/i;
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/@\s:]+):([^/@\s]+)@/gi;

/** Redacts a value that sits at `path` (of the manifest, or of the Serve config with a `serve:` prefix). */
export function redactAt(path: readonly PathSegment[], value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (isSecretPath(path)) return REDACTED;
  return redactDeep(value, path);
}

function isSecretPath(path: readonly PathSegment[]): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  // containers[].env[].value (valueFrom only names a Secret or ConfigMap: fine to show)
  const envIdx = path.lastIndexOf('env');
  if (envIdx >= 0 && typeof path[envIdx + 1] === 'number' && path[envIdx + 2] === 'value') return true;
  if (envIdx >= 0 && typeof path[envIdx + 1] === 'number' && path.length === envIdx + 2) return false; // whole entry: redacted deep
  // kubectl's copy of a whole earlier manifest (env values and all).
  if (last === 'kubectl.kubernetes.io/last-applied-configuration') return true;
  // Serve runtime_env.env_vars.X
  const ev = keys.indexOf('env_vars');
  if (ev >= 0 && keys.length > ev + 1) return true;
  return last !== undefined && SECRET_KEY.test(last);
}

function redactDeep(value: unknown, path: readonly PathSegment[]): unknown {
  if (typeof value === 'string') return value.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
  if (Array.isArray(value)) return value.map((v, i) => redactDeep(v, [...path, i]));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    const inEnvList = typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'env';
    for (const [k, v] of Object.entries(value)) {
      if (inEnvList && k === 'value') out[k] = REDACTED;
      else if (k === 'env_vars' && isPlainObject(v)) out[k] = Object.fromEntries(Object.keys(v).map((n) => [n, REDACTED]));
      else if (SECRET_KEY.test(k) && (typeof v === 'string' || typeof v === 'number')) out[k] = REDACTED;
      else out[k] = redactDeep(v, [...path, k]);
    }
    return out;
  }
  return value;
}
