/**
 * One comment per workflow on a pull request, found by a hidden marker and edited in place;
 * earlier copies (from races or older versions) are minimized as outdated instead of piling up.
 */
import type { getOctokit } from '@actions/github';

type Octokit = ReturnType<typeof getOctokit>;

export interface StickyTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
  /** Hidden marker that identifies our comment, e.g. `<!-- rayservice-rollout:plan:deploy.yml -->`. */
  readonly marker: string;
}

export interface StickyResult {
  readonly action: 'created' | 'updated';
  readonly id: number;
  readonly minimized: number;
}

export function markerFor(kind: string, workflow: string): string {
  // Workflow names are user text: keep the marker free of `--` and `>`.
  const safe = workflow.replace(/[^A-Za-z0-9._/ -]/g, '').replace(/-{2,}/g, '-');
  return `<!-- rayservice-rollout:${kind}:${safe} -->`;
}

export async function upsertStickyComment(octokit: Octokit, target: StickyTarget, body: string): Promise<StickyResult> {
  const text = `${target.marker}\n${body}`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const ours = comments.filter((c) => typeof c.body === 'string' && c.body.startsWith(target.marker));
  const newest = ours[ours.length - 1];
  let result: StickyResult;
  if (newest) {
    await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: newest.id, body: text });
    result = { action: 'updated', id: newest.id, minimized: 0 };
  } else {
    const created = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text });
    result = { action: 'created', id: created.data.id, minimized: 0 };
  }
  let minimized = 0;
  for (const old of ours.slice(0, -1)) {
    if (!old.node_id) continue;
    await octokit.graphql('mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }', {
      id: old.node_id,
    });
    minimized++;
  }
  return { ...result, minimized };
}
