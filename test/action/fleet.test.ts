/**
 * A fleet (the `targets` input) and matrix legs (the `target` input), run as the runner runs the
 * bundle, against the recording fake of the GitHub API: one comment with a verdict row per target,
 * one status per target plus the overall one, refusals that name their target, and matrix legs
 * that each keep their own comment and status.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { TOKEN } from './fixture.js';
import { runAction, startFakeGitHub, type FakeGitHub } from './runner.js';

const CONFIG = `version: 1
defaults:
  kuberay-version: "1.6"
targets:
  - name: staging
    wave: 0
    manifests: clusters/staging/**/*.yaml
  - name: prod-us
    wave: 1
    manifests: clusters/prod-us/**/*.yaml
    kuberay-version: "1.5.1"
    fail-on: [rejected, cluster]
  - name: prod-eu
    wave: 1
    manifests: clusters/prod-eu/**/*.yaml
`;

interface Repo {
  dir: string;
  baseSha: string;
  headSha: string;
}

/** main: the sentiment and fraud apps in three clusters; the branch changes sentiment in staging and prod-us (and `edit` more). */
function fleetRepo(edit: (dir: string) => void = () => {}): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'rsr-fleet-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/rayservice-rollout.yaml'), CONFIG);
  for (const c of ['staging', 'prod-us', 'prod-eu']) {
    mkdirSync(join(dir, 'clusters', c), { recursive: true });
    cpSync('examples/base/sentiment.yaml', join(dir, 'clusters', c, 'sentiment.yaml'));
    cpSync('examples/base/fraud.yaml', join(dir, 'clusters', c, 'fraud.yaml'));
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-qb', 'feature');
  for (const c of ['staging', 'prod-us']) cpSync('examples/head/sentiment.yaml', join(dir, 'clusters', c, 'sentiment.yaml'));
  edit(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'head');
  return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
}

const event = (r: Repo) => ({
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, base: { sha: r.baseSha, ref: 'main' }, head: { sha: r.headSha, ref: 'feature' } },
  repository: { name: 'ml-platform', owner: { login: 'acme' } },
});

let repo: Repo;
let gh: FakeGitHub;
beforeAll(() => {
  repo = fleetRepo();
});
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

/** The action in plan mode on the pull request of `r`, with the targets file (and more inputs). */
const planFleet = (r: Repo, inputs: Record<string, string> = {}) =>
  runAction({
    cwd: r.dir,
    eventName: 'pull_request',
    event: event(r),
    inputs: { targets: '.github/rayservice-rollout.yaml', 'github-token': TOKEN, ...inputs },
    apiUrl: gh.url,
  });

const statuses = () =>
  gh.requests.filter((r) => r.path.includes('/statuses/')).map((r) => ({ context: r.body.context, state: r.body.state, sha: r.path.split('/').pop() }));

describe('a fleet (targets)', () => {
  it('plans each target with its own release and policy: one comment, a verdict row per target, a status per target and the overall one', async () => {
    const run = await planFleet(repo);
    expect(run.code, run.stdout + run.stderr).toBe(1); // prod-us fails its own fail-on: cluster
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(body.startsWith('<!-- rayservice-rollout:plan:rayservice plan -->\n### RayService rollout plan: 3 targets')).toBe(true);
    const rows = body.split('\n').filter((l) => /^\| `(staging|prod-us|prod-eu)` \|/.test(l));
    expect(rows).toHaveLength(3);
    // Capacity is per cluster: each changed target shows its own +5 CPU, never the +10 of a sum.
    expect(rows[0]).toBe('| `staging` | 0 | builds 1 new RayCluster \\(blue/green\\) | \\+5 CPU, \\+20 GiB memory | ✅ |');
    expect(rows[1]).toBe(
      '| `prod-us` | 1 | builds 1 new RayCluster \\(blue/green\\) | \\+5 CPU, \\+20 GiB memory | ⛔ fail-on rejected,cluster: ml-serving/ticket-triage is cluster |',
    );
    expect(rows[2]).toBe('| `prod-eu` | 1 | nothing \\(2 RayServices unchanged\\) | — | ✅ |');
    expect(body).not.toContain('+10 CPU');
    // Then the details per target, collapsed, each with its own release.
    expect(body).toContain('<details><summary><b>staging</b> · wave 0 · 1 RayService changed: 1 cluster (KubeRay 1.6)</summary>');
    expect(body).toContain('<details><summary><b>prod-us</b> · wave 1 · 1 RayService changed: 1 cluster (KubeRay 1.5.1)</summary>');
    expect(body).toContain(`https://github.com/acme/ml-platform/blob/${repo.headSha}/clusters/staging/sentiment.yaml`);

    expect(statuses()).toEqual([
      { context: 'rayservice-rollout/plan (staging)', state: 'success', sha: repo.headSha },
      { context: 'rayservice-rollout/plan (prod-us)', state: 'failure', sha: repo.headSha },
      { context: 'rayservice-rollout/plan (prod-eu)', state: 'success', sha: repo.headSha },
      { context: 'rayservice-rollout/plan', state: 'failure', sha: repo.headSha },
    ]);
    expect(run.outputs.result).toBe('policy-failed');
    const json = JSON.parse(run.outputs.plan!);
    expect(json.targets.map((t: { name: string; wave: number; plan: { kuberayVersion: string } }) => [t.name, t.wave, t.plan.kuberayVersion])).toEqual([
      ['staging', 0, '1.6'],
      ['prod-us', 1, '1.5.1'],
      ['prod-eu', 1, '1.6'],
    ]);
    expect(json.targets[0].plan.services.find((s: { name: string }) => s.name === 'ticket-triage').change).toBe('cluster');
    expect(run.outputs.change).toBe('cluster');
    expect(run.summary).toContain('### RayService rollout plan: 3 targets');
  });

  it('a refusal in one target names that target, with file and line', async () => {
    const broken = fleetRepo((dir) =>
      writeFileSync(join(dir, 'clusters/prod-eu/fraud.yaml'), 'apiVersion: ray.io/v1\nkind: RayService\nmetadata:\n  name: [oops\n'),
    );
    try {
      const run = await planFleet(broken);
      expect(run.code).toBe(1);
      expect(run.outputs.result).toBe('error');
      expect(gh.comments[0]!.body).toContain('target prod-eu: clusters/prod-eu/fraud.yaml:5');
      expect(run.stdout).toContain('::error file=clusters/prod-eu/fraud.yaml,line=5::target prod-eu:');
      expect(statuses()).toEqual([{ context: 'rayservice-rollout/plan', state: 'failure', sha: broken.headSha }]);
    } finally {
      rmSync(broken.dir, { recursive: true, force: true });
    }
  });

  it('refuses a targets file it cannot use, with file and line', async () => {
    const bad = fleetRepo((dir) => writeFileSync(join(dir, '.github/rayservice-rollout.yaml'), `${CONFIG}    kubeconfig-data: c2VjcmV0\n`));
    try {
      // The workspace's file is read (the checkout: the merge commit on pull_request).
      git(bad.dir, 'checkout', '-q', bad.headSha);
      const run = await planFleet(bad);
      expect(run.code).toBe(1);
      expect(gh.comments[0]!.body).toContain('.github/rayservice-rollout.yaml:16: targets[2]: "kubeconfig-data" is not a setting of the targets file');
      expect(statuses()[0]!.state).toBe('failure'); // the pull request's own file is at fault
    } finally {
      rmSync(bad.dir, { recursive: true, force: true });
    }
  });
});

