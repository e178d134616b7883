/**
 * One comment per workflow on a pull request, found by a hidden marker and edited in place;
 * earlier copies (from races or older versions) are minimized as outdated instead of piling up.
 *
 * A comment is ours only when it starts with the marker AND the identity the token acts as wrote
 * it. Anyone can type the marker into a comment; without the author check the action would edit
 * (overwrite) that person's comment and minimize its own. The identity is GitHub's GraphQL
 * `viewer { login }`; the default GITHUB_TOKEN of an app installation may be refused that query,
 * and then it is `github-actions[bot]`, the login that token writes as.
 */
import type { Octokit } from './api.js';

/** The login of comments written with the workflow's default GITHUB_TOKEN. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

export interface StickyTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
  /** Hidden marker that identifies our comment, e.g. `<!-- rayservice-rollout:plan:deploy.yml -->`. */
  readonly marker: string;
}

export interface StickyResult {
  /** `none`: there was no comment of ours and `create` was false. */
  readonly action: 'created' | 'updated' | 'none';
  /** The comment's id (0 when none). */
  readonly id: number;
  readonly minimized: number;
  /** Why outdated copies could not be minimized (best effort: the comment itself is what matters). */
  readonly minimizeFailures: readonly string[];
  /** The login our comments were recognized by; undefined when no comment carried the marker (no lookup needed). */
  readonly author: ActingIdentity | undefined;
}

export interface ActingIdentity {
  readonly login: string;
  readonly source: 'viewer' | 'fallback';
}

/** The fields of a listed issue comment that decide whether it is ours. */
export interface ListedComment {
  readonly id: number;
  readonly node_id?: string;
  readonly body?: string | null;
  readonly user?: { readonly login?: string } | null;
}

export function markerFor(kind: string, workflow: string): string {
  // Workflow names are user text: keep the marker free of `--` and `>`.
  const safe = workflow.replace(/[^A-Za-z0-9._/ -]/g, '').replace(/-{2,}/g, '-');
  return `<!-- rayservice-rollout:${kind}:${safe} -->`;
}

/** Comments that carry the marker first, whoever wrote them (cheap test before asking who we are). */
export function markedComments<C extends ListedComment>(comments: readonly C[], marker: string): C[] {
  return comments.filter((c) => typeof c.body === 'string' && c.body.startsWith(marker));
}

/** Our comments, oldest first: the marker first and written by `login` (logins are case-insensitive). */
export function ownComments<C extends ListedComment>(comments: readonly C[], marker: string, login: string): C[] {
  const me = login.toLowerCase();
  return markedComments(comments, marker).filter((c) => typeof c.user?.login === 'string' && c.user.login.toLowerCase() === me);
}

/** Who the token writes as: GraphQL `viewer`, else (query refused or failed) github-actions[bot]. */
export async function actingIdentity(octokit: Octokit): Promise<ActingIdentity> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } | null }>('query { viewer { login } }');
    const login = answer?.viewer?.login;
    if (typeof login === 'string' && login !== '') return { login, source: 'viewer' };
  } catch {
    // Refused ("Resource not accessible by integration") for installation tokens: fall back.
  }
  return { login: GITHUB_ACTIONS_LOGIN, source: 'fallback' };
}

export async function upsertStickyComment(octokit: Octokit, target: StickyTarget, body: string, options: { create?: boolean } = {}): Promise<StickyResult> {
  const text = `${target.marker}\n${body}`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const marked = markedComments(comments, target.marker);
  // Only ask who we are when a marked comment exists: the first run on a PR needs no lookup.
  const author = marked.length ? await actingIdentity(octokit) : undefined;
  const ours = author ? ownComments(marked, target.marker, author.login) : [];
  const newest = ours[ours.length - 1];
  let result: Omit<StickyResult, 'minimized' | 'minimizeFailures'>;
  if (newest) {
    await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: newest.id, body: text });
    result = { action: 'updated', id: newest.id, author };
  } else if (options.create === false) {
    return { action: 'none', id: 0, author, minimized: 0, minimizeFailures: [] };
  } else {
    const created = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text });
    result = { action: 'created', id: created.data.id, author };
  }
  let minimized = 0;
  const minimizeFailures: string[] = [];
  for (const old of ours.slice(0, -1)) {
    if (!old.node_id) continue;
    try {
      await octokit.graphql('mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }', {
        id: old.node_id,
      });
      minimized++;
    } catch (e) {
      minimizeFailures.push(`comment ${old.id}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    }
  }
  return { ...result, minimized, minimizeFailures };
}
