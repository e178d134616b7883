/**
 * Least privilege: the committed CLI bundle dist/cli.js, authenticated as a ServiceAccount
 * bound to nothing but the Role of deploy/rbac.yaml, applies and waits for RayService rollouts on a
 * REAL kube-apiserver (RBAC authorizer, bootstrap roles) with the REAL KubeRay operator v1.6.2 —
 * and that token can do nothing else the tool does not need.
 *
 * Tokens come from the TokenRequest API (the apiserver signs them with the control plane's service
 * account key). The ServiceAccount admission plugin is off in the harness (no controller-manager), so
 * the ServiceAccount objects are created here. Tokens are written to kubeconfig files (mode 0600)
 * and never printed; every CLI output is checked not to contain one.
 *
 * The CLI is spawned asynchronously: the kubeconfig points at a pass-through proxy inside this very
 * process, so a blocking spawnSync would starve it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getRayService,
  isServing,
  KubeApiError,
  KubeRest,
  rayServiceYaml,
  repoRoot,
  startControlPlane,
  waitForRayService,
  type ControlPlane,
  type KubeObject,
  type RayServiceFixture,
} from '../harness/index.js';
import { type CliResult, runCli as startCli } from '../helpers/cli.js';
import { manifestDirs } from '../helpers/manifest-dirs.js';

const RBAC_FILE = join(repoRoot, 'deploy', 'rbac.yaml');

let cp: ControlPlane;
let tmpRoot: string;
/** Every token handed out, to check that no output contains one. */
const tokens: string[] = [];
/** Token clients, closed at the end. */
const clients: KubeRest[] = [];

/** `node dist/cli.js …` to its end (asynchronously: the apiserver proxy lives in this process); an output with a token fails. */
async function runCli(args: string[]): Promise<CliResult> {
  const r = await startCli(args).done;
  if (tokens.some((t) => (r.stdout + r.stderr).includes(t))) throw new Error('the CLI printed a token');
  return r;
}

const show = (r: CliResult) => `exit ${r.code} after ${r.ms} ms\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

const manifestDir = manifestDirs(() => tmpRoot);

/** Small: 100m / 256Mi for the head and the one worker; rayClusterDeletionDelaySeconds 1 (the fixture's default). */
const small = (name: string, namespace: string, extra: Partial<RayServiceFixture> = {}): RayServiceFixture => ({
  name,
  namespace,
  headCpu: '100m',
  headMemory: '256Mi',
  workerGroups: [{ groupName: 'small', cpu: '100m', memory: '256Mi' }],
  ...extra,
});

/** The documents of deploy/rbac.yaml. */
function rbacDocs(): KubeObject[] {
  return parseAllDocuments(readFileSync(RBAC_FILE, 'utf8')).map((d) => d.toJS() as KubeObject);
}

const roleOfFile = (): KubeObject => rbacDocs().find((d) => d.kind === 'Role')!;
const clusterRoleOfFile = (): KubeObject => rbacDocs().find((d) => d.kind === 'ClusterRole')!;

interface Identity {
  /** system:serviceaccount:<ns>:<name> */
  user: string;
  kubeconfig: string;
  /** REST client with the ServiceAccount's token (for direct calls). */
  rest: KubeRest;
}

/**
 * A ServiceAccount in `ns`, bound (RoleBinding in each of `bindIn`, default `ns`) to `roleRef`, with a
 * token from the TokenRequest API in a kubeconfig of its own.
 */
async function serviceAccount(ns: string, name: string, roleRef: { kind: 'Role' | 'ClusterRole'; name: string }, bindIn: string[] = [ns]): Promise<Identity> {
  await cp.kubectl.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } });
  for (const b of bindIn) {
    await cp.kubectl.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${name}-${roleRef.name}`, namespace: b },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
      subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
    });
  }
  const tr = await cp.kubectl.rest.request('POST', `/api/v1/namespaces/${ns}/serviceaccounts/${name}/token`, {
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
  });
  const token = tr.status?.token as string;
  expect(typeof token, 'TokenRequest answered without a token').toBe('string');
  tokens.push(token);
  const kubeconfig = join(tmpRoot, `kubeconfig-${ns}-${name}`);
  writeFileSync(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'local', cluster: { server: cp.server, 'insecure-skip-tls-verify': true } }],
      users: [{ name, user: { token } }],
      contexts: [{ name: 'local', context: { cluster: 'local', user: name, namespace: ns } }],
      'current-context': 'local',
    }),
    { mode: 0o600 },
  );
  const rest = new KubeRest(cp.server, token, 'rbac-test');
  clients.push(rest);
  return { user: `system:serviceaccount:${ns}:${name}`, kubeconfig, rest };
}