describe('matrix legs (target)', () => {
  const leg = (target: string, extra: Record<string, string> = {}) => planFleet(repo, { target, ...extra });

  it('two legs into one pull request: two comments, two statuses, and a re-run edits only its own', async () => {
    const [staging, us] = await Promise.all([leg('staging'), leg('prod-us')]);
    expect(staging.code, staging.stdout + staging.stderr).toBe(0);
    expect(us.code).toBe(1); // its own fail-on: cluster
    expect(gh.comments).toHaveLength(2);
    const byMarker = (m: string) => gh.comments.find((c) => c.body.startsWith(`<!-- rayservice-rollout:plan:rayservice plan/${m} -->`));
    expect(byMarker('staging')!.body).toContain('### RayService rollout plan · staging');
    expect(byMarker('prod-us')!.body).toContain('### RayService rollout plan · prod-us');
    expect(byMarker('prod-us')!.body).toContain('KubeRay 1.5.1');
    expect(
      statuses()
        .map((s) => `${s.context}=${s.state}`)
        .sort(),
    ).toEqual(['rayservice-rollout/plan (prod-us)=failure', 'rayservice-rollout/plan (staging)=success']);
    // A single target's JSON, unchanged, with the target's own release.
    expect(JSON.parse(staging.outputs.plan!).kuberayVersion).toBe('1.6');
    expect(staging.summary).toContain('### RayService rollout plan · staging');

    const before = byMarker('prod-us')!.body;
    const again = await leg('staging');
    expect(again.code).toBe(0);
    expect(gh.comments).toHaveLength(2);
    expect(byMarker('prod-us')!.body).toBe(before);
    const edits = gh.requests.filter((r) => r.method === 'PATCH').map((r) => Number(r.path.split('/').pop()));
    expect(edits).toEqual([byMarker('staging')!.id]);
  });

  it('a leg without a targets file scopes the single-target inputs', async () => {
    const run = await runAction({
      cwd: repo.dir,
      eventName: 'pull_request',
      event: event(repo),
      inputs: { manifests: 'clusters/prod-us/**/*.yaml', target: 'prod-us', 'github-token': TOKEN, 'kuberay-version': '1.7' },
      apiUrl: gh.url,
    });
    expect(run.code).toBe(0);
    expect(statuses()).toEqual([{ context: 'rayservice-rollout/plan (prod-us)', state: 'success', sha: repo.headSha }]);
    expect(gh.comments[0]!.body.startsWith('<!-- rayservice-rollout:plan:rayservice plan/prod-us -->\n### RayService rollout plan · prod-us')).toBe(true);
  });

  it('refuses a target the file does not name', async () => {
    const run = await leg('prod-ap');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input target: prod-ap is not a target of .github/rayservice-rollout.yaml (targets: staging, prod-us, prod-eu)');
  });
});

