/**
 * `rayservice-rollout wait --head` (observe: a GitOps controller applies, this command only reads)
 * on the local control plane with the REAL KubeRay operator v1.6.2. A stand-in "controller" applies
 * the head after a delay, as Argo CD or Flux would after the merge; the command must wait for that
 * sync, then for the rollout, and report it as apply does. Without a sync it names the Argo CD
 * Application or Flux Kustomization from the labels those controllers put on what they apply.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRayService, rayServiceObject, rayServiceYaml, startControlPlane, waitFor, type ControlPlane, type RayServiceFixture } from '../harness/index.js';
import { runAction, startFakeGitHub } from '../action/runner.js';
import { git as gitIn } from '../helpers/git.js';
import { type CliResult, type CliRun, runCli as startCli } from '../helpers/cli.js';
import { manifestDirs } from '../helpers/manifest-dirs.js';

const NEW_IMAGE = 'rayproject/ray:2.46.0-py311';
let runsOfTest: CliResult[] = [];
const runCli = (args: string[]): CliRun => startCli(args, { onExit: (r) => runsOfTest.push(r) });
let tmpRoot: string;
const manifestDir = manifestDirs(() => tmpRoot);
let cp: ControlPlane;

const BASE = {
  blueGreen: { name: 'synced', namespace: 'ob-bluegreen' },
  serve: { name: 'served', namespace: 'ob-serve' },
  argo: { name: 'unsynced', namespace: 'ob-argo' },
  flux: { name: 'fluxed', namespace: 'ob-flux' },
  action: { name: 'merged', namespace: 'ob-action' },
} satisfies Record<string, RayServiceFixture>;
const id = (f: RayServiceFixture) => `${f.namespace}/${f.name}`;

/** The stand-in controller: applies the head manifest (server-side, as Argo CD and Flux do) after `delayMs`. */
function controllerApplies(head: ReturnType<typeof rayServiceObject>, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => cp.kubectl.apply(head, { fieldManager: 'argocd-controller' }).then(() => resolve(), reject), delayMs),
  );
}

function observe(base: RayServiceFixture, head: RayServiceFixture, ...extra: string[]): CliRun {
  return runCli(['wait', '--base', manifestDir(base), '--head', manifestDir(head), '--kubeconfig', cp.kubeconfigPath, ...extra]);
}

