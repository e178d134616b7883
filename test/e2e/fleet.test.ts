/**
 * A fleet on two local control planes side by side — staging on KubeRay v1.6.2, prod on v1.5.1 —
 * as two targets of one targets file: `apply --targets` rolls staging out first and prod after it;
 * `plan --targets --live` reads each cluster with its own kubeconfig (each its own operator
 * release) while an unreachable third target degrades only its own section; and a staging rollout
 * that fails stops the prod wave, which is reported as not started and left untouched.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRayService, rayClustersOf, startControlPlane, type ControlPlane } from '../harness/index.js';
import { smallTextMl, type Obj } from '../fixtures/rayservice.js';
import { runCli } from '../helpers/cli.js';

const NS = 'fleet';
let staging: ControlPlane;
let prod: ControlPlane;
let dir: string;

const manifest = (image: string): Obj => smallTextMl(NS, image);

/** A checkout: each cluster's folder with its RayService at `image` (none: the folder is empty). */
function tree(name: string, images: { staging?: string; prod?: string }): string {
  const root = join(dir, name);
  for (const c of ['staging', 'prod'] as const) {
    mkdirSync(join(root, 'clusters', c), { recursive: true });
    const image = images[c];
    if (image) writeFileSync(join(root, 'clusters', c, 'rs.yaml'), stringify(manifest(image)));
  }
  return root;
}

function targetsFile(extra = ''): string {
  const file = join(dir, `targets-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `targets:
  - name: staging
    wave: 0
    manifests: clusters/staging/**/*.yaml
    kubeconfig: ${staging.kubeconfigPath}
    kuberay-version: "1.6.2"
    force-conflicts: true
  - name: prod
    wave: 1
    manifests: clusters/prod/**/*.yaml
    kubeconfig: ${prod.kubeconfigPath}
    kuberay-version: "1.5.1"
    force-conflicts: true
${extra}`,
  );
  return file;
}

async function cli(args: string[]): Promise<{ code: number | null; stdout: string; out: string }> {
  const r = await runCli(args).done;
  return { code: r.code, stdout: r.stdout, out: r.stdout + r.stderr };
}

beforeAll(async () => {
  [staging, prod] = await Promise.all([startControlPlane({ kuberayVersion: 'v1.6.2' }), startControlPlane({ kuberayVersion: 'v1.5.1' })]);
  await Promise.all([staging.kubectl.ensureNamespace(NS), prod.kubectl.ensureNamespace(NS)]);
  dir = mkdtempSync(join(tmpdir(), 'rsr-fleet-'));
}, 400_000);

afterAll(async () => {
  await Promise.all([staging?.stop(), prod?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a fleet of two clusters', () => {
  it('applies wave by wave, plans each cluster with its own credentials, and a failed wave stops the next', async () => {
    const empty = tree('empty', {});
    const v1 = tree('v1', { staging: 'rayproject/ray:2.44.1', prod: 'rayproject/ray:2.44.1' });
    const targets = targetsFile();

    // 1. The first apply creates the RayService in both clusters: staging first, then prod.
    const created = await cli(['apply', '--targets', targets, '--base', empty, '--head', v1, '--timeout', '150s']);
    expect(created.code, created.out).toBe(0);
    expect(created.stdout.indexOf('wave 0: staging')).toBeLessThan(created.stdout.indexOf('wave 1: prod'));
    expect(created.stdout).toMatch(/\| `staging` \| 0 \| ✅ succeeded \| \+0\.\ds \|/);
    expect(created.stdout).toMatch(/\| `prod` \| 1 \| ✅ succeeded \| \+\d/);
    const stagingBefore = await getRayService(staging.kubectl, 'text-ml', NS);
    const prodBefore = await getRayService(prod.kubectl, 'text-ml', NS);
    expect(stagingBefore.activeCluster).toBeDefined();
    expect(prodBefore.activeCluster).toBeDefined();

    // 2. The live plan reads each cluster with its own kubeconfig, concurrently; a third target
    // whose cluster cannot be reached is planned from Git alone, and only it.
    const broken = tree('broken', { staging: 'rayproject/ray:2.46.0-broken', prod: 'rayproject/ray:2.46.0-broken' });
    const unreachable = join(dir, 'unreachable.kubeconfig');
    writeFileSync(
      unreachable,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'gone', cluster: { server: 'https://127.0.0.1:9' } }],
        users: [{ name: 'u', user: { token: 'x' } }],
        contexts: [{ name: 'gone', context: { cluster: 'gone', user: 'u' } }],
        'current-context': 'gone',
      }),
    );
    const withThird = targetsFile(`  - name: edge\n    wave: 2\n    manifests: clusters/staging/**/*.yaml\n    kubeconfig: ${unreachable}\n`);
    const planned = await cli(['plan', '--targets', withThird, '--base', v1, '--head', broken, '--live', '--timeout', '30s']);
    expect(planned.code, planned.out).toBe(0);
    const fleet = JSON.parse(planned.stdout);
    const byName = Object.fromEntries(fleet.targets.map((t: { name: string; plan: Obj }) => [t.name, t.plan]));
    expect(byName.staging.cluster.mode).toBe('live');
    expect(byName.staging.cluster.operator.version).toMatch(/^v?1\.6\.2/);
    expect(byName.prod.cluster.mode).toBe('live');
    expect(byName.prod.cluster.operator.version).toMatch(/^v?1\.5\.1/);
    expect(byName.staging.services[0].change).toBe('cluster');
    expect(byName.prod.services[0].change).toBe('cluster');
    expect(byName.edge.cluster.mode).toBe('git-only');
    expect(byName.edge.services[0].change).toBe('cluster');
    expect(planned.out).toMatch(/note: edge: Planned from Git alone/);

    // 3. The broken image fails in staging (its apps never deploy): prod, in the next wave, is not
    // started, and keeps running what it ran.
    const fault = staging.sim.faults.deployFailed(
      { namespace: NS, rayService: 'text-ml', match: (c) => JSON.stringify(c.object?.spec ?? {}).includes('2.46.0-broken') },
      { message: 'ModuleNotFoundError: No module named demo' },
    );
    try {
      const r = await cli(['apply', '--targets', targets, '--base', v1, '--head', broken, '--timeout', '150s']);
      expect(r.code, r.out).toBe(3);
      expect(r.stdout).toMatch(/\| `staging` \| 0 \| ❌ failed \|/);
      expect(r.stdout).toContain('| `prod` | 1 | ⏸️ not-started: not started: wave 0 did not succeed \\(staging failed\\) | — | — |');
      expect(r.out).toContain('No module named demo');
      const prodAfter = await getRayService(prod.kubectl, 'text-ml', NS);
      expect(prodAfter.activeCluster).toBe(prodBefore.activeCluster);
      expect(prodAfter.pendingCluster).toBeUndefined();
      const clusters = await rayClustersOf(prod.kubectl, 'text-ml', NS);
      expect(clusters.map((c) => c.spec.headGroupSpec.template.spec.containers[0].image)).toEqual(['rayproject/ray:2.44.1']);
    } finally {
      fault.clear();
    }
  }, 700_000);
});
