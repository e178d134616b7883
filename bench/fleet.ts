/**
 * Fleet benchmark: 20 targets × 100 RayServices (one cluster each, every target a different
 * KubeRay release line in turn), planned Git-only in one run as `plan --targets` does: each
 * target's globs matched in both trees, its manifests read and planned, the comment rendered.
 * Two shapes of change: a typical pull request (5 RayServices changed in each of 2 targets) and
 * the worst case (a quarter of every target's RayServices changed each way the planner knows).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runFleetPlan } from '../src/cli/fleet-command.js';
import { rayService, toYaml, workerGroup, SERVE_CONFIG, type Obj } from '../test/fixtures/rayservice.js';

const TARGETS = 20;
const PER_TARGET = 100;
const RUNS = 5;
const RELEASES = ['1.3', '1.4', '1.5', '1.6', '1.7'];

type Shape = 'typical' | 'worst';

function change(i: number, h: Obj): void {
  const rcc = h.spec.rayClusterConfig;
  if (i % 4 === 0) rcc.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.46.0';
  else if (i % 4 === 1) h.spec.serveConfigV2 = SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 3');
  else if (i % 4 === 2) rcc.workerGroupSpecs[0].replicas = 2;
  else rcc.workerGroupSpecs.push(workerGroup('gpu'));
}

function changed(shape: Shape, t: number, j: number): boolean {
  return shape === 'worst' ? true : t < 2 && j < 5;
}

function writeFleet(root: string, shape: Shape): string {
  const targets: string[] = ['targets:'];
  for (let t = 0; t < TARGETS; t++) {
    targets.push(
      `  - name: cluster-${t}`,
      `    wave: ${t === 0 ? 0 : 1 + (t % 3)}`,
      `    manifests: clusters/cluster-${t}/**/*.yaml`,
      `    kuberay-version: "${RELEASES[t % RELEASES.length]}"`,
    );
    for (const side of ['base', 'head']) mkdirSync(join(root, side, 'clusters', `cluster-${t}`), { recursive: true });
    for (let j = 0; j < PER_TARGET; j++) {
      const b = rayService((rs) => {
        rs.metadata.namespace = `team-${j % 10}`;
      }, `svc-${j}`);
      const h = structuredClone(b);
      if (changed(shape, t, j)) change(j, h);
      writeFileSync(join(root, 'base', 'clusters', `cluster-${t}`, `svc-${j}.yaml`), toYaml(b));
      writeFileSync(join(root, 'head', 'clusters', `cluster-${t}`, `svc-${j}.yaml`), toYaml(h));
    }
  }
  const file = join(root, 'targets.yaml');
  writeFileSync(file, `${targets.join('\n')}\n`);
  return file;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const sink = {
  text: '',
  write(s: string) {
    this.text += s;
    return true;
  },
};

interface Timing {
  readonly ms: number;
  /** CPU time of the process: the machine may be shared. */
  readonly cpuMs: number;
  readonly commentChars: number;
}

async function timeShape(shape: Shape): Promise<Timing> {
  const root = mkdtempSync(join(tmpdir(), 'rsr-bench-fleet-'));
  try {
    const targets = writeFleet(root, shape);
    const times: number[] = [];
    const cpu: number[] = [];
    let commentChars = 0;
    for (let r = 0; r < RUNS + 1; r++) {
      const out = { ...sink, text: '' };
      const t = performance.now();
      const c = process.cpuUsage();
      await runFleetPlan({ targets, base: join(root, 'base'), head: join(root, 'head'), format: 'markdown' }, out, { ...sink });
      const used = process.cpuUsage(c);
      if (r > 0) {
        times.push(performance.now() - t);
        cpu.push((used.user + used.system) / 1000);
      }
      commentChars = out.text.length;
    }
    return { ms: median(times), cpuMs: median(cpu), commentChars };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function benchFleet(): Promise<{
  targets: number;
  services: number;
  typical: Timing;
  worst: Timing;
}> {
  return { targets: TARGETS, services: TARGETS * PER_TARGET, typical: await timeShape('typical'), worst: await timeShape('worst') };
}
