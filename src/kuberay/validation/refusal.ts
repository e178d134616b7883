/**
 * What one of the operator's validation checks says about a RayService: the rule that refused it,
 * the error text the operator builds (its own wording, read from `utils/validation.go`), where in
 * the manifest, and the feature gates the verdict rests on.
 */
import type { PathSegment } from '../../util/objects.js';
import { isPlainObject } from '../../util/objects.js';
import type { FeatureGate, FeatureGateSettings, GateReading } from '../feature-gates.js';
import { readGate } from '../feature-gates.js';
import type { KubeRayRelease } from '../releases.js';

export interface Refusal {
  /** Stable id of the rule (docs/rule-ids.md). */
  readonly rule: string;
  /** The error the operator's validation function returns, as it words it (before any wrapping). */
  readonly error: string;
  /** Where in the RayService (from its root) the refused field is. */
  readonly path: readonly PathSegment[];
  /** Gates whose default the verdict assumed (a Git-only plan cannot see the operator's flags). */
  readonly assumedGates?: readonly FeatureGate[];
}

/** What the checks read: the RayService as the API server stores it, and the operator it meets. */
export interface ValidationInput {
  readonly name: string;
  readonly annotations: Readonly<Record<string, unknown>>;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly release: KubeRayRelease;
  readonly gates: FeatureGateSettings | undefined;
}

/** A check: undefined when it passes. */
export type Check = (x: ValidationInput) => Refusal | undefined;

/** A rule of one release range; `since`/`until` are inclusive release versions. */
export interface RangedCheck {
  readonly since: string;
  readonly until?: string;
  readonly check: Check;
}

export function inRange(release: KubeRayRelease, r: { since: string; until?: string }): boolean {
  return compare(release.version, r.since) >= 0 && (r.until === undefined || compare(release.version, r.until) <= 0);
}

function compare(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The first refusal of the checks that apply to this release, in the operator's order. */
export function firstRefusal(x: ValidationInput, checks: readonly RangedCheck[]): Refusal | undefined {
  for (const c of checks) {
    if (!inRange(x.release, c)) continue;
    const r = c.check(x);
    if (r) return r;
  }
  return undefined;
}

export function gate(x: ValidationInput, g: FeatureGate): GateReading {
  return readGate(x.release, x.gates, g);
}

// Reading a stored spec the way Go's typed struct reads it: absent, null and wrong types are zero values.
export function obj(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
