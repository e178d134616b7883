/**
 * The action in apply mode, run as the runner runs it (node dist/index.js, a push event, INPUT_*,
 * GITHUB_OUTPUT/STEP_SUMMARY, the GitHub API faked on loopback) against the real control plane and
 * the real KubeRay operator.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NODES, getRayService, gpuNode, startControlPlane, type ControlPlane } from '../harness/index.js';
import { runAction, startFakeGitHub, type FakeGitHub } from '../action/runner.js';
import { git as gitIn } from '../helpers/git.js';

let cp: ControlPlane;
let gh: FakeGitHub;
let repo: string;
const shas: string[] = [];

/** git in the test's repository. */
const git = (...args: string[]) => gitIn(repo, ...args);

/** The examples with a short deletion delay, committed as one revision. */
function commitRevision(revision: 'base' | 'head'): string {
  rmSync(join(repo, 'deploy'), { recursive: true, force: true });
  mkdirSync(join(repo, 'deploy'));
  cpSync(join('examples', revision), join(repo, 'deploy'), { recursive: true });
  for (const f of ['sentiment.yaml']) {
    const p = join(repo, 'deploy', f);
    writeFileSync(p, readFileSync(p, 'utf8').replace('rayClusterDeletionDelaySeconds: 30', 'rayClusterDeletionDelaySeconds: 1'));
  }
  git('add', '-A');
  git('commit', '-qm', revision);
  return git('rev-parse', 'HEAD');
}

beforeAll(async () => {
  // GPU nodes for chat-assistant's L4 workers (without them the tool rightly fails that rollout).
  cp = await startControlPlane({ kuberayVersion: 'v1.6.2', nodes: [...DEFAULT_NODES, gpuNode('gpu-0', 2)] });
  await cp.kubectl.ensureNamespace('ml-serving');
  gh = await startFakeGitHub();
  repo = mkdtempSync(join(tmpdir(), 'rsr-apply-repo-'));
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), 'platform\n');
  shas.push(commitRevision('base'), commitRevision('head'));
}, 300_000);

