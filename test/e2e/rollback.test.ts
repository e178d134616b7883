/**
 * `apply --on-failure rollback` on the real operator: what a revert really does under NewCluster.
 * A blue/green change whose new cluster never gets healthy (its apps DEPLOY_FAILED) fails; the
 * tool re-applies the base manifest; the operator builds ANOTHER pending cluster from the base spec
 * in place of the failed one, deletes the failed one, and switches to the copy.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRayService, rayClustersOf, startControlPlane, type ControlPlane } from '../harness/index.js';
import { smallTextMl, type Obj } from '../fixtures/rayservice.js';
import { runCli } from '../helpers/cli.js';

const NS = 'rollback';
let cp: ControlPlane;
let dir: string;

/** The CLI against this file's control plane; `out` is stdout then stderr. */
async function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  const r = await runCli([...args, '--kubeconfig', cp.kubeconfigPath]).done;
  return { code: r.code, out: r.stdout + r.stderr };
}

const manifest = (image: string): Obj => smallTextMl(NS, image);

function write(name: string, image: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'rs.yaml'), stringify(manifest(image)));
  return d;
}

beforeAll(async () => {
  cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
  await cp.kubectl.ensureNamespace(NS);
  dir = mkdtempSync(join(tmpdir(), 'rsr-rollback-'));
  mkdirSync(join(dir, 'empty'));
}, 300_000);

afterAll(async () => {
  await cp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--on-failure rollback', () => {
  it('a failed blue/green rollout is rolled back by a second blue/green of the base spec', async () => {
    const base = write('base', 'rayproject/ray:2.44.1');
    const head = write('head', 'rayproject/ray:2.46.0-broken');
    const created = await cli(['apply', '--base', join(dir, 'empty'), '--head', base, '--timeout', '120s']);
    expect(created.code, created.out).toBe(0);
    const before = await getRayService(cp.kubectl, 'text-ml', NS);

    // Apps on any cluster running the broken image fail to deploy.
    const fault = cp.sim.faults.deployFailed(
      { namespace: NS, rayService: 'text-ml', match: (c) => JSON.stringify(c.object?.spec ?? {}).includes('2.46.0-broken') },
      { message: 'ModuleNotFoundError: No module named demo' },
    );
    try {
      const r = await cli(['apply', '--base', base, '--head', head, '--timeout', '150s', '--force-conflicts', '--on-failure', 'rollback']);
      expect(r.code, r.out).toBe(3);
      expect(r.out).toContain('No module named demo');
      expect(r.out).toMatch(/rollback: re-applying the base manifest: KubeRay replaces the failed pending cluster/);
      expect(r.out).toMatch(/rolled back: succeeded/);
      const after = await getRayService(cp.kubectl, 'text-ml', NS);
      // What a revert really does: neither the old active cluster nor the failed one, but a third.
      expect(after.activeCluster).toBeDefined();
      expect(after.activeCluster).not.toBe(before.activeCluster);
      expect(after.pendingCluster).toBeUndefined();
      const active = (await rayClustersOf(cp.kubectl, 'text-ml', NS)).find((c) => c.metadata.name === after.activeCluster)!;
      expect(active.spec.headGroupSpec.template.spec.containers[0].image).toBe('rayproject/ray:2.44.1');
    } finally {
      fault.clear();
    }
  }, 400_000);
});
