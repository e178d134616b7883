/** The action's inputs, read and checked once (action.yml documents each with its default). */
import * as core from '@actions/core';
import { CHANGE_ORDER, type Change } from '../planner/types.js';
import { UserError } from '../util/user-error.js';

export type Mode = 'plan' | 'apply';
export type FailOn = Change | 'capacity';

export interface ActionInputs {
  readonly manifests: string[];
  readonly mode: Mode | undefined;
  readonly kuberayVersion: string;
  readonly namespace: string;
  readonly token: string;
  readonly comment: boolean;
  readonly statusContext: string;
  readonly failOn: FailOn[];
  readonly zeroDowntime: boolean;
  readonly timeoutMs: number;
  readonly fieldManager: string;
  readonly forceConflicts: boolean;
  readonly dryRun: boolean;
  readonly onFailure: 'rollback' | 'none';
  /** Plan mode: also read the cluster (dry run, drift, operator version, will it fit). */
  readonly live: boolean;
}

/** A wrong action input (`with:`) or an event the action cannot run on. */
export class ActionInputError extends UserError {}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (['false', 'no', 'off'].includes(v)) return false;
  throw new ActionInputError(`input ${name} must be true or false, not "${v}"`);
}

export function readInputs(): ActionInputs {
  const mode = core.getInput('mode').trim();
  if (mode !== '' && mode !== 'plan' && mode !== 'apply') throw new ActionInputError(`input mode must be plan or apply, not "${mode}"`);
  const failOn = list('fail-on');
  for (const f of failOn) {
    if (f !== 'capacity' && !CHANGE_ORDER.includes(f as Change)) {
      throw new ActionInputError(`input fail-on: "${f}" is not a change (${CHANGE_ORDER.join(', ')}) or capacity`);
    }
  }
  return {
    manifests: list('manifests'),
    mode: mode === '' ? undefined : mode,
    kuberayVersion: core.getInput('kuberay-version').trim() || '1.7',
    namespace: core.getInput('namespace').trim() || 'default',
    token: core.getInput('github-token'),
    comment: bool('comment', true),
    statusContext: core.getInput('status-context').trim() || 'rayservice-rollout/plan',
    failOn: failOn as FailOn[],
    zeroDowntime: bool('zero-downtime', true),
    timeoutMs: duration(core.getInput('timeout').trim() || '30m'),
    fieldManager: core.getInput('field-manager').trim() || 'rayservice-rollout',
    forceConflicts: bool('force-conflicts', false),
    dryRun: bool('dry-run', false),
    onFailure: onFailure(core.getInput('on-failure').trim() || 'none'),
    live: bool('live', false),
  };
}

function duration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (!m) throw new ActionInputError(`input timeout: "${text}" is not a duration (e.g. 90s, 30m, 1h)`);
  return Math.round(Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 's' | 'm' | 'h']);
}

function onFailure(v: string): 'rollback' | 'none' {
  if (v === 'rollback' || v === 'none') return v;
  throw new ActionInputError(`input on-failure must be rollback or none, not "${v}"`);
}
