/** The smallest shared vocabulary for JSON-like values: the base of every other folder. */

/** One step of a path into a parsed manifest: a map key or a list index. */
export type PathSegment = string | number;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `namespace/name`: how a RayService (or any namespaced object) is keyed and named in messages. */
export function serviceKey(id: { readonly namespace: string; readonly name: string }): string {
  return `${id.namespace}/${id.name}`;
}
