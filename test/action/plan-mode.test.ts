/** The action in plan mode, run as the runner runs it, against a recording fake of the GitHub API. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAction, startFakeGitHub, type FakeGitHub } from './runner.js';
import { git as gitIn } from '../helpers/git.js';

const TOKEN = 'ghs_test_token_never_printed_1234567890';
let repo: string;
let baseSha: string;
let headSha: string;
let gh: FakeGitHub;

/** git in the test's repository. */
const git = (...args: string[]) => gitIn(repo, ...args);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'rsr-action-repo-'));
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'deploy'));
  cpSync('examples/base', join(repo, 'deploy'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'app\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-qb', 'feature');
  rmSync(join(repo, 'deploy'), { recursive: true });
  mkdirSync(join(repo, 'deploy'));
  cpSync('examples/head', join(repo, 'deploy'), { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'head');
  headSha = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

const event = () => ({
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } },
  repository: { name: 'ml-platform', owner: { login: 'acme' } },
});

const inputs = (extra: Record<string, string> = {}) => ({ manifests: 'deploy/**/*.yaml', 'github-token': TOKEN, 'kuberay-version': '1.7', ...extra });

describe('plan mode on a pull request', () => {
  it('posts one sticky comment, edits it on the next run, sets the status on the head SHA', async () => {
    const first = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs(), apiUrl: gh.url });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const second = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs(), apiUrl: gh.url });
    expect(second.code).toBe(0);

    const writes = gh.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual([
      'POST /repos/acme/ml-platform/issues/7/comments',
      `POST /repos/acme/ml-platform/statuses/${headSha}`,
      'POST /graphql', // who am I (viewer; refused for the default token: github-actions[bot])
      `PATCH /repos/acme/ml-platform/issues/comments/${gh.comments[0]!.id}`,
      `POST /repos/acme/ml-platform/statuses/${headSha}`,
    ]);
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(body.startsWith('<!-- rayservice-rollout:plan:rayservice plan -->')).toBe(true);
    expect(body).toContain('ml-serving/ticket-triage');
    // Each field links to its line in the file at the head SHA.
    expect(body).toContain(`https://github.com/acme/ml-platform/blob/${headSha}/deploy/`);
    expect(body).toContain('https://github.com/acme/ml-platform/actions/runs/4242');
    expect(body.length).toBeLessThan(65_536);

    const status = gh.requests.find((r) => r.path.includes('/statuses/'))!;
    expect(status.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'success' });
    expect(status.body.description.length).toBeLessThanOrEqual(140);
    expect(status.authorization).toBe(`token ${TOKEN}`);

    expect(first.outputs.change).toBe('cluster');
    expect(first.outputs.result).toBe('planned');
    expect(JSON.parse(first.outputs.plan!).services).toHaveLength(5);
    expect(first.summary).toContain('RayService rollout plan');
    // Annotations on the manifest lines
    expect(first.stdout).toMatch(
      /::warning title=ml-serving\/embeddings%3A ignored,file=deploy\/batch-embed\.yaml,line=26::spec\.rayClusterConfig\.workerGroupSpecs\[0\]\.replicas: ignored/,
    );
    expect(first.stdout).toMatch(/::notice title=ml-serving\/ticket-triage%3A cluster,file=deploy\/sentiment\.yaml,line=39::/);
    expect(first.stdout + first.stderr).not.toContain(TOKEN);
  });

  it('a pull request that touches no RayService gets its status and no new comment; an earlier plan comment is corrected', async () => {
    const same = { ...event(), pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: baseSha, ref: 'feature' } } };
    const quiet = await runAction({ cwd: repo, eventName: 'pull_request', event: same, inputs: inputs(), apiUrl: gh.url });
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
    expect(gh.comments).toHaveLength(0);
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.includes('/statuses/'))).toHaveLength(1);
    expect(quiet.summary).toContain('This change touches no RayService');

    const marker = '<!-- rayservice-rollout:plan:rayservice plan -->';
    gh.comments.push({ id: 9, node_id: 'IC_9', issue: 7, user: { login: 'github-actions[bot]' }, body: `${marker}\nan older plan` });
    const again = await runAction({ cwd: repo, eventName: 'pull_request', event: same, inputs: inputs(), apiUrl: gh.url });
    expect(again.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('This change touches no RayService');
  });

  it('minimizes older duplicates of its comment', async () => {
    const marker = '<!-- rayservice-rollout:plan:rayservice plan -->';
    const bot = { login: 'github-actions[bot]' };
    gh.comments.push(
      { id: 1, node_id: 'IC_1', issue: 7, user: bot, body: `${marker}\nold` },
      { id: 2, node_id: 'IC_2', issue: 7, user: { login: 'alice' }, body: 'someone else' },
      { id: 3, node_id: 'IC_3', issue: 7, user: bot, body: `${marker}\nolder race` },
    );
    const r = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs(), apiUrl: gh.url });
    expect(r.code, r.stdout).toBe(0);
    expect(gh.requests.filter((q) => q.method === 'PATCH').map((q) => q.path)).toEqual(['/repos/acme/ml-platform/issues/comments/3']);
    const gql = gh.requests.filter((q) => q.path === '/graphql' && /minimizeComment/.test(q.body.query));
    expect(gql).toHaveLength(1);
    expect(gql[0]!.body.variables).toEqual({ id: 'IC_1' });
    expect(gql[0]!.body.query).toMatch(/minimizeComment.*OUTDATED/s);
  });

  it('fail-on turns a matching change into a failed status and a failed step', async () => {
    const r = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs({ 'fail-on': 'ignored' }), apiUrl: gh.url });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::fail-on ignored: ml-serving\/embeddings is ignored/);
    const status = gh.requests.find((q) => q.path.includes('/statuses/'))!;
    expect(status.body.state).toBe('failure');
    expect(r.outputs.result).toBe('policy-failed');
  });

  it('a read-only token (fork PR) still plans: summary and outputs, a warning, no failure', async () => {
    gh.failWith.push({ match: /^POST .*\/(comments|statuses)/, status: 403 });
    const r = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs(), apiUrl: gh.url });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::Could not comment on the pull request \(HTTP 403\)/);
    expect(r.outputs.change).toBe('cluster');
  });

  it('live: true without any Kubernetes credentials plans from Git, with a warning, and does not fail', async () => {
    const r = await runAction({
      cwd: repo,
      eventName: 'pull_request',
      event: event(),
      inputs: inputs({ live: 'true', 'fail-on': 'capacity' }),
      apiUrl: gh.url,
      env: { KUBECONFIG: join(repo, 'no-such-kubeconfig') },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::Planned from Git alone: /);
    const plan = JSON.parse(r.outputs.plan!);
    expect(plan.cluster.mode).toBe('git-only');
    expect(r.outputs.result).toBe('planned');
    expect(gh.comments[0]!.body).toContain('Git only');
    expect(gh.requests.find((q) => q.path.includes('/statuses/'))!.body.state).toBe('success');
  });

  it('fail-on: capacity without live says it cannot judge, and fails nothing', async () => {
    const r = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs({ 'fail-on': 'capacity' }), apiUrl: gh.url });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::fail-on: capacity needs the cluster-aware plan/);
  });

  it('a bad manifest fails with file and line, no stack trace; the status and the sticky comment say why', async () => {
    const marker = '<!-- rayservice-rollout:plan:rayservice plan -->';
    gh.comments.push({ id: 1, node_id: 'IC_1', issue: 7, user: { login: 'github-actions[bot]' }, body: `${marker}\nthe previous plan` });
    const bad = join(repo, 'deploy', 'sentiment.yaml');
    git('checkout', '-q', 'feature');
    writeFileSync(bad, 'apiVersion: ray.io/v1\nkind: RayService\nmetadata:\n  name: [x\n');
    git('commit', '-qam', 'broken');
    const broken = git('rev-parse', 'HEAD');
    const ev = event();
    ev.pull_request.head.sha = broken;
    const r = await runAction({ cwd: repo, eventName: 'pull_request', event: ev, inputs: inputs(), apiUrl: gh.url });
    git('reset', '-q', '--hard', headSha);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error file=deploy\/sentiment\.yaml,line=\d+::deploy\/sentiment\.yaml:\d+: invalid YAML/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    // The old plan must not stay up as if it were current, and a required check must not wait.
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toMatch(/No plan: it could not be made[\s\S]*deploy\/sentiment\.yaml:\d+: invalid YAML/);
    const status = gh.requests.find((q) => q.path === `/repos/acme/ml-platform/statuses/${broken}`)!;
    expect(status.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'failure' });
    expect(status.body.description).toMatch(/^deploy\/sentiment\.yaml:\d+: invalid YAML/);
    expect(r.outputs.result).toBe('error');
    expect(r.summary).toMatch(/No plan: it could not be made/);
  });

  it('globs may not leave the workspace', async () => {
    const r = await runAction({ cwd: repo, eventName: 'pull_request', event: event(), inputs: inputs({ manifests: '../**/*.yaml' }), apiUrl: gh.url });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/pattern "\.\.\/\*\*\/\*\.yaml" leaves the workspace/);
  });

  it('a shallow clone fetches the base commit it lacks', async () => {
    const shallow = mkdtempSync(join(tmpdir(), 'rsr-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${repo}`, shallow]);
      const r = await runAction({ cwd: shallow, eventName: 'pull_request', event: event(), inputs: inputs(), apiUrl: gh.url });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(
        JSON.parse(r.outputs.plan!)
          .services.map((s: any) => s.change)
          .sort(),
      ).toEqual(['app', 'cluster', 'cluster-inplace', 'create', 'ignored']);
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('input prune: the comment says whether merging deletes a RayService removed from Git', async () => {
    git('checkout', '-q', '-b', 'remove-fraud', headSha);
    git('rm', '-q', 'deploy/fraud.yaml');
    git('commit', '-qm', 'remove fraud');
    const removal = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'feature');
    const ev = { ...event(), pull_request: { number: 7, base: { sha: headSha, ref: 'main' }, head: { sha: removal, ref: 'remove-fraud' } } };
    const bodies: string[] = [];
    for (const prune of ['false', 'true']) {
      const r = await runAction({ cwd: repo, eventName: 'pull_request', event: ev, inputs: inputs({ prune, comment: 'false' }), apiUrl: gh.url });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const fraud = JSON.parse(r.outputs.plan!).services.find((s: { name: string }) => s.name === 'fraud-scoring');
      expect(fraud).toMatchObject({ change: 'delete', manifest: 'removed', removal: prune === 'true' ? 'prune' : 'left-running' });
      bodies.push(r.outputs.comment!);
    }
    expect(bodies[0]).toMatch(/removed from Git, left running\*\*: apply never deletes/);
    expect(bodies[1]).toMatch(/will be deleted \(prune\)/);
    const typo = await runAction({ cwd: repo, eventName: 'pull_request', event: ev, inputs: inputs({ prune: 'yes' }), apiUrl: gh.url });
    expect(typo.code).toBe(1);
    expect(typo.stdout).toMatch(/input prune must be true or false, not "yes"/);
  });
});
