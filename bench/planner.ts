/**
 * Planner benchmark: 2,000 changed RayServices in 20 folders (base and head), planned end to end
 * (read, parse, normalize, compare, capacity), against merely parsing the same files with the
 * `yaml` package (outer documents and each serveConfigV2). Target: planner ≤ 3× the bare parse.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments, parse } from 'yaml';
import { loadManifests } from '../src/manifests/load.js';
import { plan } from '../src/planner/plan.js';
import { rayService, toYaml, workerGroup, SERVE_CONFIG, type Obj } from '../test/fixtures/rayservice.js';

const FOLDERS = 20;
const PER_FOLDER = 100;
const RUNS = 5;

function variant(i: number, h: Obj): void {
  const rcc = h.spec.rayClusterConfig;
  switch (i % 4) {
    case 0:
      rcc.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.46.0';
      break;
    case 1:
      h.spec.serveConfigV2 = SERVE_CONFIG.replace('num_replicas: 1', 'num_replicas: 3');
      break;
    case 2:
      rcc.workerGroupSpecs[0].replicas = 2;
      break;
    default:
      rcc.workerGroupSpecs.push(workerGroup('gpu'));
  }
}

function writeTree(root: string): { base: string; head: string } {
  const base = join(root, 'base');
  const head = join(root, 'head');
  for (let f = 0; f < FOLDERS; f++) {
    mkdirSync(join(base, `team-${f}`), { recursive: true });
    mkdirSync(join(head, `team-${f}`), { recursive: true });
    for (let j = 0; j < PER_FOLDER; j++) {
      const i = f * PER_FOLDER + j;
      const b = rayService((rs) => {
        rs.metadata.namespace = `team-${f}`;
        // A realistic Serve config: a few applications, a few deployments each.
        rs.spec.serveConfigV2 =
          SERVE_CONFIG +
          Array.from(
            { length: 3 },
            (_, k) =>
              `  - name: extra${k}\n    import_path: m${k}:app\n    route_prefix: /x${k}\n    deployments:\n      - name: D${k}\n        num_replicas: 2\n        ray_actor_options: {num_cpus: 1}\n`,
          ).join('');
      }, `svc-${i}`);
      const h = structuredClone(b);
      variant(i, h);
      writeFileSync(join(base, `team-${f}`, `svc-${i}.yaml`), toYaml(b));
      writeFileSync(join(head, `team-${f}`, `svc-${i}.yaml`), toYaml(h));
    }
  }
  return { base, head };
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function bareParse(dirs: string[]): number {
  let n = 0;
  for (const dir of dirs) {
    for (const f of filesOf(dir)) {
      for (const doc of parseAllDocuments(readFileSync(f, 'utf8')) as ReturnType<typeof parseAllDocuments> & unknown[]) {
        const v = doc.toJS() as Obj;
        if (v?.spec?.serveConfigV2) parse(v.spec.serveConfigV2);
        n++;
      }
    }
  }
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchPlanner(): Promise<{ planMs: number; parseMs: number; ratio: number; services: number }> {
  const root = mkdtempSync(join(tmpdir(), 'rsr-bench-'));
  try {
    const { base, head } = writeTree(root);
    const parseTimes: number[] = [];
    const planTimes: number[] = [];
    let services = 0;
    // Interleave the two so that machine noise hits both alike; the first round warms the JIT.
    for (let r = 0; r < RUNS + 1; r++) {
      let t = performance.now();
      bareParse([base, head]);
      const parseMs = performance.now() - t;
      t = performance.now();
      const [b, h] = await Promise.all([loadManifests(base, { defaultNamespace: 'default' }), loadManifests(head, { defaultNamespace: 'default' })]);
      const p = plan(b, h);
      const planMs = performance.now() - t;
      services = p.services.length;
      if (r > 0) {
        parseTimes.push(parseMs);
        planTimes.push(planMs);
      }
    }
    const planMs = median(planTimes);
    const parseMs = median(parseTimes);
    return { planMs, parseMs, ratio: planMs / parseMs, services };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
