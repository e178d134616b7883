/**
 * Applies the RayService CRD's `default:` values the way the API server does before it stores an
 * object: a missing property gets its default, then defaulting goes on inside it. The operator
 * hashes the stored (defaulted) spec, so `protocol: TCP` written out and left out are the same.
 *
 * The compact schemas are generated from each release's CRD (scripts/gen-crd-defaults.ts).
 */
import generated from './crd-defaults.generated.json' with { type: 'json' };

interface DefaultsSchema {
  d?: unknown;
  p?: Record<string, DefaultsSchema>;
  i?: DefaultsSchema;
  a?: DefaultsSchema;
}

/** KubeRay's own field names (embedded Kubernetes types are `true`: not pruned here). */
type Known = { [k: string]: Known } | true;

const schemas = generated as unknown as Record<string, DefaultsSchema & { known: Known }>;

/** The defaults schema of the newest CRD at or below `minor` (e.g. "1.7" → the 1.6 CRD if 1.7's is absent). */
function schemaFor(minor: string): DefaultsSchema & { known: Known } {
  const wanted = Number(minor.split('.')[1]);
  const available = Object.keys(schemas)
    .map((k) => ({ k, m: Number(k.split('.')[1]) }))
    .sort((a, b) => b.m - a.m);
  const hit = available.find((x) => x.m <= wanted) ?? available[available.length - 1]!;
  return schemas[hit.k]!;
}

/** Returns a defaulted deep copy of a RayService `spec`. */
export function applyCrdDefaults(spec: unknown, minor: string): unknown {
  return walk(pruneUnknownFields(spec, minor).spec, schemaFor(minor));
}

/**
 * Removes the fields this release's CRD does not define (the API server prunes them silently) and
 * returns their paths relative to `spec`, so a plan can say that a typo or a newer release's field
 * is dropped.
 */
export function pruneUnknownFields(spec: unknown, minor: string): { spec: unknown; pruned: (string | number)[][] } {
  const copy = structuredClone(spec);
  const pruned: (string | number)[][] = [];
  prune(copy, schemaFor(minor).known, [], pruned);
  return { spec: copy, pruned };
}

function prune(value: unknown, known: Known, path: (string | number)[], pruned: (string | number)[][]): void {
  if (known === true || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) prune(v, known, [...path, i], pruned);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const sub = known[key];
    if (sub === undefined) {
      pruned.push([...path, key]);
      delete obj[key];
    } else {
      prune(obj[key], sub, [...path, key], pruned);
    }
  }
}

function walk(value: unknown, schema: DefaultsSchema): unknown {
  if (Array.isArray(value)) {
    if (schema.i) for (let i = 0; i < value.length; i++) value[i] = walk(value[i], schema.i);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (schema.p) {
    for (const [key, sub] of Object.entries(schema.p)) {
      if (obj[key] === undefined && sub.d !== undefined) obj[key] = structuredClone(sub.d);
      if (obj[key] !== undefined) obj[key] = walk(obj[key], sub);
    }
  }
  if (schema.a) {
    for (const key of Object.keys(obj)) if (!schema.p?.[key]) obj[key] = walk(obj[key], schema.a);
  }
  return obj;
}
