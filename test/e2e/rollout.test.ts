/**
 * `rayservice-rollout apply` and `wait` on the local control plane: the
 * committed bundle dist/cli.js is run as a user runs it, against a REAL kube-apiserver and the REAL
 * KubeRay operator v1.6.2 (the simulator plays nodes, kubelet and Ray, and switches faults on).
 *
 * One control plane for the file; every case has its own namespace and RayService. The base
 * RayServices of all cases are created by ONE `apply` with an empty base (case 1 checks that run).
 * The CLI is spawned asynchronously: the kubeconfig points at a pass-through proxy inside this very
 * process, so a blocking spawnSync would starve it.
 *
 * KubeRay 1.6.2 owns spec.rayClusterConfig.workerGroupSpecs after adding its finalizer, so updates
 * pass --force-conflicts (one case checks the refusal without it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  condition,
  getRayService,
  podsOfCluster,
  rayClustersOf,
  rayServiceObject,
  startControlPlane,
  waitFor,
  type ControlPlane,
  type KubeObject,
  type RayServiceFixture,
} from '../harness/index.js';
import { type CliResult, type CliRun, runCli as startCli } from '../helpers/cli.js';
import { manifestDirs } from '../helpers/manifest-dirs.js';

const NEW_IMAGE = 'rayproject/ray:2.46.0-py311';

/** Every run of the current test, printed when it fails. */
let runsOfTest: CliResult[] = [];

/** `node dist/cli.js …`, asynchronously (the apiserver proxy lives in this process), remembered for the failure report. */
const runCli = (args: string[]): CliRun => startCli(args, { onExit: (r) => runsOfTest.push(r) });

let tmpRoot: string;
const manifestDir = manifestDirs(() => tmpRoot);

/** The base RayService of every case, each in its own namespace. */
const BASE = {
  serve: { name: 'serve', namespace: 'rt-serve' },
  blueGreen: { name: 'bg', namespace: 'rt-bluegreen' },
  replicas: { name: 'rep', namespace: 'rt-replicas' },
  append: { name: 'grow', namespace: 'rt-append' },
  deployFailed: { name: 'broken', namespace: 'rt-deploy-failed' },
  gpu: { name: 'gpu', namespace: 'rt-unschedulable' },
  headStuck: { name: 'stuck', namespace: 'rt-head' },
  bad: { name: 'good-a', namespace: 'rt-bad' },
  conflict: { name: 'conf', namespace: 'rt-conflict' },
  restart: { name: 'survivor', namespace: 'rt-restart' },
  cut: { name: 'cut', namespace: 'rt-cut' },
  wait: { name: 'waited', namespace: 'rt-wait' },
} satisfies Record<string, RayServiceFixture>;

const id = (f: RayServiceFixture) => `${f.namespace}/${f.name}`;
const kubeconfigArgs = () => ['--kubeconfig', cp.kubeconfigPath];

/** `apply --base <just f> --head <f with the change>`. */
function applyChange(base: RayServiceFixture, head: RayServiceFixture | KubeObject, ...extra: string[]): CliRun {
  return runCli(['apply', '--base', manifestDir(base), '--head', manifestDir(head), ...kubeconfigArgs(), ...extra]);
}

/** The image change of a fixture: a blue/green rollout. */
const imageChange = (f: RayServiceFixture): RayServiceFixture => ({ ...f, image: NEW_IMAGE });

/** The cluster the RayService serves from now. */
async function activeOf(f: RayServiceFixture): Promise<string> {
  const s = await getRayService(cp.kubectl, f.name, f.namespace);
  return s.activeCluster!;
}

let cp: ControlPlane;
let createRun: CliResult;