/** The HTTP status of a direct call (200 when allowed). */
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof KubeApiError) return e.status;
    throw e;
  }
}

/** The ServiceAccount's rules in `ns` for the groups the tool uses (core and ray.io), as the apiserver resolves them. */
async function rulesIn(id: Identity, ns: string): Promise<string[]> {
  const r = await id.rest.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: ns } },
  });
  return flatten((r.status?.resourceRules ?? []).filter((x: KubeObject) => x.apiGroups?.some((g: string) => g === '' || g === 'ray.io')));
}

/** "group/resource:verb" for every combination, sorted. */
function flatten(rules: KubeObject[]): string[] {
  const out = new Set<string>();
  for (const r of rules)
    for (const g of r.apiGroups ?? []) for (const res of r.resources ?? []) for (const v of r.verbs ?? []) out.add(`${g || 'core'}/${res}:${v}`);
  return [...out].sort();
}

const EXPECTED_RULES = [
  'core/events:list',
  'core/events:watch',
  'core/pods:list',
  'core/pods:watch',
  'ray.io/rayclusters:list',
  'ray.io/rayclusters:watch',
  'ray.io/rayservices:create',
  'ray.io/rayservices:get',
  'ray.io/rayservices:list',
  'ray.io/rayservices:patch',
  'ray.io/rayservices:watch',
];

// Namespaces, one per case.
const NS = 'rbac-ci';
const NS_CLUSTER_ROLE = 'rbac-clusterrole';
const NS_OTHER = 'rbac-unbound';
const NS_NO_CREATE = 'rbac-no-create';
const NS_NO_PODS = 'rbac-no-pods';
const NS_NO_GET = 'rbac-no-get';
const NS_NO_LIST = 'rbac-no-list';

const NEW_IMAGE = 'rayproject/ray:2.46.0-py311';

let ci: Identity;

beforeAll(async () => {
  cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
  tmpRoot = mkdtempSync(join(tmpdir(), 'rsr-rbac-'));
  for (const ns of [NS, NS_CLUSTER_ROLE, NS_OTHER, NS_NO_CREATE, NS_NO_PODS, NS_NO_GET, NS_NO_LIST]) await cp.kubectl.ensureNamespace(ns);
  // The Role exactly as deploy/rbac.yaml has it, in the namespace of the RayServices.
  await cp.kubectl.apply({ ...roleOfFile(), metadata: { ...roleOfFile().metadata, namespace: NS } });
  ci = await serviceAccount(NS, 'ci-deployer', { kind: 'Role', name: 'rayservice-rollout' });
}, 300_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await cp?.stop();
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
});

