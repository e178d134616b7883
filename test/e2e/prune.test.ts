/**
 * `apply --prune` on the real kube-apiserver and KubeRay operator v1.6.2: base has A, B and C, head
 * has A only. B was applied by rayservice-rollout, C by another field manager. Without --prune
 * nothing is deleted; with it B is deleted (and, foreground, its RayClusters with it) and C is left
 * running with a note naming its manager. A token without `delete` is refused by the dry run and
 * applies nothing; the Role of deploy/rbac.yaml plus its prune Role is enough.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rayClustersOf, rayServiceObject, startControlPlane, type ControlPlane, type RayServiceFixture } from '../harness/index.js';
import type { KubeObject } from '../harness/kube/rest.js';
import { runCli } from '../helpers/cli.js';
import { manifestDirs } from '../helpers/manifest-dirs.js';

const NS = 'prune';
let cp: ControlPlane;
let tmpRoot: string;
const dirs = manifestDirs(() => tmpRoot);

const small = (name: string, extra: Partial<RayServiceFixture> = {}): RayServiceFixture => ({
  name,
  namespace: NS,
  headCpu: '100m',
  headMemory: '256Mi',
  workerGroups: [{ groupName: 'small', cpu: '100m', memory: '256Mi' }],
  ...extra,
});
const A = small('svc-a');
const B = small('svc-b');
const C = small('svc-c');

async function cli(args: string[], kubeconfig = cp.kubeconfigPath): Promise<{ code: number | null; out: string }> {
  const r = await runCli([...args, '--kubeconfig', kubeconfig]).done;
  return { code: r.code, out: `${r.stdout}\n--- stderr ---\n${r.stderr}` };
}

const exists = async (name: string) => (await cp.kubectl.tryGet({ apiVersion: 'ray.io/v1', kind: 'RayService' }, name, NS)) !== undefined;

/** A ServiceAccount bound to the given Roles of deploy/rbac.yaml, in a kubeconfig of its own. */
async function boundTo(name: string, roles: string[]): Promise<string> {
  const docs = parseAllDocuments(readFileSync(join(import.meta.dirname, '../../deploy/rbac.yaml'), 'utf8')).map((d) => d.toJS() as KubeObject);
  await cp.kubectl.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NS } });
  for (const role of roles) {
    const doc = docs.find((d) => d.kind === 'Role' && d.metadata.name === role)!;
    await cp.kubectl.apply({ ...doc, metadata: { ...doc.metadata, namespace: NS } });
    await cp.kubectl.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${name}-${role}`, namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
      subjects: [{ kind: 'ServiceAccount', name, namespace: NS }],
    });
  }
  const tr = await cp.kubectl.rest.request('POST', `/api/v1/namespaces/${NS}/serviceaccounts/${name}/token`, {
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
  });
  const kubeconfig = join(tmpRoot, `kubeconfig-${name}`);
  const user = { name, user: { token: tr.status?.token as string } };
  const cluster = { name: 'local', cluster: { server: cp.server, 'insecure-skip-tls-verify': true } };
  const context = { name: 'local', context: { cluster: 'local', user: name, namespace: NS } };
  writeFileSync(
    kubeconfig,
    stringify({ apiVersion: 'v1', kind: 'Config', clusters: [cluster], users: [user], contexts: [context], 'current-context': 'local' }),
    {
      mode: 0o600,
    },
  );
  return kubeconfig;
}

beforeAll(async () => {
  cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
  await cp.kubectl.ensureNamespace(NS);
  tmpRoot = mkdtempSync(join(tmpdir(), 'rsr-prune-'));
}, 300_000);

afterAll(async () => {
  await cp?.stop();
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
});

describe('apply --prune', () => {
  it('deletes only what this field manager applied, after a dry run; without --prune deletes nothing', async () => {
    const created = await cli(['apply', '--base', dirs(), '--head', dirs(A, B), '--timeout', '180s']);
    expect(created.code, created.out).toBe(0);
    // C: the same kind of manifest, applied by someone else's server-side apply.
    await cp.kubectl.apply(rayServiceObject(C), { fieldManager: 'team-b-deployer' });
    const base = dirs(A, B, C);
    const head = dirs(A);

    // The plan says which: JSON `removal`, as apply will do it.
    const planned = await runCli(['plan', '--live', '--prune', '--base', base, '--head', head, '--kubeconfig', cp.kubeconfigPath]).done;
    expect(planned.code, planned.stderr).toBe(0);
    const removal = Object.fromEntries(JSON.parse(planned.stdout).services.map((s: { name: string; removal?: string }) => [s.name, s.removal]));
    expect(removal).toEqual({ 'svc-a': undefined, 'svc-b': 'prune', 'svc-c': 'not-ours' });

    const without = await cli(['apply', '--base', base, '--head', head, '--timeout', '60s']);
    expect(without.code, without.out).toBe(0);
    expect(without.out).toMatch(/prune\/svc-b: gone from head; left running \(pass --prune to delete it\)/);
    expect([await exists('svc-b'), await exists('svc-c')]).toEqual([true, true]);

    const clustersOfB = await rayClustersOf(cp.kubectl, 'svc-b', NS);
    expect(clustersOfB.length).toBeGreaterThan(0);
    const pruned = await cli(['apply', '--prune', '--base', base, '--head', head, '--timeout', '120s']);
    expect(pruned.code, pruned.out).toBe(0);
    expect(pruned.out).toMatch(/prune\/svc-b: removed from Git: to be deleted once the dry runs pass \(prune; propagation Foreground/);
    expect(pruned.out).toMatch(/\[prune\/svc-b\] .*RayService deleted/);
    expect(pruned.out).toContain('prune/svc-c: removed from Git: not deleted: rayservice-rollout never applied it (managed by team-b-deployer (Apply)');
    // Gone when the command says so, with its RayClusters (foreground: the owner goes last).
    expect(await exists('svc-b')).toBe(false);
    expect(await rayClustersOf(cp.kubectl, 'svc-b', NS)).toEqual([]);
    expect([await exists('svc-a'), await exists('svc-c')]).toEqual([true, true]);

    // Run again (a re-run of the workflow): already gone is fine.
    const again = await cli(['apply', '--prune', '--base', base, '--head', head, '--timeout', '60s']);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/prune\/svc-b: removed from Git: already gone from the cluster/);
  }, 600_000);

  it('a token without delete: the dry run refuses the deletion and nothing is applied; with the prune Role it deletes', async () => {
    const D = small('svc-d');
    const E = small('svc-e');
    const first = await cli(['apply', '--base', dirs(), '--head', dirs(D, E), '--timeout', '180s']);
    expect(first.code, first.out).toBe(0);
    const generationOfD = async () => (await cp.kubectl.get({ apiVersion: 'ray.io/v1', kind: 'RayService' }, 'svc-d', NS)).metadata.generation;
    const before = await generationOfD();
    const base = dirs(D, E);
    // D gets a Serve change, E is removed from Git.
    const head = dirs({ ...D, serveConfigRevision: 'r2' });

    const noDelete = await boundTo('deployer', ['rayservice-rollout']);
    const refused = await cli(['apply', '--prune', '--force-conflicts', '--base', base, '--head', head, '--timeout', '60s'], noDelete);
    expect(refused.code, refused.out).toBe(2);
    expect(refused.out).toMatch(/svc-e.*cannot delete resource "rayservices"/);
    expect(refused.out).toMatch(/grant `delete` on rayservices/);
    // Only the deletion was refused: D's change alone would have been applied.
    expect(refused.out).toMatch(/refused 1 manifest/);
    expect(await generationOfD()).toBe(before);
    expect(await exists('svc-e')).toBe(true);

    const withPrune = await boundTo('pruner', ['rayservice-rollout', 'rayservice-rollout-prune']);
    const done = await cli(['apply', '--prune', '--force-conflicts', '--base', base, '--head', head, '--timeout', '180s'], withPrune);
    expect(done.code, done.out).toBe(0);
    expect(await generationOfD()).toBeGreaterThan(before ?? 0);
    expect(await exists('svc-e')).toBe(false);
  }, 600_000);
});
