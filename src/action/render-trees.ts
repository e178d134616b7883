/**
 * The action's `render` input: the base and head commits checked out side by side (git worktrees
 * in RUNNER_TEMP), the renderer run in each, and the plan's lines pointed back to the sources.
 * Rendering runs repository content (a chart's templates, a kustomize plugin, a script): under
 * pull_request_target and workflow_run that content may be a fork's, with a write token and
 * secrets in reach, so it is refused there unless the workflow opts in with `render-untrusted`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeWorktree, worktreeAt } from '../git/git-tree.js';
import { renderBoth, type RenderedPair } from '../render-manifests/index.js';
import { ActionInputError, type ActionInputs } from './inputs.js';

export const PRIVILEGED_EVENTS = ['pull_request_target', 'workflow_run'];

export function checkRenderTrust(eventName: string, inputs: Pick<ActionInputs, 'render' | 'renderUntrusted'>): void {
  if (!inputs.render || inputs.renderUntrusted || !PRIVILEGED_EVENTS.includes(eventName)) return;
  throw new ActionInputError(
    `render runs the repository's content (templates, plugins, commands) and is refused on ${eventName}, where a pull request's code would run with a write token and the workflow's secrets; plan on pull_request instead, or set render-untrusted: true if you have made sure nothing of value is in reach (docs/security.md)`,
  );
}

/** Renders both commits and returns the manifests to plan; the worktrees are gone when `use` returns. */
export async function withRenderedCommits<T>(
  workspace: string,
  shas: { readonly base: string; readonly head: string },
  inputs: Pick<ActionInputs, 'render' | 'namespace'>,
  use: (pair: RenderedPair) => Promise<T>,
): Promise<T> {
  const root = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'rayservice-rollout-render-'));
  const trees = { base: join(root, 'base'), head: join(root, 'head') };
  try {
    await worktreeAt(workspace, shas.base, trees.base);
    await worktreeAt(workspace, shas.head, trees.head);
    return await use(await renderBoth(trees, inputs.render, { defaultNamespace: inputs.namespace }));
  } finally {
    await Promise.all([removeWorktree(workspace, trees.base), removeWorktree(workspace, trees.head)]);
    await rm(root, { recursive: true, force: true });
  }
}
