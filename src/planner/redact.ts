/**
 * Values that look secret never leave the planner: env values, Serve runtime_env env_vars, values
 * under secret-named keys at any depth (Serve user_config included), the value after a secret-named
 * flag in a container's args or command, registry credentials in annotations, and — in every other
 * string — whatever the text pass (util/redact) finds. A plan is printed in logs, PR comments and
 * job summaries, which are all more public than the cluster.
 *
 * The walk is linear in the size of the value: it carries the few facts it needs about where a value
 * sits (its key, the key above, whether a key above names a secret) instead of copying paths.
 */
import type { PathSegment } from '../manifests/yaml-documents.js';
import { isPlainObject } from '../util/objects.js';
import { REDACTED, isNamingName, isRegistryCredential, isSecretName, redactSecrets } from '../util/redact.js';
import { valueAt } from '../util/structural-diff.js';

export { REDACTED };

/** kubectl's copy of a whole earlier manifest (env values and all). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Container fields whose lists are a command line. */
const ARGV_KEYS = new Set(['args', 'command']);

/** Where a value sits. */
interface Place {
  /** The map key it is under (for a list element: the list's key). */
  readonly key: string | undefined;
  /** The map key above that. */
  readonly parent: string | undefined;
  /** A list element. */
  readonly inList: boolean;
  /** Some map key above `key` names a secret. */
  readonly underSecret: boolean;
}

/**
 * Redacts a value that sits at `path` (of the manifest, or of the Serve config with a `serveConfigV2`
 * prefix). `root`, the document `path` starts at, lets a single changed element of `args` be judged
 * by the flag before it (`--api-key`, then the value).
 */
export function redactAt(path: readonly PathSegment[], value: unknown, root?: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (isSecretPath(path)) return REDACTED;
  if (root !== undefined && followsSecretFlag(path, value, root)) return REDACTED;
  return redactValue(value, placeOf(path));
}

/** Paths whose whole value is secret, whatever its shape. */
function isSecretPath(path: readonly PathSegment[]): boolean {
  const n = path.length;
  // containers[].env[].value (valueFrom only names a Secret or ConfigMap: fine to show)
  if (n >= 3 && path[n - 1] === 'value' && isIndex(path[n - 2]) && path[n - 3] === 'env') return true;
  if (path[n - 1] === LAST_APPLIED) return true;
  // Serve runtime_env.env_vars.X
  const ev = path.lastIndexOf('env_vars');
  return ev >= 0 && ev < n - 1;
}

/** `args[i]` (or `command[i]`) right after a secret-named flag such as `--api-key`. */
function followsSecretFlag(path: readonly PathSegment[], value: unknown, root: unknown): boolean {
  const n = path.length;
  const last = path[n - 1];
  if (n < 2 || !isIndex(last) || !ARGV_KEYS.has(String(path[n - 2]))) return false;
  if (typeof value === 'string' ? value.startsWith('--') : typeof value !== 'number') return false;
  const list = valueAt(root, path.slice(0, -1));
  const i = Number(last);
  return Array.isArray(list) && i > 0 && isSecretFlag(list[i - 1]);
}

function placeOf(path: readonly PathSegment[]): Place {
  let key: string | undefined;
  let parent: string | undefined;
  let inList = false;
  let underSecret = false;
  for (const seg of path) {
    if (isIndex(seg)) {
      inList = true;
      continue;
    }
    if (key !== undefined) {
      underSecret ||= isSecretName(key);
      parent = key;
    }
    key = String(seg);
    inList = false;
  }
  return { key, parent, inList, underSecret };
}

/** A list index: a number, or digits (the Serve config's paths are split from display text). */
function isIndex(seg: PathSegment | undefined): boolean {
  return typeof seg === 'number' || (typeof seg === 'string' && seg.length > 0 && seg.length < 10 && /^\d+$/.test(seg));
}

function redactValue(value: unknown, place: Place): unknown {
  if (typeof value === 'string') return redactString(value, place);
  if (typeof value === 'number') return isSecretLeaf(place) ? REDACTED : value;
  if (Array.isArray(value)) {
    if (!place.inList && place.key !== undefined && ARGV_KEYS.has(place.key)) return redactArgv(value, place);
    const element: Place = { ...place, inList: true };
    return value.map((v) => redactValue(v, element));
  }
  if (isPlainObject(value)) {
    // Serve runtime_env.env_vars: names stay, every value goes.
    if (place.key === 'env_vars' && !place.inList) return Object.fromEntries(Object.keys(value).map((k) => [k, REDACTED]));
    const envEntry = place.key === 'env' && place.inList;
    const underSecret = place.underSecret || (place.key !== undefined && isSecretName(place.key));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = envEntry && k === 'value' ? REDACTED : redactValue(v, { key: k, parent: place.key, inList: false, underSecret });
    }
    return out;
  }
  return value; // booleans and null are never secrets
}

/**
 * A scalar under a secret-named key, or anywhere below one unless its own key only names something
 * or it sits in a reference (`secretKeyRef: {name, key}` names a Secret, never holds one).
 */
function isSecretLeaf(place: Place): boolean {
  if (place.key === undefined) return false;
  if (isSecretName(place.key)) return true;
  return place.underSecret && !isNamingName(place.key) && !place.parent?.endsWith('KeyRef');
}

function redactString(value: string, place: Place): string {
  if (isSecretLeaf(place) || place.key === LAST_APPLIED) return REDACTED;
  if (place.parent === 'annotations' && !place.inList && isRegistryCredential(value)) return REDACTED;
  return redactSecrets(value);
}

/** A command line: the element after a secret-named flag goes; `--flag=value` is the text pass's. */
function redactArgv(argv: readonly unknown[], place: Place): unknown[] {
  const element: Place = { ...place, inList: true };
  const out: unknown[] = [];
  let hideNext = false;
  for (const arg of argv) {
    const isValue = typeof arg === 'number' || (typeof arg === 'string' && !arg.startsWith('--'));
    out.push(hideNext && isValue ? REDACTED : redactValue(arg, element));
    hideNext = isSecretFlag(arg);
  }
  return out;
}

/** `--api-key`, `-token`, `--hf-token` (not `--token=X`, not `--max-tokens`). */
function isSecretFlag(arg: unknown): boolean {
  return typeof arg === 'string' && arg.length <= 130 && /^--?[A-Za-z][\w.-]*$/.test(arg) && isSecretName(arg);
}
