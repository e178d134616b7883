/**
 * Every run reports, however it ends: runs that stop early (no credentials, a manual dispatch
 * without a mode) still set their status on the right SHA, `result` and the summary; a merge group
 * is planned with its status on its head SHA; a plan over GitHub's output size gives a short
 * `plan` output and the full plan in `plan-file`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { exampleRepo, planInputs, TOKEN, type ExampleRepo } from './fixture.js';
import { runAction, startFakeGitHub, type FakeGitHub } from './runner.js';

let repo: ExampleRepo;
let gh: FakeGitHub;
beforeAll(() => {
  repo = exampleRepo();
});
afterAll(() => repo.remove());
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

const statuses = () => gh.requests.filter((q) => q.method === 'POST' && q.path.includes('/statuses/'));

describe('runs that stop early still report', () => {
  it('apply on a push without cluster credentials: status error on the pushed SHA, result, summary, comment on the merged PR', async () => {
    const r = await runAction({
      cwd: repo.dir,
      eventName: 'push',
      event: { before: repo.baseSha, after: repo.headSha },
      inputs: planInputs(),
      apiUrl: gh.url,
      env: { KUBECONFIG: join(repo.dir, 'no-such-kubeconfig'), GITHUB_SHA: repo.headSha },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/internal error/);
    expect(statuses()).toHaveLength(1);
    expect(statuses()[0]!.path).toBe(`/repos/acme/ml-platform/statuses/${repo.headSha}`);
    expect(statuses()[0]!.body).toMatchObject({ context: 'rayservice-rollout/apply', state: 'error' });
    expect(statuses()[0]!.body.description.length).toBeLessThanOrEqual(140);
    expect(r.outputs.result).toBe('error');
    expect(r.summary).toMatch(/Nothing was applied/);
    expect(gh.comments.map((c) => c.issue)).toEqual([7]);
    expect(gh.comments[0]!.body).toMatch(/^<!-- rayservice-rollout:apply:rayservice plan -->/);
  });

  it('a manual dispatch without a mode: refused clearly, with a status on GITHUB_SHA', async () => {
    const r = await runAction({
      cwd: repo.dir,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: planInputs(),
      apiUrl: gh.url,
      env: { GITHUB_SHA: repo.headSha },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::on workflow_dispatch set `mode: apply`/);
    expect(statuses()[0]!.path).toBe(`/repos/acme/ml-platform/statuses/${repo.headSha}`);
    expect(statuses()[0]!.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'error' });
    expect(r.outputs.result).toBe('error');
  });

  it('a wrong input still leaves a status and the result', async () => {
    const event = { number: 7, pull_request: { number: 7, base: { sha: repo.baseSha }, head: { sha: repo.headSha } } };
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event, inputs: planInputs({ 'fail-on': 'everything' }), apiUrl: gh.url });
    expect(r.code).toBe(1);
    expect(statuses()[0]!.path).toBe(`/repos/acme/ml-platform/statuses/${repo.headSha}`);
    expect(statuses()[0]!.body.state).toBe('error');
    expect(r.outputs.result).toBe('error');
  });
});

describe('merge queue', () => {
  it('plans merge_group base_sha → head_sha, status on head_sha, no comment', async () => {
    const event = {
      merge_group: { base_sha: repo.baseSha, head_sha: repo.headSha, head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-x', base_ref: 'refs/heads/main' },
    };
    const r = await runAction({ cwd: repo.dir, eventName: 'merge_group', event, inputs: planInputs(), apiUrl: gh.url });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.change).toBe('cluster');
    expect(statuses().map((q) => q.path)).toEqual([`/repos/acme/ml-platform/statuses/${repo.headSha}`]);
    expect(statuses()[0]!.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'success' });
    expect(gh.requests.filter((q) => q.path.includes('/comments'))).toEqual([]);
  });
});

describe("GitHub's size limits", () => {
  it('a plan over 1 MB: the plan output is a short form, plan-file has it all, the summary is under 1 MiB', async () => {
    const big = exampleRepo();
    try {
      // 250 RayServices whose Serve config carries CJK text, each changed: 1.5 MB of plan JSON.
      git(big.dir, 'checkout', '-q', 'feature');
      rmSync(join(big.dir, 'deploy'), { recursive: true });
      mkdirSync(join(big.dir, 'deploy'));
      const note = '推理服务配置说明'.repeat(100);
      const commit = (rev: number) => {
        for (let i = 0; i < 250; i++) {
          const m = `apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: svc-${i}, namespace: ml}\nspec:\n  serveConfigV2: |\n    applications:\n      - name: a${i}\n        import_path: app.main:entry${rev}\n        deployments:\n          - name: 模型${i}\n            user_config: {note: "${note}${rev}"}\n  rayClusterConfig:\n    rayVersion: "2.46.0"\n    headGroupSpec:\n      rayStartParams: {}\n      template: {spec: {containers: [{name: ray-head, image: "rayproject/ray:2.46.0"}]}}\n`;
          writeFileSync(join(big.dir, 'deploy', `s${i}.yaml`), m);
        }
        git(big.dir, 'add', '-A');
        git(big.dir, 'commit', '-qm', `rev ${rev}`);
        return git(big.dir, 'rev-parse', 'HEAD');
      };
      const base = commit(0);
      const head = commit(1);
      const event = { number: 7, pull_request: { number: 7, base: { sha: base }, head: { sha: head } } };
      const r = await runAction({ cwd: big.dir, eventName: 'pull_request', event, inputs: planInputs(), apiUrl: gh.url });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(Buffer.byteLength(r.outputs.plan!, 'utf8')).toBeLessThan(1_000_000);
      const short = JSON.parse(r.outputs.plan!);
      expect(short).toMatchObject({ truncated: true, planFile: r.outputs['plan-file'] });
      expect(short.services).toHaveLength(250);
      const full = JSON.parse(r.planFile!);
      expect(Buffer.byteLength(r.planFile!, 'utf8')).toBeGreaterThan(1_000_000);
      expect(full.services).toHaveLength(250);
      expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThan(1_048_576);
      expect(gh.comments[0]!.body.length).toBeLessThan(65_536);
    } finally {
      big.remove();
    }
  });

  it('a small plan: the whole plan in the output and in plan-file', async () => {
    const event = { number: 7, pull_request: { number: 7, base: { sha: repo.baseSha }, head: { sha: repo.headSha } } };
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event, inputs: { ...planInputs(), 'github-token': TOKEN }, apiUrl: gh.url });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.plan!)).toEqual(JSON.parse(r.planFile!));
  });
});
