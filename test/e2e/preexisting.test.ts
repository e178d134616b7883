/**
 * Problems that predate a change, on the local control plane (REAL kube-apiserver, REAL KubeRay
 * v1.6.2; the simulator's nodes have no GPU, so a GPU worker stays Pending): `apply` reports the
 * RayService's health before the change apart from what the change does, a rollout that the old
 * problems do not concern is "done, degraded" (exit 0 with a warning naming them; exit 3 with
 * --require-healthy), and `wait` on the very same state reaches the same verdict.
 *
 * 1. the sequence a new user met: a GPU worker Pending since the create, then an appended
 *    0-replica group (cluster-inplace);
 * 2. a Serve application failing before a Serve change to another application;
 * 3. an upgrade stuck on its pending cluster before a new cluster change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  getRayService,
  podsOfCluster,
  rayServiceObject,
  startControlPlane,
  unschedulablePods,
  waitForRayService,
  type ControlPlane,
  type KubeObject,
  type RayServiceFixture,
} from '../harness/index.js';
import { type CliResult, type CliRun, runCli as startCli } from '../helpers/cli.js';
import { manifestDirs } from '../helpers/manifest-dirs.js';

let runsOfTest: CliResult[] = [];
const runCli = (args: string[]): CliRun => startCli(args, { onExit: (r) => runsOfTest.push(r) });

let tmpRoot: string;
const manifestDir = manifestDirs(() => tmpRoot);

/** chat-assistant of the examples, in small: a CPU group and a GPU group no node can hold. */
const CHAT: RayServiceFixture = {
  name: 'chat',
  namespace: 'pre-gpu',
  workerGroups: [{ groupName: 'cpu' }, { groupName: 'gpu-l4', gpu: 1 }],
};
const SERVE: RayServiceFixture = { name: 'two-apps', namespace: 'pre-serve', apps: { fruit: '/fruit', veggie: '/veggie' } };
const BLUE: RayServiceFixture = { name: 'bg', namespace: 'pre-pending' };

const id = (f: RayServiceFixture) => `${f.namespace}/${f.name}`;
const kubeconfigArgs = () => ['--kubeconfig', cp.kubeconfigPath];

/** The fixture with worker groups appended (0 replicas, GPUs: nothing to place). */
function withAppended(f: RayServiceFixture, ...groups: string[]): RayServiceFixture {
  return { ...f, workerGroups: [...(f.workerGroups ?? []), ...groups.map((groupName) => ({ groupName, gpu: 1, replicas: 0, minReplicas: 0 }))] };
}

function apply(base: (RayServiceFixture | KubeObject)[], head: (RayServiceFixture | KubeObject)[], ...extra: string[]): Promise<CliResult> {
  return runCli(['apply', '--base', manifestDir(...base), '--head', manifestDir(...head), ...kubeconfigArgs(), '--force-conflicts', ...extra]).done;
}

const wait = (f: RayServiceFixture, ...extra: string[]) => runCli(['wait', id(f), ...kubeconfigArgs(), '--timeout', '60s', ...extra]).done;

let cp: ControlPlane;

