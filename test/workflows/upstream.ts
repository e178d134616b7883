/**
 * The repository a workflow test runs against, as GitHub holds it: `acme/ml-platform` with the
 * examples' manifests under deploy/, `main` moved on after the pull request branched off (so the
 * merge commit is neither the base nor the head), and the refs GitHub keeps for pull request 7:
 * `refs/pull/7/head` (the head, also for a fork whose branch is not in this repository) and
 * `refs/pull/7/merge` (the test merge `pull_request` runs on). Served by the fake GitHub over HTTP.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { git } from '../helpers/git.js';

export const OWNER = 'acme';
export const REPO = 'ml-platform';
export const PR = 7;
const examples = resolve(import.meta.dirname, '..', '..', 'examples');

export interface Upstream {
  /** GIT_PROJECT_ROOT for the fake GitHub. */
  root: string;
  /** main's tip when the pull request event fires: the PR's base SHA. */
  baseSha: string;
  headSha: string;
  mergeSha: string;
  /** A second push to the pull request's branch: new head and merge refs. */
  pushToPullRequest(change: (deployDir: string) => void, message: string): void;
  /** A merge queue's temporary branch gh-readonly-queue/main/pr-7-<head>; returns its SHA. */
  mergeGroup(): { ref: string; sha: string };
  /** Fast-forwards main to the pull request's merge commit (what merging does); returns the push's before/after. */
  merge(): { before: string; after: string };
}

/** What deploy/ holds at the pull request's base and at its head. */
export interface Revisions {
  base(deploy: string): void;
  head(deploy: string): void;
}

/** The examples' plain manifests: examples/base, then examples/head. */
export const PLAIN_EXAMPLES: Revisions = {
  base: (deploy) => copyFlat(join(examples, 'base'), deploy),
  head: (deploy) => copyFlat(join(examples, 'head'), deploy),
};

/**
 * examples/kustomize (a base and overlays); the head gives prod's workers more memory in the
 * overlay's patch (request and limit together: a request above its limit makes pods the API server refuses).
 */
export const KUSTOMIZE_EXAMPLE: Revisions = {
  base: (deploy) => cpSync(join(examples, 'kustomize'), deploy, { recursive: true }),
  head: (deploy) => {
    const patch = join(deploy, 'overlays', 'prod', 'rayservice-size.yaml');
    const text = readFileSync(patch, 'utf8');
    const worker = text.lastIndexOf('requests: {cpu: "2", memory: 8Gi}');
    writeFileSync(patch, `${text.slice(0, worker)}${text.slice(worker).replaceAll('memory: 8Gi', 'memory: 12Gi')}`);
  },
};

export function makeUpstream(dir: string, revisions: Revisions = PLAIN_EXAMPLES): Upstream {
  const root = join(dir, 'git');
  const bare = join(root, OWNER, `${REPO}.git`);
  const work = join(dir, 'work');
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '--bare', '-q', '-b', 'main');
  git(dir, 'init', '-q', '-b', 'main', work);
  git(work, 'remote', 'add', 'origin', bare);
  putDeploy(work, revisions.base);
  writeFileSync(join(work, 'README.md'), '# ml-platform\n');
  commit(work, 'RayServices at base');
  git(work, 'checkout', '-q', '-b', 'feature');
  revisions.head(join(work, 'deploy'));
  commit(work, 'the change under review');
  git(work, 'checkout', '-q', 'main');
  writeFileSync(join(work, 'README.md'), '# ml-platform\n\nOwned by the ML platform team.\n');
  commit(work, 'main moves on');
  git(work, 'push', '-q', 'origin', 'main');

  const state = { baseSha: git(work, 'rev-parse', 'main'), headSha: '', mergeSha: '' };
  const publishPullRequest = () => {
    state.headSha = git(work, 'rev-parse', 'feature');
    git(work, 'checkout', '-q', '--detach', 'main');
    git(work, 'merge', '-q', '--no-ff', '-m', `Merge ${state.headSha} into ${state.baseSha}`, 'feature');
    state.mergeSha = git(work, 'rev-parse', 'HEAD');
    git(work, 'push', '-q', '-f', 'origin', `feature:refs/pull/${PR}/head`, `HEAD:refs/pull/${PR}/merge`);
    git(work, 'checkout', '-q', 'main');
  };
  publishPullRequest();
  return {
    root,
    get baseSha() {
      return state.baseSha;
    },
    get headSha() {
      return state.headSha;
    },
    get mergeSha() {
      return state.mergeSha;
    },
    pushToPullRequest(change, message) {
      git(work, 'checkout', '-q', 'feature');
      change(join(work, 'deploy'));
      commit(work, message);
      git(work, 'checkout', '-q', 'main');
      publishPullRequest();
    },
    mergeGroup() {
      const ref = `refs/heads/gh-readonly-queue/main/pr-${PR}-${state.headSha}`;
      git(work, 'push', '-q', '-f', 'origin', `${state.mergeSha}:${ref}`);
      return { ref, sha: state.mergeSha };
    },
    merge() {
      const before = state.baseSha;
      git(work, 'push', '-q', 'origin', `${state.mergeSha}:refs/heads/main`);
      state.baseSha = state.mergeSha;
      return { before, after: state.mergeSha };
    },
  };
}

function putDeploy(work: string, fill: (deploy: string) => void): void {
  const deploy = join(work, 'deploy');
  rmSync(deploy, { recursive: true, force: true });
  mkdirSync(deploy);
  fill(deploy);
}

function copyFlat(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to);
  for (const f of readdirSync(from)) cpSync(join(from, f), join(to, f));
}

function commit(work: string, message: string): void {
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', message);
}
