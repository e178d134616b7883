/**
 * A RayService update, field by field: every changed field with what it alone makes the operator
 * do (its `effect`) and the head manifest line. The verdict over all of them is plan-update.ts's.
 */
import { type ClusterSpecComparison, isHashBlanked } from '../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import type { PathSegment } from '../manifests/yaml-documents.js';
import type { ServeChange } from '../serve/serve-config.js';
import type { WordData } from '../util/wording.js';
import { diffValues, formatPath, valueAt } from '../util/structural-diff.js';
import { type ReadManifest, metadataOf } from './read-manifest.js';
import { fieldLabel } from './field-label.js';
import { redactAt } from './redact.js';
import { type Change, type FieldChange, fieldNote, type RuleId } from './types.js';

/** rayClusterConfig changes, all of them and split by whether the cluster hash sees them. */
export interface ClusterFieldChanges {
  readonly all: FieldChange[];
  /** Fields the operator hashes (or, under strategy None, ignores with the rest of the cluster). */
  readonly hashed: FieldChange[];
  /** Fields the release leaves out of the hash: never applied to a running cluster. */
  readonly blanked: FieldChange[];
}

export function clusterFieldChanges(
  b: ReadManifest,
  h: ReadManifest,
  cmp: ClusterSpecComparison,
  clusterEffect: Change,
  release: KubeRayRelease,
): ClusterFieldChanges {
  const baseGroupCount = Array.isArray(b.cluster.workerGroupSpecs) ? b.cluster.workerGroupSpecs.length : 0;
  const out: ClusterFieldChanges = { all: [], hashed: [], blanked: [] };
  for (const d of diffValues(b.cluster, h.cluster)) {
    const { effect, rule, note } = clusterFieldEffect(d.path, cmp, baseGroupCount, clusterEffect, release);
    const fc = fieldChange(b, h, ['spec', 'rayClusterConfig', ...d.path], d, effect, rule, note);
    out.all.push(fc);
    (rule === RULE_HASH_BLANKED ? out.blanked : out.hashed).push(fc);
  }
  return out;
}

/** A hash-blanked field is ignored; a field of an appended group goes in place; the rest follows the cluster. */
function clusterFieldEffect(
  path: readonly PathSegment[],
  cmp: ClusterSpecComparison,
  baseGroupCount: number,
  clusterEffect: Change,
  release: KubeRayRelease,
): { effect: Change; rule: RuleId; note?: FieldNote } {
  if (isHashBlanked(path, release)) {
    return { effect: 'ignored', rule: RULE_HASH_BLANKED, note: fieldNote(RULE_HASH_BLANKED, { version: release.version }) };
  }
  if (cmp.kind === 'appended' && path[0] === 'workerGroupSpecs' && typeof path[1] === 'number' && path[1] >= baseGroupCount) {
    return { effect: 'cluster-inplace', rule: RULE_APPENDED_GROUP, note: fieldNote(RULE_APPENDED_GROUP) };
  }
  return { effect: clusterEffect, rule: 'cluster.hashed' };
}

/** Rule ids other modules act on (docs/rule-ids.md). */
export const RULE_HASH_BLANKED = 'cluster.hash-blanked' as const;
export const RULE_APPENDED_GROUP = 'cluster.appended-group' as const;
export const RULE_ANNOTATION_READ = 'metadata.annotation-read' as const;

/** serveConfigV2, application by application: options fixed at Serve start are ignored, the rest gets `appliedEffect`. */
export function serveFieldChanges(serveChanges: readonly ServeChange[], appliedEffect: Change): FieldChange[] {
  return serveChanges.map((s) => {
    const servePath = ['serveConfigV2', ...s.path];
    return {
      path: `spec.serveConfigV2: ${s.display}`,
      label: `Serve › ${s.display}`,
      from: redactAt(servePath, s.from) ?? null,
      to: redactAt(servePath, s.to) ?? null,
      effect: s.effect === 'serve-fixed-at-start' ? 'ignored' : appliedEffect,
      line: s.line,
      rule: `serve.${s.effect}`,
      ...fieldNote(`serve.${s.effect}`),
    };
  });
}

/** The RayService's own settings (everything but rayClusterConfig and serveConfigV2): they never roll a cluster. */
export function rayServiceSettingChanges(b: ReadManifest, h: ReadManifest, release: KubeRayRelease): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of unionKeys(b.spec, h.spec)) {
    if (key === 'rayClusterConfig' || key === 'serveConfigV2') continue;
    for (const d of diffValues(b.spec[key], h.spec[key], [key])) {
      const note = fieldNote('service.setting.<key>', { key: String(key), version: release.version, suspendField: release.rayServiceSuspend });
      out.push(fieldChange(b, h, ['spec', ...d.path], d, 'none', `service.setting.${String(key)}`, note));
    }
  }
  return out;
}

/** Labels and annotations: never roll a cluster; the annotations the release reads are said to be read. */
export function metadataChanges(b: ReadManifest, h: ReadManifest, release: KubeRayRelease): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of ['labels', 'annotations'] as const) {
    for (const d of diffValues(metadataOf(b)[key] ?? {}, metadataOf(h)[key] ?? {}, ['metadata', key])) {
      const annotation = key === 'annotations' ? String(d.path[2]) : undefined;
      const read = annotation !== undefined && release.meaningfulAnnotations.includes(annotation);
      const rule = read ? RULE_ANNOTATION_READ : (`metadata.${key}-not-copied` as const);
      out.push(fieldChange(b, h, d.path, d, 'none', rule, fieldNote(rule)));
    }
  }
  return out;
}

function fieldChange(
  b: ReadManifest,
  h: ReadManifest,
  path: readonly PathSegment[],
  d: { from: unknown; to: unknown },
  effect: Change,
  rule: RuleId,
  note: FieldNote | undefined,
): FieldChange {
  // Show what the user wrote (e.g. "4000m"), not the canonical form, where the manifest has it.
  const raw = (r: ReadManifest, fallback: unknown) => {
    const v = valueAt(r.m.object, path);
    return v === undefined ? fallback : v;
  };
  const from = d.from === undefined ? undefined : redactAt(path, raw(b, d.from), b.m.object);
  const to = d.to === undefined ? undefined : redactAt(path, raw(h, d.to), h.m.object);
  const line = d.to !== undefined ? h.lineOf(path) : b.lineOf(path);
  const label = fieldLabel(path, d.to !== undefined ? h.m.object : b.m.object);
  return { path: formatPath(path), label, from: from ?? null, to: to ?? null, effect, line, rule, ...note };
}

/** A field change's note and the data it is rendered from (`fieldNote()`). */
interface FieldNote {
  readonly note: string;
  readonly data: WordData;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
