/**
 * What a run of the action ends with, whatever happened: the commit status, the `result` output,
 * the job summary, the comment and whether the step fails. The modes compute one of these (from a
 * plan, from the rollouts, or from the error that stopped them) and src/action/report.ts reports
 * it, always: a required check never waits for a status that a failed run forgot to set.
 * Pure: values in, values out.
 */
import { ApplyRefusedError } from '../kube/apply.js';
import { InputError } from '../manifests/input-error.js';
import type { PolicyVerdict } from '../planner/fail-on.js';
import type { Plan } from '../planner/types.js';
import { type FileLinks, renderMarkdown, summaryLine, touchedServices } from '../render/markdown.js';
import { UserError } from '../util/user-error.js';

export type StatusState = 'success' | 'failure' | 'error';

export interface Outcome {
  readonly state: StatusState;
  /** The `result` output. */
  readonly result: string;
  /** The reason, for the commit status description (cut to 140 characters when sent). */
  readonly description: string;
  /** The job summary, within a budget of characters (it degrades as the comment does). */
  readonly summary: (maxChars: number) => string;
  /** The comment body without its marker; undefined: no comment for this outcome. */
  readonly comment: string | undefined;
  /** Edit the existing sticky comment with it, but start none (a change that touches no RayService). */
  readonly commentOnlyIfPresent?: boolean;
  /** Why the step fails; undefined: it passes. */
  readonly failure: string | undefined;
  /** Where the failure points (a manifest line). */
  readonly at?: { readonly file: string; readonly line: number } | undefined;
  /** A fleet: one commit status per target besides the overall one (context `<context> (<name>)`). */
  readonly targetStatuses?: readonly TargetStatus[];
}

export interface TargetStatus {
  readonly name: string;
  readonly state: StatusState;
  readonly description: string;
}

/** GitHub's limit on a commit status description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export function statusDescription(text: string): string {
  const line = text
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length <= STATUS_DESCRIPTION_LIMIT ? line : `${line.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}

/** A plan that was made: the status follows the fail-on policy. */
export function planOutcome(plan: Plan, verdict: PolicyVerdict, footer: string | undefined, links?: FileLinks, title?: string): Outcome {
  const policy = verdict.reasons.join('; ') || undefined;
  const withFooter = { ...(footer ? { footer } : {}), ...(links ? { links } : {}), ...(title ? { title } : {}) };
  return {
    state: policy ? 'failure' : 'success',
    result: verdict.result,
    description: policy ?? summaryLine(plan),
    summary: (maxLength) => renderMarkdown(plan, { maxLength, ...withFooter }),
    comment: renderMarkdown(plan, withFooter),
    // A pull request that touches no RayService gets its status, not a new comment; an earlier plan is corrected.
    commentOnlyIfPresent: touchedServices(plan).length === 0,
    failure: policy,
  };
}

/** What a refusal or a fault says, and what it means for the status and `result`. */
export function errorOutcome(e: unknown, kind: 'plan' | 'apply', footer: string | undefined, scope?: string): Outcome {
  const user = e instanceof UserError;
  const message = user ? e.message : `internal error: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it)`;
  // The change's fault (a manifest the parser or the API server refuses) fails the check; anything
  // else (credentials, an unreachable cluster, a wrong input, a bug) is an error of the run.
  const changeAtFault = e instanceof InputError || e instanceof ApplyRefusedError;
  const at = e instanceof InputError && e.line ? { file: e.file, line: e.line } : undefined;
  const title = `${kind === 'plan' ? 'RayService rollout plan' : 'RayService rollout'}${scope ? ` · ${scope}` : ''}`;
  const what = kind === 'plan' ? 'No plan: it could not be made.' : 'Nothing was applied, or the rollout could not be followed to the end.';
  const body = `### ${title}\n\n⛔ ${what}\n\n\`\`\`text\n${message.replace(/```/g, "'''")}\n\`\`\`\n${footer ? `\n${footer}\n` : ''}`;
  return {
    state: changeAtFault ? 'failure' : 'error',
    result: e instanceof ApplyRefusedError ? 'refused' : 'error',
    description: message.split('\n')[0]!,
    summary: () => body,
    comment: body,
    failure: message,
    at,
  };
}

/** The apply's summary line for the status, e.g. "2 RayServices: succeeded". */
export function describeApply(n: number, result: string): string {
  if (n === 0) return 'nothing to apply';
  return `${n} RayService${n > 1 ? 's' : ''}: ${result}`;
}