describe('deploy/rbac.yaml on a real kube-apiserver (RBAC) and KubeRay v1.6.2', () => {
  const demo = small('demo', NS);

  it('the Role and the ClusterRole grant the same rules, and the apiserver resolves exactly those', async () => {
    expect(flatten(roleOfFile().rules)).toEqual(EXPECTED_RULES);
    expect(flatten(clusterRoleOfFile().rules)).toEqual(EXPECTED_RULES);
    expect(await rulesIn(ci, NS)).toEqual(EXPECTED_RULES);
    expect(await rulesIn(ci, NS_OTHER)).toEqual([]);
  });

  it('API discovery needs no rule of ours: system:discovery is bound to every authenticated user', async () => {
    const binding = await cp.kubectl.get({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' }, 'system:discovery');
    expect(binding.subjects).toContainEqual(expect.objectContaining({ kind: 'Group', name: 'system:authenticated' }));
    // What KubernetesObjectApi asks before every server-side apply.
    const rayV1 = await ci.rest.get('/apis/ray.io/v1');
    expect(rayV1.resources.map((r: KubeObject) => r.name)).toContain('rayservices');
  });

  it('apply creates a RayService and waits for it with nothing but the Role', async () => {
    const r = await runCli(['apply', '--base', manifestDir(), '--head', manifestDir(demo), '--kubeconfig', ci.kubeconfig, '--timeout', '120s']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain(`${NS}/demo: applied (generation 1); expecting create`);
    expect(r.stdout, show(r)).toContain('rollout done');
    // Pods and events were watched (the Role grants them): no degradation notice.
    expect(r.stdout + r.stderr, show(r)).not.toMatch(/no permission/);
    const s = await getRayService(cp.kubectl, 'demo', NS);
    expect(s.activeCluster).toBeTruthy();
    expect(s.raw.metadata.managedFields.map((f: KubeObject) => f.manager)).toContain('rayservice-rollout');
  });

  // Every update passes --force-conflicts: KubeRay 1.6.2's finalizer update re-serializes the spec and owns
  // spec.rayClusterConfig.workerGroupSpecs (an atomic list) from then on, in a form that differs from the
  // manifest, so even an apply that leaves the worker groups alone conflicts without it. Forcing is a
  // query parameter of the same PATCH: no extra permission.
  it('a Serve config change: apply exits 0', async () => {
    const r = await runCli([
      'apply',
      '--base',
      manifestDir(demo),
      '--head',
      manifestDir({ ...demo, serveConfigRevision: 'r2' }),
      '--kubeconfig',
      ci.kubeconfig,
      '--timeout',
      '120s',
      '--force-conflicts',
    ]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain('expecting app');
    expect(r.stdout, show(r)).toContain('rollout done');
  });

  it('a blue/green upgrade (new image) with --force-conflicts: apply exits 0 and the new cluster serves', async () => {
    const before = (await getRayService(cp.kubectl, 'demo', NS)).activeCluster;
    const head = { ...demo, serveConfigRevision: 'r2', image: NEW_IMAGE };
    const r = await runCli([
      'apply',
      '--base',
      manifestDir({ ...demo, serveConfigRevision: 'r2' }),
      '--head',
      manifestDir(head),
      '--kubeconfig',
      ci.kubeconfig,
      '--timeout',
      '120s',
      '--force-conflicts',
    ]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain('expecting cluster');
    expect(r.stdout, show(r)).toContain('rollout done');
    const after = (await getRayService(cp.kubectl, 'demo', NS)).activeCluster;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it('wait <namespace/name> works with the Role', async () => {
    const r = await runCli(['wait', `${NS}/demo`, '--kubeconfig', ci.kubeconfig, '--timeout', '60s']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain('rollout done');
  });

  it('the same token may do nothing else: direct calls are forbidden (403)', async () => {
    const rs = `/apis/ray.io/v1/namespaces/${NS}/rayservices/demo`;
    const cluster = (await getRayService(cp.kubectl, 'demo', NS)).activeCluster!;
    const pod = (await cp.kubectl.list('pods', { namespace: NS, labelSelector: `ray.io/cluster=${cluster}` }))[0]!;
    const forbidden: Record<string, Promise<unknown>> = {
      'list secrets': ci.rest.get(`/api/v1/namespaces/${NS}/secrets`),
      'create a secret': ci.rest.request('POST', `/api/v1/namespaces/${NS}/secrets`, { body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } } }),
      'delete the RayService': ci.rest.request('DELETE', rs),
      'update (PUT) the RayService': ci.rest.get(rs).then((o) => ci.rest.request('PUT', rs, { body: o })),
      'patch the RayService status': ci.rest.mergePatch(`${rs}/status`, { status: { serviceStatus: 'Running' } }),
      'delete a RayCluster': ci.rest.request('DELETE', `/apis/ray.io/v1/namespaces/${NS}/rayclusters/${cluster}`),
      'patch a RayCluster': ci.rest.mergePatch(`/apis/ray.io/v1/namespaces/${NS}/rayclusters/${cluster}`, { metadata: { labels: { x: 'y' } } }),
      'get a pod': ci.rest.get(`/api/v1/namespaces/${NS}/pods/${pod.metadata.name}`),
      'delete a pod': ci.rest.request('DELETE', `/api/v1/namespaces/${NS}/pods/${pod.metadata.name}`),
      'read pod logs': ci.rest.get(`/api/v1/namespaces/${NS}/pods/${pod.metadata.name}/log`),
      'list services': ci.rest.get(`/api/v1/namespaces/${NS}/services`),
      'list configmaps': ci.rest.get(`/api/v1/namespaces/${NS}/configmaps`),
      'create a RoleBinding': ci.rest.request('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`, {
        body: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'x' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
          subjects: [{ kind: 'User', name: 'x' }],
        },
      }),
      'list RayServices in another namespace': ci.rest.get(`/apis/ray.io/v1/namespaces/${NS_OTHER}/rayservices`),
      'list RayServices in every namespace': ci.rest.get('/apis/ray.io/v1/rayservices'),
      'list nodes': ci.rest.get('/api/v1/nodes'),
      'list namespaces': ci.rest.get('/api/v1/namespaces'),
    };
    const statuses = Object.fromEntries(await Promise.all(Object.entries(forbidden).map(async ([what, p]) => [what, await statusOf(p)] as const)));
    expect(statuses).toEqual(Object.fromEntries(Object.keys(forbidden).map((k) => [k, 403])));
    // …while what it needs is allowed.
    expect(await statusOf(ci.rest.get(rs))).toBe(200);
    expect(await statusOf(ci.rest.get(`/api/v1/namespaces/${NS}/pods`, { labelSelector: 'ray.io/is-ray-node=yes' }))).toBe(200);
    expect(await statusOf(ci.rest.get(`/api/v1/namespaces/${NS}/events`))).toBe(200);
    // Nothing was deleted.
    expect((await getRayService(cp.kubectl, 'demo', NS)).activeCluster).toBe(cluster);
  });

  it('server-side apply of a NEW RayService needs create as well as patch; an existing one only patch', async () => {
    // The Role without `create`.
    const role = roleOfFile();
    const noCreate = {
      ...role,
      metadata: { name: 'rollout-no-create', namespace: NS_NO_CREATE },
      rules: role.rules.map((r: KubeObject) => ({ ...r, verbs: r.verbs.filter((v: string) => v !== 'create') })),
    };
    await cp.kubectl.apply(noCreate);
    const id = await serviceAccount(NS_NO_CREATE, 'ci', { kind: 'Role', name: 'rollout-no-create' });
    const fresh = small('fresh', NS_NO_CREATE);
    // The dry run is refused already: nothing applied, exit 2, the API server's reason and the hint.
    const refused = await runCli(['apply', '--base', manifestDir(), '--head', manifestDir(fresh), '--kubeconfig', id.kubeconfig, '--timeout', '60s']);
    expect(refused.code, show(refused)).toBe(2);
    expect(refused.stderr, show(refused)).toContain(`User "${id.user}" cannot create resource "rayservices" in API group "ray.io"`);
    expect(refused.stderr, show(refused)).toContain('docs/rbac.md');
    expect(await cp.kubectl.tryGet('rayservices', 'fresh', NS_NO_CREATE)).toBeUndefined();
    // Created by someone else (an admin's first run, same field manager), the RayService can then be
    // updated with patch alone.
    await cp.kubectl.apply(rayServiceYaml(fresh), { fieldManager: 'rayservice-rollout' });
    await waitForRayService(cp.kubectl, 'fresh', NS_NO_CREATE, isServing);
    const r = await runCli([
      'apply',
      '--base',
      manifestDir(fresh),
      '--head',
      manifestDir({ ...fresh, serveConfigRevision: 'r2' }),
      '--kubeconfig',
      id.kubeconfig,
      '--timeout',
      '120s',
      '--force-conflicts',
    ]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain('rollout done');
  });

  it('without pods and events the apply and the wait still succeed (the watch does without them)', async () => {
    const role = roleOfFile();
    const noPods = {
      ...role,
      metadata: { name: 'rollout-no-pods-events', namespace: NS_NO_PODS },
      rules: role.rules.filter((r: KubeObject) => !r.apiGroups.includes('')),
    };
    expect(noPods.rules).toHaveLength(2);
    await cp.kubectl.apply(noPods);
    const id = await serviceAccount(NS_NO_PODS, 'ci', { kind: 'Role', name: 'rollout-no-pods-events' });
    expect(await statusOf(id.rest.get(`/api/v1/namespaces/${NS_NO_PODS}/pods`))).toBe(403);
    expect(await statusOf(id.rest.get(`/api/v1/namespaces/${NS_NO_PODS}/events`))).toBe(403);
    const svc = small('lean', NS_NO_PODS);
    const r = await runCli(['apply', '--base', manifestDir(), '--head', manifestDir(svc), '--kubeconfig', id.kubeconfig, '--timeout', '120s']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain('rollout done');
    expect(r.stdout + r.stderr, show(r)).toContain('no permission to list pods: watching without them');
    expect(r.stdout + r.stderr, show(r)).toContain('no permission to list events: watching without them');
    // A blue/green upgrade, too (waits for a second cluster to take over).
    const upgrade = await runCli([
      'apply',
      '--base',
      manifestDir(svc),
      '--head',
      manifestDir({ ...svc, image: NEW_IMAGE }),
      '--kubeconfig',
      id.kubeconfig,
      '--timeout',
      '120s',
      '--force-conflicts',
    ]);
    expect(upgrade.code, show(upgrade)).toBe(0);
    expect(upgrade.stdout, show(upgrade)).toContain('rollout done');
  });

  /** The Role of the file in `ns` under another name, with `verbs` taken off the rayservices rule. */
  async function roleWithout(ns: string, name: string, verbs: string[]): Promise<void> {
    const role = roleOfFile();
    await cp.kubectl.apply({
      ...role,
      metadata: { name, namespace: ns },
      rules: role.rules.map((r: KubeObject) => (r.resources.includes('rayservices') ? { ...r, verbs: r.verbs.filter((v: string) => !verbs.includes(v)) } : r)),
    });
  }

  it('without get on rayservices: refused before anything is applied (exit 2), not an internal error', async () => {
    await roleWithout(NS_NO_GET, 'rollout-no-get', ['get']);
    const id = await serviceAccount(NS_NO_GET, 'ci', { kind: 'Role', name: 'rollout-no-get' });
    const r = await runCli([
      'apply',
      '--base',
      manifestDir(),
      '--head',
      manifestDir(small('a', NS_NO_GET), small('b', NS_NO_GET)),
      '--kubeconfig',
      id.kubeconfig,
      '--timeout',
      '60s',
    ]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr, show(r)).toContain(`User "${id.user}" cannot get resource "rayservices" in API group "ray.io"`);
    expect(r.stderr, show(r)).toContain('docs/rbac.md');
    expect(r.stderr, show(r)).not.toMatch(/internal error/);
    expect(await cp.kubectl.list('rayservices', { namespace: NS_NO_GET })).toEqual([]);
  });

  it('without list/watch on rayservices: the wait fails at once with the reason, not at the deadline', async () => {
    await roleWithout(NS_NO_LIST, 'rollout-no-list', ['list', 'watch']);
    const id = await serviceAccount(NS_NO_LIST, 'ci', { kind: 'Role', name: 'rollout-no-list' });
    const r = await runCli([
      'apply',
      '--base',
      manifestDir(),
      '--head',
      manifestDir(small('blind', NS_NO_LIST)),
      '--kubeconfig',
      id.kubeconfig,
      '--timeout',
      '120s',
    ]);
    expect(r.code, show(r)).toBe(3);
    expect(r.stdout, show(r)).toContain(`${NS_NO_LIST}/blind: cannot follow the rollout: no permission to list rayservices in namespace ${NS_NO_LIST}`);
    expect(r.ms, show(r)).toBeLessThan(30_000);
  });

  it('the ClusterRole variant, bound by a RoleBinding, works in that namespace only', async () => {
    await cp.kubectl.apply(clusterRoleOfFile());
    // A ServiceAccount of the CI namespace, bound to the ClusterRole in another namespace.
    const id = await serviceAccount(NS, 'ci-many', { kind: 'ClusterRole', name: 'rayservice-rollout' }, [NS_CLUSTER_ROLE]);
    expect(await rulesIn(id, NS_CLUSTER_ROLE)).toEqual(EXPECTED_RULES);
    expect(await rulesIn(id, NS)).toEqual([]);
    const svc = small('shared', NS_CLUSTER_ROLE);
    const r = await runCli(['apply', '--base', manifestDir(), '--head', manifestDir(svc), '--kubeconfig', id.kubeconfig, '--timeout', '120s']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout, show(r)).toContain('rollout done');
    // The same manifest in a namespace without a binding is refused by the dry run: nothing applied.
    const elsewhere = await runCli([
      'apply',
      '--base',
      manifestDir(),
      '--head',
      manifestDir(small('shared', NS_OTHER)),
      '--kubeconfig',
      id.kubeconfig,
      '--timeout',
      '60s',
    ]);
    expect(elsewhere.code, show(elsewhere)).toBe(2);
    expect(elsewhere.stderr, show(elsewhere)).toMatch(/forbidden/);
    expect(await cp.kubectl.tryGet('rayservices', 'shared', NS_OTHER)).toBeUndefined();
  });
});
