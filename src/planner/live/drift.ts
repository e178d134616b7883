/**
 * Drift: where the live RayService differs from Git's base — someone used kubectl, or a run applied
 * another revision. Both sides are read the way the operator reads them (CRD defaults, canonical
 * quantities, empty = absent), so defaulting is never reported as drift; the Serve config is compared
 * as YAML, not as text. Pure.
 */
import { parse } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { storedSpec } from '../../kuberay/stored-spec.js';
import type { PathSegment } from '../../manifests/yaml-documents.js';
import type { Drift } from '../types.js';
import { redactAt } from '../redact.js';
import { diffValues, formatPath } from '../../util/structural-diff.js';
import type { KubeObject } from './facts.js';

/** Field managers that write the spec without a person behind them. */
const OPERATOR_MANAGERS = new Set(['ray-operator', 'kuberay-operator', 'manager']);

export function driftOf(baseSpec: Record<string, unknown>, live: KubeObject, minor: string, lineOf: (path: readonly PathSegment[]) => number | null): Drift[] {
  const git = storedSpec(baseSpec, minor);
  const now = storedSpec(live.spec ?? {}, minor);
  const out: Drift[] = [];
  const gitServe = serveOf(git.serveConfigV2);
  const liveServe = serveOf(now.serveConfigV2);
  // The Serve config is YAML in a string: compare what it says, field by field.
  for (const d of diffValues(gitServe, liveServe, ['spec', 'serveConfigV2'])) out.push(entry(d.path, d.from, d.to));
  delete git.serveConfigV2;
  delete now.serveConfigV2;
  for (const d of diffValues(git, now, ['spec'])) out.push(entry(d.path, d.from, d.to));
  return out;

  function entry(path: readonly PathSegment[], from: unknown, to: unknown): Drift {
    const manager = lastWriter(live, path);
    const line = from === undefined ? null : lineOf(path[1] === 'serveConfigV2' ? path.slice(0, 2) : path);
    return {
      path: formatPath(path),
      git: redactAt(path, from, { spec: git }) ?? null,
      live: redactAt(path, to, { spec: now }) ?? null,
      line,
      ...(manager ? { manager } : {}),
    };
  }
}

function serveOf(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return parse(text);
  } catch {
    return text;
  }
}

/**
 * The field manager that owns the deepest prefix of `path` in the object's managedFields (fieldsV1:
 * `f:<name>` per field; lists and list items are not followed — an atomic list such as
 * workerGroupSpecs is owned as a whole). Ties go to the most recent write. The operator's own
 * writes are reported only when nobody else owns the field.
 */
export function lastWriter(object: KubeObject, path: readonly PathSegment[]): string | undefined {
  let best: { manager: string; depth: number; time: string; operator: boolean } | undefined;
  for (const mf of (object.metadata?.managedFields ?? []) as KubeObject[]) {
    let node = mf.fieldsV1 as KubeObject | undefined;
    let depth = 0;
    for (const seg of path) {
      if (typeof seg !== 'string' || !node || typeof node !== 'object') break;
      const next = node[`f:${seg}`];
      if (next === undefined) break;
      node = next as KubeObject;
      depth++;
    }
    // Owned: the whole path was found, or the walk ended on a leaf (`{}`: a scalar, or an atomic
    // list/map such as workerGroupSpecs, owned as a whole). A parent that merely contains other
    // managers' fields says nothing.
    const owns = depth === path.length || (depth > 0 && !!node && typeof node === 'object' && Object.keys(node).length === 0);
    if (!owns) continue;
    const manager = String(mf.manager ?? '');
    const operator = OPERATOR_MANAGERS.has(manager);
    const time = String(mf.time ?? '');
    const better = !best || (best.operator && !operator) || (best.operator === operator && (depth > best.depth || (depth === best.depth && time > best.time)));
    if (better) best = { manager, depth, time, operator };
  }
  return best?.manager;
}

/**
 * Fields that the server-side apply of `head` keeps although `head` does not set them: the dry run's
 * stored object has them because another field manager owns them (a `kubectl edit` that Git never saw).
 */
export function keptByApply(headSpec: Record<string, unknown>, dryRunObject: KubeObject, minor: string): string[] {
  const wanted = storedSpec(headSpec, minor);
  const stored = storedSpec(dryRunObject.spec ?? {}, minor);
  return diffValues(wanted, stored, ['spec'])
    .filter((d) => !(d.path.length === 2 && d.path[1] === 'serveConfigV2' && isDeepStrictEqual(serveOf(d.from), serveOf(d.to))))
    .map((d) => formatPath(d.path));
}
