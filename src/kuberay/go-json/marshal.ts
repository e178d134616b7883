/**
 * A value as KubeRay's Go structs hold it: decoded with encoding/json into the typed spec and
 * marshalled again, which is what the operator hashes (utils.GenerateJsonHash over
 * json.Marshal(rayv1.RayClusterSpec), GenerateHashWithoutReplicasAndWorkersToDelete). The result
 * is the smallest JSON value that marshals alike, so two specs hash alike exactly when their
 * views are deep-equal:
 * - fields the Go type lacks are dropped (json.Unmarshal ignores them);
 * - `null` and the zero value of a non-pointer field are dropped: `value: ""`, `hostNetwork: false`,
 *   `port: 0` marshal like an absent field (omitted with `omitempty`, written as the zero value
 *   without it: either way both sides agree);
 * - a non-pointer struct that ends up empty is dropped (Go always writes it, with zero members);
 * - a pointer keeps its value, zero or empty: `securityContext: {}`, `autoscalerOptions: {}`,
 *   `enableInTreeAutoscaling: false` are not the same as absent;
 * - an empty map or slice is dropped with `omitempty`; without it `{}`/`[]` is kept (Go writes
 *   `null` for a nil one): `rayStartParams: {}` is not the same as absent;
 * - list items and map values are kept whatever their value (`args: [""]`);
 * - `resource.Quantity` becomes its canonical string (`1000m` → `1`).
 */
import type { PathSegment } from '../../util/objects.js';
import { isPlainObject } from '../../util/objects.js';
import type { GoField, GoShape, TypeRef } from './shapes.js';

export interface GoViewOptions {
  /** Canonical form of a `resource.Quantity` (may throw for a malformed one). */
  readonly quantity: (value: unknown, path: readonly PathSegment[]) => string;
  /** Keep members the shape does not know (the shape is another release's: see shapes.ts). */
  readonly keepUnknown?: boolean;
}

/** `value` (JSON-like) as a `type` of `shape`; undefined when Go would hold the zero value of a field. */
export function goView(value: unknown, type: TypeRef, shape: GoShape, options: GoViewOptions, path: readonly PathSegment[] = []): unknown {
  return new Walker(shape, options).item(value, type, [...path]);
}

class Walker {
  constructor(
    private readonly shape: GoShape,
    private readonly options: GoViewOptions,
  ) {}

  /** A list item, map value or pointer target: always present (undefined only for null). */
  item(value: unknown, type: TypeRef, path: PathSegment[]): unknown {
    if (value === null || value === undefined) return undefined;
    if (typeof type !== 'string') {
      if ('ptr' in type) return this.item(value, type.ptr, path);
      if ('map' in type) return this.map(value, type.map, path);
      return this.slice(value, type.slice, path);
    }
    if (type.startsWith('custom:')) return this.custom(value, type, path);
    const fields = this.shape.types[type];
    if (!fields) return structuredClone(value); // a scalar kind: the API server checked its type
    return isPlainObject(value) ? this.struct(value, fields, path) : structuredClone(value);
  }

  private map(value: unknown, elem: TypeRef, path: PathSegment[]): unknown {
    if (!isPlainObject(value)) return structuredClone(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const n = this.item(v, elem, [...path, k]);
      out[k] = n === undefined ? zeroOf(elem, this.shape) : n;
    }
    return out;
  }

  private slice(value: unknown, elem: TypeRef, path: PathSegment[]): unknown {
    if (!Array.isArray(value)) return structuredClone(value);
    return value.map((v, i) => {
      const n = this.item(v, elem, [...path, i]);
      return n === undefined ? zeroOf(elem, this.shape) : n;
    });
  }

  private struct(value: Record<string, unknown>, fields: readonly GoField[], path: PathSegment[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (!(f.n in value)) continue;
      const n = this.field(value[f.n], f, [...path, f.n]);
      if (n !== undefined) out[f.n] = n;
    }
    if (this.options.keepUnknown) {
      for (const [k, v] of Object.entries(value)) if (!fields.some((f) => f.n === k) && v !== null) out[k] = structuredClone(v);
    }
    return out;
  }

  /** A struct member: undefined when it marshals like an absent one. */
  private field(value: unknown, f: GoField, path: PathSegment[]): unknown {
    const n = this.item(value, f.t, path);
    if (n === undefined || f.p) return n;
    if (f.o && typeof f.t !== 'string' && isEmptyCollection(n)) return undefined;
    return isZero(n, f.t, this.shape) ? undefined : n;
  }

  private custom(value: unknown, type: string, path: PathSegment[]): unknown {
    if (type === 'custom:k8s.io/apimachinery/pkg/api/resource.Quantity') return this.options.quantity(value, path);
    return structuredClone(value); // IntOrString, Time, FieldsV1: written as decoded
  }
}

/** Would a non-pointer field with this (already normalised) value marshal like an absent one? */
function isZero(n: unknown, type: TypeRef, shape: GoShape): boolean {
  if (typeof type !== 'string') {
    // A map or slice: absent (nil) marshals as `null` or is omitted; an empty one is kept.
    return false;
  }
  if (type === 'custom:k8s.io/apimachinery/pkg/util/intstr.IntOrString') return n === 0;
  if (type === 'custom:k8s.io/apimachinery/pkg/api/resource.Quantity') return n === '0';
  if (shape.types[type]) return isPlainObject(n) && Object.keys(n).length === 0;
  return n === '' || n === 0 || n === false;
}

function isEmptyCollection(n: unknown): boolean {
  return Array.isArray(n) ? n.length === 0 : isPlainObject(n) && Object.keys(n).length === 0;
}

/** What a null list item or map value decodes to. */
function zeroOf(type: TypeRef, shape: GoShape): unknown {
  if (typeof type !== 'string') return null;
  if (shape.types[type]) return {};
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'int' || type === 'uint' || type === 'float') return 0;
  return null;
}
