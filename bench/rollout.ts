/**
 * Benchmark of `rayservice-rollout apply` over blue/green rollouts on the local control plane
 * (KubeRay v1.6.2; needs the test binaries, see docs/local-control-plane.md):
 *
 *   node --import tsx bench/rollout.ts [rollouts=5]
 *
 * Per rollout: (a) the delay between the operator's status write that completes the rollout (as a
 * watch in this process sees it) and the CLI's verdict line reaching this process, (b) the API
 * requests the CLI's wait made (`--verbose`), and apply → verdict. The CLI is the committed bundle
 * dist/cli.js, spawned asynchronously: the kubeconfig's apiserver proxy runs in this process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { condition, rayServiceYaml, repoRoot, startControlPlane, type RayServiceFixture } from '../test/harness/index.js';

const N = Number(process.argv[2] ?? 5);
const NS = 'bench';
const IMAGES = ['rayproject/ray:2.46.0', 'rayproject/ray:2.46.0-py311'];

interface Run {
  code: number | null;
  stdout: string;
  lines: { at: number; text: string }[];
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: Run['lines'] = [];
    let stdout = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const at = Date.now();
      stdout += chunk;
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const text of parts) lines.push({ at, text });
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, lines }));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const tmp = mkdtempSync(join(tmpdir(), 'rsr-bench-rollout-'));
let dirs = 0;
const dirOf = (...fs: RayServiceFixture[]) => {
  const d = join(tmp, `m${++dirs}`);
  mkdirSync(d);
  for (const f of fs) writeFileSync(join(d, `${f.name}.yaml`), rayServiceYaml(f));
  return d;
};

const cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
try {
  await cp.kubectl.ensureNamespace(NS);
  const rs = (i: number): RayServiceFixture => ({ name: 'bench', namespace: NS, image: IMAGES[i % 2]! });
  const created = await cli(['apply', '--base', dirOf(), '--head', dirOf(rs(0)), '--kubeconfig', cp.kubeconfigPath, '--timeout', '120s', '--verbose']);
  if (created.code !== 0) throw new Error(`create failed:\n${created.stdout}`);
  const requestsOf = (r: Run) => Number(/(\d+) API requests while waiting/.exec(r.stdout)?.[1] ?? NaN);
  console.log(`create: ${requestsOf(created)} API requests while waiting`);

  const delays: number[] = [];
  const requests: number[] = [];
  const totals: number[] = [];
  for (let i = 1; i <= N; i++) {
    const rec = await cp.kubectl.record('RayService', { namespace: NS });
    const r = await cli([
      'apply',
      '--base',
      dirOf(rs(i - 1)),
      '--head',
      dirOf(rs(i)),
      '--kubeconfig',
      cp.kubeconfigPath,
      '--timeout',
      '120s',
      '--force-conflicts',
      '--verbose',
    ]);
    await rec.stop();
    if (r.code !== 0) throw new Error(`rollout ${i} failed (exit ${r.code}):\n${r.stdout}`);
    const after = /traffic switched from \S+ to (\S+) in/.exec(r.stdout)?.[1];
    const complete = rec.events.find((e) => {
      const st = e.object.status ?? {};
      const apps = Object.values(st.activeServiceStatus?.applicationStatuses ?? {}) as { status: string }[];
      return (
        st.activeServiceStatus?.rayClusterName === after &&
        !st.pendingServiceStatus?.rayClusterName &&
        condition(e.object, 'Ready')?.status === 'True' &&
        apps.length > 0 &&
        apps.every((a) => a.status === 'RUNNING')
      );
    });
    const verdict = r.lines.find((l) => l.text.startsWith(`[${NS}/bench] succeeded:`));
    const applied = r.lines.find((l) => l.text.includes('applied (generation'));
    if (!complete || !verdict || !applied) throw new Error(`rollout ${i}: completing status or verdict not found:\n${r.stdout}`);
    delays.push(verdict.at - complete.at);
    requests.push(requestsOf(r));
    totals.push(verdict.at - applied.at);
    console.log(
      `rollout ${i}: status write → verdict ${verdict.at - complete.at} ms; ${requestsOf(r)} API requests while waiting; apply → verdict ${verdict.at - applied.at} ms`,
    );
  }
  console.log(
    `blue/green × ${N}: status write → verdict median ${median(delays)} ms (max ${Math.max(...delays)}); ` +
      `API requests while waiting median ${median(requests)} (max ${Math.max(...requests)}); apply → verdict median ${median(totals)} ms`,
  );
} finally {
  await cp.stop();
  rmSync(tmp, { recursive: true, force: true });
}
