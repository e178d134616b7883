/**
 * A typed view of Kubernetes objects as the API server returns them (plain JSON), for code that reads
 * objects it did not build: the metadata every object carries is typed, `spec` and `status` are
 * whatever the caller knows of them (unknown unless said), and anything else is `unknown` until
 * narrowed. The accessors read untyped values safely: a missing or malformed field reads as absent.
 */
import { isPlainObject } from './objects.js';

export interface OwnerReference {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

/** metav1.ObjectMeta, the fields this project reads (times are RFC 3339 strings, as on the wire). */
export interface ObjectMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly deletionTimestamp?: string;
  readonly ownerReferences?: readonly OwnerReference[];
  readonly managedFields?: readonly unknown[];
}

/** Any Kubernetes object. Other top-level fields (a ConfigMap's `data`, an Event's `reason`) are unknown. */
export interface KubeObject<Spec = unknown, Status = unknown> {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly spec?: Spec;
  readonly status?: Status;
  readonly [field: string]: unknown;
}

/** A metav1.Condition (or an older condition type) as on the wire. */
export interface KubeCondition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
  readonly observedGeneration?: number;
  readonly lastTransitionTime?: string;
}

/** A JSON map whose fields are not known: each one must be narrowed before use. */
export type UnknownMap = Readonly<Record<string, unknown>>;

/** The value as a map; anything else (absent, a list, a scalar) reads as an empty map. */
export function asMap(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}

/** The value as a list; anything else reads as an empty list. */
export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value when it is a string. */
export function stringOr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The value when it is a finite number. */
export function numberOr(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A map of strings (labels, annotations, a node selector); other entries are left out. */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(asMap(v))) if (typeof x === 'string') out[k] = x;
  return out;
}

/** The object's metadata, or an empty one when the value is not an object with metadata. */
export function metadataOf(o: unknown): ObjectMeta {
  return asMap(asMap(o).metadata) as ObjectMeta;
}

/** An untyped value seen as a Kubernetes object (an empty one when it is not a map). */
export function asKubeObject<Spec = unknown, Status = unknown>(v: unknown): KubeObject<Spec, Status> {
  return asMap(v) as KubeObject<Spec, Status>;
}
