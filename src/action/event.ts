/**
 * What to do for the event the runner hands us, as a pure function of the event name, its payload
 * (GITHUB_EVENT_PATH) and GITHUB_SHA: which mode, which commits, where the commit status goes and
 * whether there is a pull request to comment on. Under pull_request_target the PR's files are
 * hostile data, so its number and SHAs come from the payload and nothing else; SHAs are checked so
 * nothing but an object name reaches git.
 */
import { ActionInputError, type ActionMode } from './inputs.js';

export interface Repo {
  readonly owner: string;
  readonly repo: string;
}

/** Plan mode: the commits to compare, and the pull request to comment on (none for a merge group). */
export interface PlanTarget extends Repo {
  readonly mode: 'plan';
  readonly baseSha: string;
  readonly headSha: string;
  readonly pullRequest: number | undefined;
}

/**
 * Apply mode (and observe mode, where a GitOps controller applies and the action only watches):
 * the pushed range; `before` is all zeros for a new branch or a manual dispatch (no base).
 */
export interface ApplyTarget extends Repo {
  readonly mode: 'apply' | 'observe';
  readonly before: string;
  readonly after: string;
}

export type Target = PlanTarget | ApplyTarget;

export interface EventInput extends Repo {
  readonly eventName: string;
  readonly payload: Record<string, unknown>;
  /** GITHUB_SHA. */
  readonly sha: string;
}

const PLAN_EVENTS = ['pull_request', 'pull_request_target', 'merge_group'];

const sha = (v: unknown) => (typeof v === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(v) ? v : undefined);

/** The mode when the `mode` input is empty; workflow_dispatch has no natural one and must say. */
export function defaultMode(eventName: string): ActionMode {
  if (eventName === 'push') return 'apply';
  if (eventName === 'workflow_dispatch')
    throw new ActionInputError(
      'on workflow_dispatch set `mode: apply` (applies the manifests at the dispatched commit; add `dry-run: true` to only validate them): plan mode needs a pull request or a merge group to compare',
    );
  return 'plan';
}

export function resolveTarget(ev: EventInput, modeInput: ActionMode | undefined): Target {
  const mode = modeInput ?? defaultMode(ev.eventName);
  const repo = { owner: ev.owner, repo: ev.repo };
  if (mode === 'plan') {
    if (ev.eventName === 'merge_group') {
      const mg = ev.payload.merge_group as { base_sha?: unknown; head_sha?: unknown } | undefined;
      const baseSha = sha(mg?.base_sha);
      const headSha = sha(mg?.head_sha);
      if (!baseSha || !headSha) throw new ActionInputError('the merge_group event has no base_sha and head_sha');
      return { ...repo, mode, baseSha, headSha, pullRequest: undefined };
    }
    const pr = ev.payload.pull_request as { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
    if (!pr || !PLAN_EVENTS.includes(ev.eventName))
      throw new ActionInputError(
        `plan mode needs a pull_request, pull_request_target or merge_group event (got ${ev.eventName}); set mode: apply for pushes and manual dispatches`,
      );
    const baseSha = sha(pr.base?.sha);
    const headSha = sha(pr.head?.sha);
    if (!Number.isSafeInteger(pr.number) || (pr.number as number) <= 0 || !baseSha || !headSha)
      throw new ActionInputError(`the ${ev.eventName} event has no pull request number and base/head SHAs`);
    return { ...repo, mode, baseSha, headSha, pullRequest: pr.number as number };
  }
  if (ev.eventName === 'push') {
    const before = typeof ev.payload.before === 'string' && /^0+$/.test(ev.payload.before) ? ev.payload.before : sha(ev.payload.before);
    const after = sha(ev.payload.after) ?? sha(ev.sha);
    if (!after) throw new ActionInputError('apply mode needs the pushed commit (the push event, or GITHUB_SHA)');
    return { ...repo, mode, before: before ?? '0', after };
  }
  // Any other event (workflow_dispatch, schedule, a PR with mode: apply): the checked-out commit,
  // applied against what runs, with no base to roll back to.
  const after = sha(ev.sha);
  if (!after) throw new ActionInputError(`apply mode on ${ev.eventName} needs GITHUB_SHA, the commit to apply`);
  return { ...repo, mode, before: '0', after };
}

/**
 * The commit the status belongs on, even when the event cannot be resolved: a required check on a
 * pull request waits on its head SHA, a merge queue on the merge group's head SHA.
 */
export function statusSha(ev: EventInput): string | undefined {
  const pr = ev.payload.pull_request as { head?: { sha?: unknown } } | undefined;
  const mg = ev.payload.merge_group as { head_sha?: unknown } | undefined;
  return sha(pr?.head?.sha) ?? sha(mg?.head_sha) ?? (ev.eventName === 'push' ? sha(ev.payload.after) : undefined) ?? sha(ev.sha);
}

/** The pull request to comment on when the event has one (for a failure reported before the target is known). */
export function pullRequestNumber(ev: EventInput): number | undefined {
  const n = (ev.payload.pull_request as { number?: unknown } | undefined)?.number;
  return Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : undefined;
}