describe('apply and wait (dist/cli.js) on KubeRay v1.6.2', () => {
  beforeAll(async () => {
    tmpRoot = mkdtempSync(join(tmpdir(), 'rsr-rollout-test-'));
    cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
    for (const f of Object.values(BASE)) await cp.kubectl.ensureNamespace(f.namespace);
    // Case 1 is this run: every base RayService created by one apply from an empty base.
    createRun = await runCli(['apply', '--base', manifestDir(), '--head', manifestDir(...Object.values(BASE)), ...kubeconfigArgs(), '--timeout', '120s']).done;
    if (createRun.code !== 0)
      throw new Error(`creating the base RayServices failed (exit ${createRun.code}):\n${createRun.stdout}\n${createRun.stderr}\n${cp.logTails(40)}`);
    console.log(`created ${Object.keys(BASE).length} RayServices with one apply in ${createRun.endedAt - createRun.startedAt} ms`);
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

  it('1. create (empty base): every RayService rolls out, with a verdict and a timeline each', async () => {
    expect(createRun.code).toBe(0);
    for (const f of Object.values(BASE)) {
      const out = createRun.stdout;
      expect(out).toContain(`${id(f)}: applied (generation 1); expecting create`);
      expect(out).toMatch(new RegExp(`\\[${id(f)}\\] +[\\d.ms]+ +rollout done`));
      expect(out).toMatch(new RegExp(`\\[${id(f)}\\] succeeded: ${id(f)}: ${f.name}-[a-z0-9]+ is serving in `));
      expect(out).toContain(`[${id(f)}] Timeline:`);
      const s = await getRayService(cp.kubectl, f.name, f.namespace);
      expect(s.activeCluster).toMatch(new RegExp(`^${f.name}-`));
    }
  });

  it('2. Serve config change: exit 0, applied in place, the same RayCluster stays active', async () => {
    const f = BASE.serve;
    const before = await activeOf(f);
    const r = await applyChange(f, { ...f, serveConfigRevision: 'r2' }, '--force-conflicts', '--timeout', '120s').done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${id(f)}: applied \\(generation \\d+\\); expecting app\\n`));
    expect(r.stdout).toContain(`succeeded: ${id(f)}: Serve config applied in place on ${before} in `);
    expect(await activeOf(f)).toBe(before);
    expect((await rayClustersOf(cp.kubectl, f.name, f.namespace)).map((c) => c.metadata.name)).toEqual([before]);
    expect(JSON.stringify(cp.sim.serve.state(f.namespace, before)?.puts.at(-1)?.config)).toContain('r2');
  });

  it('3. blue/green image change: exit 0, another cluster active, the output says traffic switched (and the benchmark figures)', async () => {
    const f = BASE.blueGreen;
    const before = await activeOf(f);
    const rec = await cp.kubectl.record('RayService', { namespace: f.namespace });
    try {
      const run = applyChange(f, imageChange(f), '--force-conflicts', '--timeout', '120s', '--verbose');
      const r = await run.done;
      expect(r.code).toBe(0);
      const after = await activeOf(f);
      expect(after).not.toBe(before);
      expect(r.stdout).toContain(`expecting cluster`);
      expect(r.stdout).toMatch(/pending cluster bg-[a-z0-9]+ created/);
      expect(r.stdout).toContain(`traffic switched to ${after}`);
      expect(r.stdout).toContain(`succeeded: ${id(f)}: traffic switched from ${before} to ${after} in `);
      const rc = await cp.kubectl.get('RayCluster', after, f.namespace);
      expect(rc.spec.headGroupSpec.template.spec.containers[0].image).toBe(NEW_IMAGE);

      // Benchmark: the operator's status write that completed the rollout, as this process
      // saw it on its own watch, against the moment the CLI's verdict line arrived here.
      const complete = rec.events.find((e) => {
        const st = e.object.status ?? {};
        return (
          st.activeServiceStatus?.rayClusterName === after &&
          !st.pendingServiceStatus?.rayClusterName &&
          condition(e.object, 'Ready')?.status === 'True' &&
          Object.values(st.activeServiceStatus?.applicationStatuses ?? {}).length > 0 &&
          Object.values(st.activeServiceStatus?.applicationStatuses ?? {}).every((a: any) => a.status === 'RUNNING')
        );
      });
      expect(complete).toBeDefined();
      const verdict = r.lines.find((l) => l.text.startsWith(`[${id(f)}] succeeded:`))!;
      const applied = r.lines.find((l) => l.text.includes(`${id(f)}: applied`))!;
      const requests = r.lines.find((l) => /API requests while waiting/.test(l.text));
      console.log(
        `BENCH blue/green: apply→verdict ${verdict.at - applied.at} ms; completing status write seen by the test's watch → CLI verdict line: ${verdict.at - complete!.at} ms` +
          `${requests ? `; ${requests.text.trim()}` : ''}; CLI process ${r.endedAt - r.startedAt} ms`,
      );
      expect(verdict.at - complete!.at).toBeLessThan(5_000);
      // One list and one watch connection for each of RayService, RayClusters, pods, events.
      expect(requests?.text).toBe(`[${id(f)}] 8 API requests while waiting (lists and watch connections)`);
    } finally {
      await rec.stop();
    }
  });

  it('4. replicas-only change: nothing to wait for, returns at once', async () => {
    const f = BASE.replicas;
    const before = await activeOf(f);
    const rc0 = await cp.kubectl.get('RayCluster', before, f.namespace);
    const r = await applyChange(f, { ...f, workerGroups: [{ groupName: 'small', replicas: 3 }] }, '--force-conflicts', '--timeout', '120s').done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('expecting ignored');
    expect(r.stdout).toContain('nothing to wait for: the operator ignores this change');
    const applied = r.lines.find((l) => l.text.includes(`${id(f)}: applied`))!;
    expect(r.endedAt - applied.at).toBeLessThan(2_000);
    const rc1 = await cp.kubectl.get('RayCluster', before, f.namespace);
    expect(rc1.metadata.generation).toBe(rc0.metadata.generation);
    expect(await activeOf(f)).toBe(before);
  });

  it('5. appended worker group: exit 0, the same cluster updated in place', async () => {
    const f = BASE.append;
    const before = await activeOf(f);
    const r = await applyChange(f, { ...f, workerGroups: [{ groupName: 'small' }, { groupName: 'extra' }] }, '--force-conflicts', '--timeout', '120s').done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('expecting cluster-inplace');
    expect(r.stdout).toContain(`succeeded: ${id(f)}: ${before} updated in place in `);
    expect(await activeOf(f)).toBe(before);
    const rc = await cp.kubectl.get('RayCluster', before, f.namespace);
    expect(rc.spec.workerGroupSpecs.map((g: KubeObject) => g.groupName)).toEqual(['small', 'extra']);
    expect((await podsOfCluster(cp.kubectl, before, f.namespace)).filter((p) => p.metadata.labels['ray.io/group'] === 'extra')).toHaveLength(1);
  });

  it('6. app DEPLOY_FAILED on a Serve change: exit 3 with the application message', async () => {
    const f = BASE.deployFailed;
    const fault = cp.sim.faults.deployFailed({ namespace: f.namespace, rayService: f.name }, { message: 'ImportError: no module named foo' });
    try {
      const r = await applyChange(f, { ...f, serveConfigRevision: 'broken' }, '--force-conflicts', '--timeout', '150s').done;
      expect(r.code).toBe(3);
      expect(r.stdout).toContain(`FAILED: ${id(f)}: failed after`);
      expect(r.stdout).toContain('DEPLOY_FAILED: ImportError: no module named foo');
      expect(r.stdout).toContain('Serve applications:');
    } finally {
      fault.clear();
    }
  });

  it('7. pending head unschedulable (needs a GPU no node has) after an image change: exit 4 at the deadline, the scheduler reason in the diagnosis', async () => {
    const f = BASE.gpu;
    const head = rayServiceObject(imageChange(f));
    const c = head.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0];
    c.resources.requests['nvidia.com/gpu'] = '1';
    c.resources.limits['nvidia.com/gpu'] = '1';
    const r = await applyChange(f, head, '--force-conflicts', '--timeout', '40s').done;
    // Unschedulable fails the rollout only after 2 min (a node autoscaler may still add a node):
    // with a 40 s deadline the verdict is deterministically a timeout.
    expect(r.code).toBe(4);
    const pending = (await getRayService(cp.kubectl, f.name, f.namespace)).pendingCluster!;
    const [headPod] = (await podsOfCluster(cp.kubectl, pending, f.namespace)).filter((p) => p.metadata.labels['ray.io/node-type'] === 'head');
    // --timeout bounds the whole command (connecting and the plan included): the wait has what is left of it.
    expect(r.stdout).toMatch(new RegExp(`TIMED OUT: ${id(f)}: not done after (3\\d|40)\\.\\ds: traffic not switched`));
    // In the diagnosis: what is missing, and the pod with the scheduler's reason.
    expect(r.stdout).toContain(
      `  - pending cluster ${pending}: head pod ${headPod!.metadata.name} not ready (Unschedulable: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.`,
    );
    expect(r.stdout).toContain(`  - ${headPod!.metadata.name} (head of ${pending}): Unschedulable: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.`);
  });

  it('8. head never ready on the new cluster: exit 4 at the deadline, naming the head pod', async () => {
    const f = BASE.headStuck;
    const before = await activeOf(f);
    const fault = cp.sim.faults.headNeverReady({ namespace: f.namespace, rayService: f.name, match: (c) => c.name !== before });
    try {
      const r = await applyChange(f, imageChange(f), '--force-conflicts', '--timeout', '20s').done;
      expect(r.code).toBe(4);
      const s = await getRayService(cp.kubectl, f.name, f.namespace);
      const pending = s.pendingCluster!;
      expect(pending).toBeDefined();
      const [headPod] = (await podsOfCluster(cp.kubectl, pending, f.namespace)).filter((p) => p.metadata.labels['ray.io/node-type'] === 'head');
      expect(r.stdout).toMatch(new RegExp(`TIMED OUT: ${id(f)}: not done after (1\\d|20)\\.\\ds: traffic not switched`));
      expect(r.stdout).toContain(`  - pending cluster ${pending}: head pod ${headPod!.metadata.name} not ready (Running, not ready)`);
      expect(r.stdout).toContain(`  - ${headPod!.metadata.name} (head of ${pending}): Running, not ready`);
    } finally {
      fault.clear();
    }
  });

  it('9. a manifest the API server would refuse among good ones: exit 2 and nothing applied', async () => {
    const f = BASE.bad;
    const g0 = (await cp.kubectl.get('RayService', f.name, f.namespace)).metadata.generation;
    const bad = rayServiceObject({ name: 'bad', namespace: f.namespace });
    bad.spec.rayClusterDeletionDelaySeconds = 'abc';
    const r = await runCli([
      'apply',
      '--base',
      manifestDir(f),
      '--head',
      manifestDir({ ...f, serveConfigRevision: 'r2' }, { name: 'good-b', namespace: f.namespace }, bad),
      ...kubeconfigArgs(),
      '--force-conflicts',
      '--timeout',
      '60s',
    ]).done;
    // The release's CRD refuses it: the plan before the apply does, naming the file, line and field.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.yaml:\d+: spec\.rayClusterDeletionDelaySeconds/);
    expect(r.stderr).not.toContain('good-b');
    expect(r.stdout).not.toContain('applied (generation');
    expect((await cp.kubectl.get('RayService', f.name, f.namespace)).metadata.generation).toBe(g0);
    expect(await cp.kubectl.tryGet('RayService', 'good-b', f.namespace)).toBeUndefined();
    expect(await cp.kubectl.tryGet('RayService', 'bad', f.namespace)).toBeUndefined();
  });

  it('10. a worker-group change without --force-conflicts: exit 2 with the conflict hint, nothing applied', async () => {
    const f = BASE.conflict;
    const before = await getRayService(cp.kubectl, f.name, f.namespace);
    const r = await applyChange(f, { ...f, workerGroups: [{ groupName: 'small', cpu: '600m' }] }, '--timeout', '60s').done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was applied');
    expect(r.stderr).toContain('conflict with "kuberay-operator"');
    expect(r.stderr).toContain('.spec.rayClusterConfig.workerGroupSpecs');
    expect(r.stderr).toContain('pass --force-conflicts');
    const after = await getRayService(cp.kubectl, f.name, f.namespace);
    expect(after.generation).toBe(before.generation);
    expect(after.pendingCluster).toBeUndefined();
  });

  it('11. the apiserver restarted during one wait, and API connections cut during another: both still end rolled out', async () => {
    for (const [f, disturb] of [
      [BASE.restart, () => cp.restartApiServer({ downMs: 500 })],
      [BASE.cut, async () => expect(cp.sim.faults.cutApiConnections()).toBeGreaterThan(0)],
    ] as const) {
      const before = await activeOf(f);
      // Hold the new cluster's apps DEPLOYING until the disturbance is over, so that it happens mid-wait.
      const hold = cp.sim.faults.appStatus({ namespace: f.namespace, rayService: f.name, match: (c) => c.name !== before }, { status: 'DEPLOYING' });
      try {
        const run = applyChange(f, imageChange(f), '--force-conflicts', '--timeout', '150s', '--verbose');
        await run.waitForLine(/pending cluster \S+ created/);
        await disturb();
        const disturbedAt = Date.now();
        hold.clear();
        const r = await run.done;
        expect(r.code).toBe(0);
        // The verdict came after the disturbance: the wait really went through it.
        expect(r.lines.find((l) => l.text.startsWith(`[${id(f)}] succeeded:`))!.at).toBeGreaterThan(disturbedAt);
        const after = await activeOf(f);
        expect(after).not.toBe(before);
        expect(r.stdout).toContain(`succeeded: ${id(f)}: traffic switched from ${before} to ${after} in `);
        console.log(`BENCH ${f.namespace}: ${/\d+ API requests while waiting/.exec(r.stdout)?.[0]}`);
      } finally {
        hold.clear();
      }
    }
  });

  it('12. wait <ns/name> for a rollout someone else started: exit 0 once traffic switched', async () => {
    const f = BASE.wait;
    const before = await activeOf(f);
    const hold = cp.sim.faults.appStatus({ namespace: f.namespace, rayService: f.name, match: (c) => c.name !== before }, { status: 'DEPLOYING' });
    try {
      await cp.kubectl.apply(rayServiceObject(imageChange(f)));
      // Start waiting while the new cluster is still being prepared.
      await waitFor(async () => (await getRayService(cp.kubectl, f.name, f.namespace)).pendingCluster, { timeoutMs: 30_000, description: 'a pending cluster' });
      const run = runCli(['wait', id(f), ...kubeconfigArgs(), '--timeout', '120s']);
      await run.waitForLine(/\S/);
      hold.clear();
      const r = await run.done;
      expect(r.code).toBe(0);
      const after = await activeOf(f);
      expect(after).not.toBe(before);
      expect(r.stdout).toContain(`succeeded: ${id(f)}: traffic switched from ${before} to ${after} in `);
    } finally {
      hold.clear();
    }
  });
});
