/**
 * A RayService spec as the operator sees it: CRD defaults filled in (as the API server stores it),
 * then decoded into KubeRay's Go structs and encoded again (go-json/marshal.ts), which is what the
 * cluster-spec hash is taken over: unknown fields gone, quantities canonical (`1000m` → `1`), zero
 * values of non-pointer fields gone (`value: ""`, `hostNetwork: false`), pointers kept even when
 * empty (`securityContext: {}`), `rayStartParams: {}` (no `omitempty`) kept.
 */
import type { PathSegment } from '../manifests/yaml-documents.js';
import { QuantityError, canonicalizeQuantity } from '../quantity/quantity.js';
import { isPlainObject } from '../util/objects.js';
import { applyCrdDefaults } from './crd-defaults.js';
import { goView } from './go-json/marshal.js';
import { goShapeFor } from './go-json/shapes.js';

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

/** Returns the stored view of a RayService `spec` (a deep copy). `path` is where `spec` sits. */
export function storedSpec(spec: unknown, minor: string, path: readonly PathSegment[] = ['spec']): Record<string, unknown> {
  const defaulted = applyCrdDefaults(spec ?? {}, minor);
  const { shape, exact } = goShapeFor(minor);
  const view = goView(defaulted, shape.roots.RayServiceSpec, shape, { quantity, keepUnknown: !exact }, path);
  return isPlainObject(view) ? view : {};
}

function quantity(v: unknown, path: readonly PathSegment[]): string {
  try {
    return canonicalizeQuantity(v);
  } catch (e) {
    if (e instanceof QuantityError) throw new SpecError(path, e.message, 'use a Kubernetes quantity: "500m", "2", "4Gi", "512Mi"');
    throw e;
  }
}
