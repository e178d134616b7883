/**
 * Leaf-level differences between two plain JSON-like values, with their paths.
 * Lists are compared by position (order matters to the operator); a list that grew or shrank
 * reports whole added or removed elements.
 */
import { isDeepStrictEqual } from 'node:util';
import { isPlainObject, type PathSegment } from './objects.js';

export interface ValueChange {
  readonly path: readonly PathSegment[];
  readonly from: unknown;
  readonly to: unknown;
}

export function diffValues(a: unknown, b: unknown, path: readonly PathSegment[] = [], out: ValueChange[] = []): ValueChange[] {
  if (isDeepStrictEqual(a, b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) diffValues(a[i], b[i], [...path, i], out);
    return out;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) diffValues(a[k], b[k], [...path, k], out);
    return out;
  }
  out.push({ path, from: a, to: b });
  return out;
}

/** Value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isPlainObject(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

/** `spec.rayClusterConfig.workerGroupSpecs[0].template` */
export function formatPath(path: readonly PathSegment[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}