describe('problems from before the change (dist/cli.js) on KubeRay v1.6.2', () => {
  beforeAll(async () => {
    tmpRoot = mkdtempSync(join(tmpdir(), 'rsr-preexisting-'));
    cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
    for (const f of [CHAT, SERVE, BLUE]) await cp.kubectl.ensureNamespace(f.namespace!);
    const created = await apply([], [CHAT, SERVE, BLUE], '--timeout', '120s');
    if (created.code !== 0)
      throw new Error(`creating the RayServices failed (exit ${created.code}):\n${created.stdout}\n${created.stderr}\n${cp.logTails(40)}`);
  });

  afterAll(async () => {
    await cp?.stop();
    if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  });

  beforeEach(({ onTestFailed }) => {
    runsOfTest = [];
    onTestFailed(() => {
      for (const r of runsOfTest) console.log(`CLI exit ${r.code} after ${r.ms} ms\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
      console.log(`control plane logs (tails):\n${cp.logTails(40)}`);
    });
  });

  it('1. a GPU worker Pending since the create, then an appended 0-replica group: done, degraded, and wait agrees', async () => {
    const active = (await getRayService(cp.kubectl, CHAT.name, CHAT.namespace)).activeCluster!;
    const [gpuPod] = await unschedulablePods(cp.kubectl, active, CHAT.namespace);
    expect(gpuPod?.metadata.labels['ray.io/group']).toBe('gpu-l4');
    const podName: string = gpuPod!.metadata.name;

    const head = withAppended(CHAT, 'gpu-h100');
    const r = await apply([CHAT], [head], '--timeout', '90s');
    expect(r.code).toBe(0);
    // Before the change, apart from what it does.
    expect(r.stderr).toContain(`warning: ${id(CHAT)}: before the change: worker pod ${podName} (group gpu-l4) of ${active} cannot be scheduled`);
    expect(r.stdout).toContain('expecting cluster-inplace');
    expect(r.stdout).toContain(`succeeded, degraded: ${id(CHAT)}: ${active} updated in place in `);
    expect(r.stdout).toContain(`degraded: 1 problem from before the change, not caused by it: worker pod ${podName}`);
    expect(r.stdout).toContain('Before the change, and still there (not caused by it):');
    expect(r.stderr).toContain(`warning: ${id(CHAT)}: done, degraded by 1 problem(s) from before the change: worker pod ${podName}`);
    // Well before the 2 min an unschedulable pod of the change would take to fail it.
    expect(r.ms).toBeLessThan(60_000);

    // The same state, judged by wait: the same verdict.
    const w = await wait(CHAT);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain(`succeeded, degraded: ${id(CHAT)}: Serve config applied in place on ${active}`);
    expect(w.stdout).toContain(`worker pod ${podName} (group gpu-l4) of ${active} cannot be scheduled`);
    const strict = await wait(CHAT, '--require-healthy');
    expect(strict.code).toBe(3);
    expect(strict.stdout).toContain(`FAILED: ${id(CHAT)}: done but not healthy (--require-healthy): 1 problem from before the change`);

    // --require-healthy on apply: the next appended group rolls out, the old pod makes it a failure.
    const again = await apply([head], [withAppended(head, 'gpu-a100')], '--timeout', '90s', '--require-healthy');
    expect(again.code).toBe(3);
    expect(again.stdout).toContain(`FAILED: ${id(CHAT)}: done but not healthy (--require-healthy)`);
    expect(again.stdout).toContain(podName);
    expect((await getRayService(cp.kubectl, CHAT.name, CHAT.namespace)).activeCluster).toBe(active);
  });

  it('2. a Serve application failing before a Serve change to another one: done, degraded, and wait agrees', async () => {
    const active = (await getRayService(cp.kubectl, SERVE.name, SERVE.namespace)).activeCluster!;
    const fault = cp.sim.faults.deployFailed(
      { namespace: SERVE.namespace, rayService: SERVE.name },
      { app: 'veggie', message: 'ImportError: no module named veg' },
    );
    try {
      await waitForRayService(cp.kubectl, SERVE.name, SERVE.namespace, (s) => s.activeApps.veggie?.status === 'DEPLOY_FAILED', { timeoutMs: 30_000 });
      const head = rayServiceObject(SERVE);
      const config = parse(head.spec.serveConfigV2) as { applications: { name: string; runtime_env?: unknown }[] };
      config.applications.find((a) => a.name === 'fruit')!.runtime_env = { env_vars: { REVISION: '2' } };
      head.spec.serveConfigV2 = stringify(config);
      const r = await apply([SERVE], [head], '--timeout', '120s');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `warning: ${id(SERVE)}: before the change: application veggie on ${active} is DEPLOY_FAILED: ImportError: no module named veg`,
      );
      expect(r.stdout).toContain('expecting app');
      expect(r.stdout).toContain(`succeeded, degraded: ${id(SERVE)}: Serve config applied in place on ${active}`);
      expect(r.stdout).toContain('application veggie on');

      const w = await wait(SERVE);
      expect(w.code).toBe(0);
      expect(w.stdout).toContain(`succeeded, degraded: ${id(SERVE)}: Serve config applied in place on ${active}`);
      expect(w.stdout).toContain('application veggie on');
    } finally {
      fault.clear();
    }
  });

  it('3. an upgrade stuck on its pending cluster before a new cluster change: reported before, the new cluster takes over', async () => {
    const active = (await getRayService(cp.kubectl, BLUE.name, BLUE.namespace)).activeCluster!;
    // A blue/green change (a new image) whose head needs a GPU no node has: out of time, the pending cluster stays.
    const stuckHead = rayServiceObject({ ...BLUE, image: 'rayproject/ray:2.46.0-py310' });
    const c = stuckHead.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0];
    c.resources.requests['nvidia.com/gpu'] = '1';
    c.resources.limits['nvidia.com/gpu'] = '1';
    const stuck = await apply([BLUE], [stuckHead], '--timeout', '25s');
    expect(stuck.code).toBe(4);
    const pending = (await getRayService(cp.kubectl, BLUE.name, BLUE.namespace)).pendingCluster!;
    expect(pending).toBeDefined();
    expect(await unschedulablePods(cp.kubectl, pending, BLUE.namespace)).toHaveLength(1);

    const fixed: RayServiceFixture = { ...BLUE, image: 'rayproject/ray:2.46.0-py311' };
    const r = await apply([stuckHead], [fixed], '--timeout', '120s');
    expect(r.stderr).toContain(`warning: ${id(BLUE)}: before the change: an upgrade is stuck: pending cluster ${pending} is not serving yet`);
    expect(r.stderr).toMatch(
      new RegExp(`warning: ${id(BLUE)}: before the change: head pod ${pending}-\\S+ \\(group \\S+\\) of ${pending} cannot be scheduled`),
    );
    expect(r.code).toBe(0);
    const after = await getRayService(cp.kubectl, BLUE.name, BLUE.namespace);
    expect(after.activeCluster).not.toBe(active);
    expect(after.activeCluster).not.toBe(pending);
    expect(r.stdout).toContain(`succeeded: ${id(BLUE)}: traffic switched from ${active} to ${after.activeCluster}`);
    expect(r.stdout).not.toContain('degraded');
    expect(await podsOfCluster(cp.kubectl, after.activeCluster!, BLUE.namespace)).not.toHaveLength(0);
  });
});