describe('a fleet on push (apply in waves)', () => {
  it('a wave whose cluster cannot be reached stops the later waves: each target reported, a status per target, the outcome comment on the merged PR', async () => {
    const kubeconfig = join(repo.dir, 'unreachable.kubeconfig');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: gone, cluster: {server: "https://127.0.0.1:9"}}]',
        'users: [{name: u, user: {token: x}}]',
        'contexts: [{name: gone, context: {cluster: gone, user: u}}]',
        'current-context: gone',
        '',
      ].join('\n'),
    );
    try {
      const run = await runAction({
        cwd: repo.dir,
        eventName: 'push',
        event: { before: repo.baseSha, after: repo.headSha, ref: 'refs/heads/main', repository: { name: 'ml-platform', owner: { login: 'acme' } } },
        inputs: { targets: '.github/rayservice-rollout.yaml', 'github-token': TOKEN, timeout: '20s' },
        apiUrl: gh.url,
        env: { KUBECONFIG: kubeconfig },
      });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toContain('Wave 0: staging');
      expect(run.stdout).not.toContain('Wave 1:');
      expect(statuses().map((s) => `${s.context}=${s.state}`)).toEqual([
        'rayservice-rollout/apply (staging)=error',
        'rayservice-rollout/apply (prod-us)=error',
        'rayservice-rollout/apply (prod-eu)=error',
        'rayservice-rollout/apply=error',
      ]);
      const comment = gh.comments.find((c) => c.issue === 7)!.body;
      expect(comment.startsWith('<!-- rayservice-rollout:apply:rayservice plan -->\n### RayService rollout: 3 targets')).toBe(true);
      expect(comment).toMatch(/\| `staging` \| 0 \| ⛔ error: /);
      expect(comment).toContain('| `prod-us` | 1 | ⏸️ not-started: not started: wave 0 did not succeed \\(staging error\\) | — | — |');
      expect(run.summary).toContain('### RayService rollout: 3 targets');
      expect(run.outputs.result).toBe('error');
    } finally {
      rmSync(kubeconfig, { force: true });
    }
  });
});