afterAll(async () => {
  await gh?.close();
  await cp?.stop();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const push = (before: string, after: string) => ({ ref: 'refs/heads/main', before, after, repository: { name: 'ml-platform', owner: { login: 'acme' } } });
const inputs = { manifests: 'deploy/**/*.yaml', 'github-token': 'ghs_fake', timeout: '3m', 'force-conflicts': 'true' };

describe('apply mode on push', () => {
  it('a first push creates every RayService and reports each rollout', async () => {
    const r = await runAction({
      cwd: repo,
      eventName: 'push',
      event: push('0'.repeat(40), shas[0]!),
      inputs,
      apiUrl: gh.url,
      env: { KUBECONFIG: cp.kubeconfigPath, GITHUB_SHA: shas[0]! },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.result).toBe('succeeded');
    expect(Object.keys(JSON.parse(r.outputs.clusters!)).sort()).toEqual([
      'ml-serving/chat-assistant',
      'ml-serving/embeddings',
      'ml-serving/fraud-scoring',
      'ml-serving/ticket-triage',
    ]);
    expect(r.summary).toContain('RayService rollout');
    expect(r.stdout).toMatch(/::group::ml-serving\/ticket-triage: succeeded/);
    const status = gh.requests.find((q) => q.method === 'POST' && q.path === `/repos/acme/ml-platform/statuses/${shas[0]}`);
    expect(status?.body).toMatchObject({ context: 'rayservice-rollout/apply', state: 'success' });
  }, 300_000);

  it('plan mode with live: true compares the PR with what runs and judges the fit (fail-on: capacity)', async () => {
    const pr = {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, base: { sha: shas[0]!, ref: 'main' }, head: { sha: shas[1]!, ref: 'feature' } },
      repository: { name: 'ml-platform', owner: { login: 'acme' } },
    };
    gh.requests.length = 0;
    const r = await runAction({
      cwd: repo,
      eventName: 'pull_request',
      event: pr,
      inputs: { manifests: 'deploy/**/*.yaml', 'github-token': 'ghs_fake', live: 'true', 'fail-on': 'capacity', 'force-conflicts': 'true' },
      apiUrl: gh.url,
      env: { KUBECONFIG: cp.kubeconfigPath },
    });
    const plan = JSON.parse(r.outputs.plan!);
    expect(plan.cluster.mode, r.stdout).toBe('live');
    expect(plan).toMatchObject({ kuberayVersion: '1.6.2', kuberayVersionSource: 'cluster-annotation' });
    const byName = Object.fromEntries(plan.services.map((s: { name: string }) => [s.name, s]));
    expect(byName['ticket-triage'].cluster).toMatchObject({ live: 'found', dryRun: 'ok', drift: [] });
    expect(byName.reranker.cluster.live).toBe('absent');
    for (const s of plan.services) expect(['fits', 'does-not-fit', 'fits-after-scale-up', 'nothing-to-place']).toContain(s.cluster.fit.verdict);
    const misfits = plan.services.filter((s: { cluster: { fit: { verdict: string } } }) => s.cluster.fit.verdict === 'does-not-fit');
    const status = gh.requests.find((q) => q.method === 'POST' && q.path === `/repos/acme/ml-platform/statuses/${shas[1]}`);
    expect(status?.body.state).toBe(misfits.length ? 'failure' : 'success');
    expect(r.code, r.stdout + r.stderr).toBe(misfits.length ? 1 : 0);
    const comment = gh.requests.find((q) => q.method === 'POST' && q.path === '/repos/acme/ml-platform/issues/7/comments');
    expect(comment?.body.body).toContain('Compared with the cluster');
    expect(comment?.body.body).toContain('Fits?');
    // Nothing was applied by a plan: the head's new RayService does not exist.
    expect(await cp.kubectl.tryGet('RayService', 'reranker', 'ml-serving')).toBeUndefined();
  }, 120_000);

  it('the merge of a PR rolls out blue/green, in place and Serve changes, and comments on the PR', async () => {
    const before = await getRayService(cp.kubectl, 'ticket-triage', 'ml-serving');
    gh.requests.length = 0;
    const r = await runAction({
      cwd: repo,
      eventName: 'push',
      event: push(shas[0]!, shas[1]!),
      inputs,
      apiUrl: gh.url,
      env: { KUBECONFIG: cp.kubeconfigPath, GITHUB_SHA: shas[1]! },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.result).toBe('succeeded');
    expect(r.outputs.change).toBe('cluster');
    const clusters = JSON.parse(r.outputs.clusters!);
    expect(clusters['ml-serving/ticket-triage']).not.toBe(before.activeCluster);
    expect(clusters['ml-serving/reranker']).toBeDefined();
    expect(r.stdout).toMatch(/\[ml-serving\/ticket-triage\].*traffic switched/);
    const comment = gh.requests.find((q) => q.method === 'POST' && q.path === '/repos/acme/ml-platform/issues/7/comments');
    expect(comment?.body.body).toMatch(/^<!-- rayservice-rollout:apply:/);
    expect(comment?.body.body).toContain('ml-serving/ticket-triage');
    expect(r.stdout + r.stderr + JSON.stringify(gh.requests)).not.toContain(cp.token);
  }, 300_000);

  it('a failing rollout fails the step with a diagnosis in the summary and a failed status', async () => {
    const fault = cp.sim.faults.deployFailed(
      { namespace: 'ml-serving', rayService: 'fraud-scoring' },
      { message: 'ImportError: No module named fraud.serve2' },
    );
    try {
      const p = join(repo, 'deploy', 'fraud.yaml');
      writeFileSync(p, readFileSync(p, 'utf8').replace('import_path: fraud.serve:app', 'import_path: fraud.serve2:app'));
      git('commit', '-qam', 'break fraud');
      const sha = git('rev-parse', 'HEAD');
      gh.requests.length = 0;
      const r = await runAction({
        cwd: repo,
        eventName: 'push',
        event: push(shas[1]!, sha),
        inputs: { ...inputs, timeout: '2m' },
        apiUrl: gh.url,
        env: { KUBECONFIG: cp.kubeconfigPath, GITHUB_SHA: sha },
      });
      expect(r.code).toBe(1);
      expect(['failed', 'timeout']).toContain(r.outputs.result);
      expect(r.summary).toContain('No module named fraud.serve2');
      expect(r.stdout).toMatch(/::error::.*fraud-scoring/);
      const status = gh.requests.find((q) => q.method === 'POST' && q.path === `/repos/acme/ml-platform/statuses/${sha}`);
      expect(status?.body.state).toBe('failure');
    } finally {
      fault.clear();
    }
  }, 300_000);
});
