/**
 * The action's inputs, read and checked once (action.yml documents each with its default). The
 * defaults and the parsers are the CLI's too (src/settings/), so an input and the flag of the same
 * name take the same values.
 */
import * as core from '@actions/core';
import { FAIL_ON_VALUES, type FailOn } from '../planner/fail-on.js';
import { DEFAULTS, type OnFailure } from '../settings/defaults.js';
import { parseBool, parseChoice, parseChoiceList, parseDuration, parseKubeRayVersion, parseList } from '../settings/parse.js';
import { TARGET_NAME_PATTERN } from '../targets/schema.js';
import { UserError } from '../util/user-error.js';
import { type LinkTemplates, parseUrlTemplate } from '../settings/links.js';

export type ActionMode = 'plan' | 'apply' | 'observe';
const ACTION_MODES: readonly ActionMode[] = ['plan', 'apply', 'observe'];

export interface ActionInputs {
  readonly manifests: string[];
  /** Undefined: from the event (pull_request → plan, push → apply). */
  readonly mode: ActionMode | undefined;
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
  /** Apply deletes RayServices removed from Git that its field manager applied; plan says so. */
  readonly prune: boolean;
  readonly dryRun: boolean;
  readonly onFailure: OnFailure;
  /** Apply and observe modes: a rollout done but degraded by problems from before the change fails. */
  readonly requireHealthy: boolean;
  /** Plan mode: also read the cluster (dry run, drift, operator version, will it fit). */
  readonly live: boolean;
  /** Plan (and observe) what this renderer prints instead of reading `manifests` (empty: read them). */
  readonly render: string;
  /** Observe mode: how long the GitOps controller may take to sync the merged manifests. */
  readonly syncTimeoutMs: number;
  /** Let `render` run under pull_request_target and workflow_run (the code of a fork may run). */
  readonly renderUntrusted: boolean;
  /** Apply mode: the smoke file (in the workspace) whose requests each rollout must answer (empty: none). */
  readonly smoke: string;
  /** Links in the summary and the outcome comment (URL templates). */
  readonly links: LinkTemplates;
  /** The targets file (a fleet), relative to the workspace; empty: one target, from the inputs above. */
  readonly targets: string;
  /** One target of a matrix: scopes the comment's marker, the status context and the summary (and picks that target of `targets`). */
  readonly target: string;
  /** From a target of the targets file: the RayServiceIncrementalUpgrade gate, the kubeconfig and its context. */
  readonly incrementalGate?: boolean;
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** A wrong action input (`with:`) or an event the action cannot run on. */
export class ActionInputError extends UserError {}

/** Refusals name the input as the workflow writes it. */
const bool = (name: string, fallback: boolean) => parseBool(`input ${name}`, core.getInput(name), fallback);
const text = (name: string, fallback: string) => core.getInput(name).trim() || fallback;

export function readInputs(): ActionInputs {
  const mode = core.getInput('mode').trim();
  return {
    manifests: parseList(core.getInput('manifests'), DEFAULTS.manifestGlobs),
    mode: mode === '' ? undefined : parseChoice('input mode', mode, ACTION_MODES),
    kuberayVersion: parseKubeRayVersion('input kuberay-version', core.getInput('kuberay-version'), DEFAULTS.kuberayVersion),
    namespace: text('namespace', DEFAULTS.namespace),
    token: core.getInput('github-token'),
    comment: bool('comment', DEFAULTS.comment),
    statusContext: text('status-context', DEFAULTS.planStatusContext),
    failOn: parseChoiceList('input fail-on', core.getInput('fail-on').trim() || DEFAULTS.failOn, FAIL_ON_VALUES),
    zeroDowntime: bool('zero-downtime', DEFAULTS.zeroDowntime),
    timeoutMs: parseDuration('input timeout', core.getInput('timeout'), DEFAULTS.timeout),
    fieldManager: text('field-manager', DEFAULTS.fieldManager),
    forceConflicts: bool('force-conflicts', DEFAULTS.forceConflicts),
    prune: bool('prune', DEFAULTS.prune),
    dryRun: bool('dry-run', DEFAULTS.dryRun),
    onFailure: parseChoice<OnFailure>('input on-failure', core.getInput('on-failure'), ['rollback', 'none'], DEFAULTS.onFailure),
    requireHealthy: bool('require-healthy', DEFAULTS.requireHealthy),
    live: bool('live', DEFAULTS.live),
    render: core.getInput('render').trim(),
    syncTimeoutMs: parseDuration('input sync-timeout', core.getInput('sync-timeout'), '10m'),
    renderUntrusted: bool('render-untrusted', false),
    smoke: core.getInput('smoke').trim(),
    links: readLinks(),
    targets: core.getInput('targets').trim(),
    target: targetName(core.getInput('target')),
  };
}

function readLinks(): LinkTemplates {
  const dashboard = parseUrlTemplate('input dashboard-url', core.getInput('dashboard-url'));
  const grafana = parseUrlTemplate('input grafana-url', core.getInput('grafana-url'));
  return { ...(dashboard ? { dashboard } : {}), ...(grafana ? { grafana } : {}) };
}

/** The matrix leg's name: it becomes part of a status context and of a hidden marker. */
function targetName(text: string): string {
  const name = text.trim();
  if (name !== '' && !new RegExp(TARGET_NAME_PATTERN).test(name))
    throw new ActionInputError(`input target: "${name}" is not a target name (lowercase letters, digits, ".", "_" and "-", up to 40 characters)`);
  return name;
}
