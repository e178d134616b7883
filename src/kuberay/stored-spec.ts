/**
 * A RayService spec as the operator sees it: CRD defaults filled in (as the API server stores it),
 * then as if decoded into KubeRay's Go structs and encoded again, which is what the cluster-spec
 * hash is taken over. Concretely:
 * - quantities become their canonical strings (`1000m` → `1`, `5120Mi` → `5Gi`);
 * - `null`, empty lists and empty mappings disappear (Go's `omitempty`), except `rayStartParams`,
 *   which has no `omitempty`: `{}` and absent hash differently.
 */
import type { PathSegment } from '../manifests/yaml-documents.js';
import { QuantityError, canonicalizeQuantity } from '../quantity/quantity.js';
import { applyCrdDefaults } from './crd-defaults.js';

/** A field of a manifest the operator would refuse or that cannot be read. */
export class SpecError extends Error {
  constructor(
    readonly path: readonly PathSegment[],
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(problem);
  }
}

/** Keys whose values are maps of resource name → quantity. */
const QUANTITY_MAP_KEYS = new Set(['requests', 'limits', 'overhead', 'capacity', 'allocatable']);
/** Keys whose value is a single quantity. */
const QUANTITY_KEYS = new Set(['sizeLimit']);
/** Maps without `omitempty` in KubeRay's types: present-but-empty is not the same as absent. */
const KEEP_EMPTY_KEYS = new Set(['rayStartParams']);

/** Returns the stored view of a RayService `spec` (a deep copy). `path` is where `spec` sits. */
export function storedSpec(spec: unknown, minor: string, path: readonly PathSegment[] = ['spec']): Record<string, unknown> {
  const defaulted = applyCrdDefaults(spec ?? {}, minor);
  return (normalize(defaulted, [...path]) ?? {}) as Record<string, unknown>;
}

function normalize(value: unknown, path: PathSegment[]): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const out = value.map((v, i) => normalize(v, [...path, i]) ?? null);
    return out.length ? out : undefined;
  }
  if (typeof value !== 'object') return value;
  const key = path[path.length - 1];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = [...path, k];
    let n: unknown;
    if (typeof key === 'string' && QUANTITY_MAP_KEYS.has(key) && isResourceMapParent(path)) {
      n = quantity(v, here);
    } else if (QUANTITY_KEYS.has(k) && v !== null && v !== undefined) {
      n = quantity(v, here);
    } else {
      n = normalize(v, here);
    }
    if (n === undefined && !(KEEP_EMPTY_KEYS.has(k) && v !== null && v !== undefined)) continue;
    out[k] = n ?? {};
  }
  return Object.keys(out).length || KEEP_EMPTY_KEYS.has(String(key)) ? out : undefined;
}

/** `requests`/`limits` under `resources`, or a pod's `overhead`. */
function isResourceMapParent(path: PathSegment[]): boolean {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  return key === 'overhead' || parent === 'resources';
}

function quantity(v: unknown, path: PathSegment[]): string {
  try {
    return canonicalizeQuantity(v);
  } catch (e) {
    if (e instanceof QuantityError) throw new SpecError(path, e.message, 'use a Kubernetes quantity: "500m", "2", "4Gi", "512Mi"');
    throw e;
  }
}
