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

const schemas = generated as Record<string, DefaultsSchema>;

/** The defaults schema of the newest CRD at or below `minor` (e.g. "1.7" → the 1.6 CRD if 1.7's is absent). */
function schemaFor(minor: string): DefaultsSchema {
  const wanted = Number(minor.split('.')[1]);
  const available = Object.keys(schemas)
    .map((k) => ({ k, m: Number(k.split('.')[1]) }))
    .sort((a, b) => b.m - a.m);
  const hit = available.find((x) => x.m <= wanted) ?? available[available.length - 1]!;
  return schemas[hit.k]!;
}

/** Returns a defaulted deep copy of a RayService `spec`. */
export function applyCrdDefaults(spec: unknown, minor: string): unknown {
  return walk(structuredClone(spec), schemaFor(minor));
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
