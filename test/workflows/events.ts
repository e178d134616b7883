/**
 * Event payloads and the GITHUB_REF / GITHUB_SHA GitHub sets with them, for the workflow tests: only
 * the fields GitHub documents for each event, filled from the upstream repository's state.
 */
import { OWNER, PR, REPO, type Upstream } from './upstream.js';

const FULL = `${OWNER}/${REPO}`;
const repository = { full_name: FULL, name: REPO, owner: { login: OWNER }, default_branch: 'main', private: false };

export interface GitHubEvent {
  eventName: string;
  event: Record<string, unknown>;
  githubEnv: Record<string, string>;
}

const env = (ref: string, sha: string) => ({ GITHUB_REPOSITORY: FULL, GITHUB_REPOSITORY_OWNER: OWNER, GITHUB_REF: ref, SHA_REF: sha });

function pullRequest(up: Upstream, action: string, headRepo: string) {
  return {
    number: PR,
    state: 'open',
    head: { sha: up.headSha, ref: 'feature', repo: { full_name: headRepo } },
    base: { sha: up.baseSha, ref: 'main', repo: { full_name: FULL } },
    action,
  };
}

/** pull_request: runs on the test merge commit refs/pull/<n>/merge. */
export function pullRequestEvent(up: Upstream, action: 'opened' | 'synchronize'): GitHubEvent {
  const { action: _, ...pr } = pullRequest(up, action, FULL);
  return {
    eventName: 'pull_request',
    event: { action, number: PR, pull_request: pr, repository },
    githubEnv: env(`refs/pull/${PR}/merge`, up.mergeSha),
  };
}

/** pull_request_target from a fork: runs on the base branch's tip, with the base's workflow. */
export function pullRequestTargetEvent(up: Upstream, fork: string): GitHubEvent {
  const { action: _, ...pr } = pullRequest(up, 'opened', fork);
  return {
    eventName: 'pull_request_target',
    event: { action: 'opened', number: PR, pull_request: pr, repository },
    githubEnv: env('refs/heads/main', up.baseSha),
  };
}

/** merge_group checks_requested: runs on the queue's temporary branch. */
export function mergeGroupEvent(up: Upstream, group: { ref: string; sha: string }): GitHubEvent {
  return {
    eventName: 'merge_group',
    event: {
      action: 'checks_requested',
      merge_group: { head_sha: group.sha, head_ref: group.ref, base_sha: up.baseSha, base_ref: 'refs/heads/main', head_commit: { id: group.sha } },
      repository,
    },
    githubEnv: env(group.ref, group.sha),
  };
}

/** push to main. */
export function pushEvent(range: { before: string; after: string }): GitHubEvent {
  return {
    eventName: 'push',
    event: { ref: 'refs/heads/main', before: range.before, after: range.after, deleted: false, repository, head_commit: { id: range.after } },
    githubEnv: env('refs/heads/main', range.after),
  };
}

/** workflow_dispatch on main. */
export function dispatchEvent(sha: string): GitHubEvent {
  return { eventName: 'workflow_dispatch', event: { ref: 'refs/heads/main', inputs: {}, repository }, githubEnv: env('refs/heads/main', sha) };
}