describe('wait --head (observe) on KubeRay v1.6.2 with a stand-in GitOps controller', () => {
  beforeAll(async () => {
    tmpRoot = mkdtempSync(join(tmpdir(), 'rsr-observe-test-'));
    cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
    for (const f of Object.values(BASE)) await cp.kubectl.ensureNamespace(f.namespace);
    const labels: Record<string, Record<string, string>> = {
      [BASE.argo.name]: { 'argocd.argoproj.io/instance': 'ml-serving-prod' },
      [BASE.flux.name]: { 'kustomize.toolkit.fluxcd.io/name': 'rayservices', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' },
    };
    for (const f of Object.values(BASE)) {
      const o = rayServiceObject(f);
      o.metadata.labels = { ...(o.metadata.labels ?? {}), ...(labels[f.name] ?? {}) };
      await cp.kubectl.apply(o, { fieldManager: 'argocd-controller' });
    }
    await waitFor(
      async () => {
        for (const f of Object.values(BASE)) if (!(await getRayService(cp.kubectl, f.name, f.namespace)).activeCluster) return false;
        return true;
      },
      { timeoutMs: 120_000, description: 'every base RayService serving' },
    );
  });

  afterAll(async () => {
    await cp?.stop();
    if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  });

  beforeEach(({ onTestFailed }) => {
    runsOfTest = [];
    onTestFailed(() => {
      for (const r of runsOfTest) console.log(`CLI exit ${r.code} after ${r.endedAt - r.startedAt} ms\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
      console.log(`control plane logs (tails):\n${cp.logTails(40)}`);
    });
  });

  it('blue/green: waits for the controller to apply the head (4 s later), then for the new cluster to take over', async () => {
    const f = BASE.blueGreen;
    const head = { ...f, image: NEW_IMAGE };
    const before = (await getRayService(cp.kubectl, f.name, f.namespace)).activeCluster!;
    const run = observe(f, head, '--timeout', '150s', '--sync-timeout', '60s');
    const synced = controllerApplies(rayServiceObject(head), 4_000);
    const r = await run.done;
    await synced;
    expect(r.code).toBe(0);
    const syncLine = r.lines.find((l) => l.text.startsWith(`${id(f)}: synced by the controller`))!;
    expect(syncLine.text).toMatch(/generation \d+\); expecting cluster$/);
    expect(syncLine.at - r.startedAt).toBeGreaterThanOrEqual(3_500);
    const after = (await getRayService(cp.kubectl, f.name, f.namespace)).activeCluster!;
    expect(after).not.toBe(before);
    expect(r.stdout).toContain(`succeeded: ${id(f)}: traffic switched from ${before} to ${after} in `);
    // Read-only: the command never wrote the RayService (only the stand-in controller's field manager did).
    const managers = (await cp.kubectl.get('RayService', f.name, f.namespace)).metadata.managedFields.map((m: { manager: string }) => m.manager);
    expect(managers).not.toContain('rayservice-rollout');
  });

  it('Serve config change: synced after 2 s, applied in place on the same cluster', async () => {
    const f = BASE.serve;
    const head = { ...f, serveConfigRevision: 'r2' };
    const before = (await getRayService(cp.kubectl, f.name, f.namespace)).activeCluster!;
    const run = observe(f, head, '--timeout', '120s', '--sync-timeout', '60s');
    await controllerApplies(rayServiceObject(head), 2_000);
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('expecting app');
    expect(r.stdout).toContain(`succeeded: ${id(f)}: Serve config applied in place on ${before} in `);
  });

  it('never synced: "not synced yet" at the sync deadline, naming the Argo CD Application (exit 4)', async () => {
    const f = BASE.argo;
    const r = await observe(f, { ...f, image: NEW_IMAGE }, '--timeout', '60s', '--sync-timeout', '5s').done;
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(
      `TIMED OUT: not synced yet: ${id(f)} does not carry the merged spec yet (spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image differs)`,
    );
    expect(r.stdout).toContain('it is applied by the Argo CD Application ml-serving-prod');
    expect(r.ms).toBeLessThan(20_000);
  });

  it('never synced, owned by Flux: names the Kustomization with its namespace', async () => {
    const f = BASE.flux;
    const r = await observe(f, { ...f, serveConfigRevision: 'r9' }, '--timeout', '60s', '--sync-timeout', '3s').done;
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('it is applied by the Flux Kustomization flux-system/rayservices');
  });

  it('the action in observe mode on the merge: waits for the stand-in controller, then reports as apply does (status on the merged SHA, summary, comment on the merged PR)', async () => {
    const f = BASE.action;
    const head = { ...f, image: NEW_IMAGE };
    const repo = join(tmpRoot, 'repo');
    const git = (...args: string[]) => gitIn(repo, ...args);
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'deploy', 'rs.yaml'), rayServiceYaml(f));
    git('add', '-A');
    git('commit', '-qm', 'base');
    const before = git('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'deploy', 'rs.yaml'), rayServiceYaml(head));
    git('commit', '-qam', 'new image');
    const after = git('rev-parse', 'HEAD');
    const gh = await startFakeGitHub();
    try {
      const synced = controllerApplies(rayServiceObject(head), 4_000);
      const r = await runAction({
        cwd: repo,
        eventName: 'push',
        event: { ref: 'refs/heads/main', before, after, repository: { name: 'ml-platform', owner: { login: 'acme' } } },
        inputs: { mode: 'observe', manifests: 'deploy/**/*.yaml', 'github-token': 'ghs_fake', timeout: '150s', 'sync-timeout': '60s' },
        apiUrl: gh.url,
        env: { KUBECONFIG: cp.kubeconfigPath, GITHUB_SHA: after },
      });
      await synced;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.outputs.result).toBe('succeeded');
      expect(r.stdout).toContain(`${id(f)}: synced by the controller`);
      expect(r.stdout).toMatch(/traffic switched/);
      expect(r.summary).toContain('RayService rollout');
      const status = gh.requests.find((q) => q.method === 'POST' && q.path === `/repos/acme/ml-platform/statuses/${after}`);
      expect(status?.body).toMatchObject({ context: 'rayservice-rollout/apply', state: 'success' });
      const comment = gh.requests.find((q) => q.method === 'POST' && q.path === '/repos/acme/ml-platform/issues/7/comments');
      expect(comment?.body.body).toMatch(/^<!-- rayservice-rollout:apply:/);
      expect(comment?.body.body).toContain(id(f));
      expect(JSON.parse(r.outputs.clusters!)[id(f)]).toBe((await getRayService(cp.kubectl, f.name, f.namespace)).activeCluster);
    } finally {
      await gh.close();
    }
  });
});
