/**
 * Smoke requests and logs on the local control plane, through the real kube-apiserver: the requests
 * go through its service proxy (`services/<name>-serve-svc:serve/proxy/…`) to the simulated Serve
 * proxy of the active cluster's head pod, and the logs through its `pods/log` to the simulated
 * kubelet endpoint (the head pod's Serve lines; the real KubeRay operator's output behind a
 * stand-in pod). The committed CLI bundle is run, as a user runs it.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRayService, startControlPlane, type ControlPlane } from '../harness/index.js';
import { rayService, type Obj } from '../fixtures/rayservice.js';
import { runCli } from '../helpers/cli.js';

const NS = 'smoke';
let cp: ControlPlane;
let dir: string;

async function cli(args: string[], kubeconfig = cp.kubeconfigPath, env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const r = await runCli([...args, '--kubeconfig', kubeconfig], { env }).done;
  return { code: r.code, out: r.stdout + r.stderr };
}

/** A RayService whose Serve applications are `apps` (name → route prefix and args). */
function manifest(name: string, apps: Record<string, { route: string; args: Obj }>): Obj {
  return rayService((rs) => {
    rs.metadata.namespace = NS;
    rs.spec.rayClusterDeletionDelaySeconds = 1;
    const small = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '100m', memory: '256Mi' } };
    rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources = small;
    rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].resources = small;
    rs.spec.serveConfigV2 = stringify({
      applications: Object.entries(apps).map(([app, a]) => ({ name: app, route_prefix: a.route, import_path: `${app}.app:deployment`, args: a.args })),
    });
  }, name);
}

function write(name: string, ...docs: Obj[]): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'rs.yaml'), docs.map((o) => stringify(o)).join('---\n'));
  return d;
}

function smokeFile(name: string, body: Obj): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(body));
  return path;
}

const GREETING = (greeting: string) => ({ fruit: { route: '/fruit', args: { greeting } } });
/** Every request: /fruit must greet with hello; the header's value is a secret. */
const SMOKE = (name: string) => ({
  services: {
    [`${NS}/${name}`]: {
      deadline: '8s',
      timeout: '2s',
      requests: [
        {
          route: '/fruit?count=1',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the smoke file names an environment variable
          headers: { 'X-Api-Key': '${SMOKE_TEST_KEY}' },
          expect: { status: 200, contains: '"app":"fruit"', json: { path: 'args.greeting', equals: 'hello' } },
        },
      ],
    },
  },
});
const SECRET = 'key-5b1c0d9e7f';

beforeAll(async () => {
  cp = await startControlPlane({ kuberayVersion: 'v1.6.2' });
  await cp.kubectl.ensureNamespace(NS);
  await cp.addOperatorPod();
  dir = mkdtempSync(join(tmpdir(), 'rsr-smoke-'));
  mkdirSync(join(dir, 'empty'));
}, 300_000);

afterAll(async () => {
  await cp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('smoke requests after the rollout', () => {
  it('a RayService that answers right succeeds, its slow first answer retried', async () => {
    // The first answer after the config takes 3 s, longer than the 2 s a try may take.
    const head = write('ok', manifest('greeter', { fruit: { route: '/fruit', args: { greeting: 'hello', simulated_first_answer_delay_ms: 3000 } } }));
    const r = await cli(
      ['apply', '--base', join(dir, 'empty'), '--head', head, '--timeout', '120s', '--smoke', smokeFile('ok-smoke', SMOKE('greeter'))],
      undefined,
      {
        SMOKE_TEST_KEY: SECRET,
      },
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/smoke: GET \/fruit\?count=1 \(headers: X-Api-Key\): no answer: no answer within 2000 ms; trying again/);
    expect(r.out).toMatch(/smoke requests: 1 answered as expected/);
    expect(r.out).not.toContain(SECRET);
    // Through the real apiserver's service proxy, to the active cluster's head pod.
    const rs = await getRayService(cp.kubectl, 'greeter', NS);
    const seen = cp.sim.http.requests.filter((q) => q.path === '/fruit?count=1' && q.target === 'serve');
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.every((q) => q.cluster === `${NS}/${rs.activeCluster}`)).toBe(true);
  }, 300_000);

  it('a Serve change whose route answers wrongly fails the rollout, with the answer and the logs in the diagnosis; rollback reverts it', async () => {
    const base = write('wrong-base', manifest('wrong', GREETING('hello')));
    const created = await cli(['apply', '--base', join(dir, 'empty'), '--head', base, '--timeout', '120s']);
    expect(created.code, created.out).toBe(0);
    const head = write(
      'wrong-head',
      manifest('wrong', {
        ...GREETING('bonjour'),
        broken: { route: '/broken', args: { simulated_status: 500, simulated_body: 'ValueError: model not loaded' } },
      }),
    );
    const smoke = SMOKE('wrong');
    smoke.services[`${NS}/wrong`]!.requests.push({ route: '/broken', method: 'POST', body: { text: 'hi' }, expect: { status: 200 } } as never);
    const r = await cli(
      [
        'apply',
        '--base',
        base,
        '--head',
        head,
        '--timeout',
        '120s',
        '--force-conflicts',
        '--on-failure',
        'rollback',
        '--smoke',
        smokeFile('wrong-smoke', smoke),
      ],
      undefined,
      { SMOKE_TEST_KEY: SECRET },
    );
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/FAILED: smoke\/wrong: rolled out, but GET \/fruit\?count=1 \(headers: X-Api-Key\) args\.greeting is "bonjour", expected "hello"/);
    expect(r.out).toContain('Smoke requests:');
    expect(r.out).toContain('answer: {"app":"fruit","args":{"greeting":"bonjour"}}');
    expect(r.out).toMatch(/POST \/broken: answered 500, expected 200/);
    expect(r.out).toContain('answer: ValueError: model not loaded');
    // The head pod's Serve lines and the operator's lines about this RayService, through pods/log.
    expect(r.out).toMatch(/Log of head pod smoke\/wrong-[a-z0-9]{5}-head-[a-z0-9]{5} \(Serve lines\):/);
    expect(r.out).toMatch(/controller 41 -- Deploying new version of Deployment\(name='deployment', app='broken'\)/);
    expect(r.out).toMatch(/replica 41 -- Request to application 'broken' failed: ValueError: model not loaded/);
    expect(r.out).toMatch(/Log of KubeRay operator kuberay-system\/kuberay-operator-0:/);
    expect(r.out).toMatch(/"RayService": \{"name":"wrong","namespace":"smoke"\}/);
    expect(r.out).not.toMatch(/"name":"greeter"/);
    expect(r.out).not.toContain(SECRET);
    expect(cp.sim.kubeletServer?.requests.some((q) => q.path.startsWith('/containerLogs/kuberay-system/kuberay-operator-0/'))).toBe(true);
    // on-failure rollback applies to a failed smoke request: the Serve change is reverted in place.
    expect(r.out).toMatch(/rollback: re-applying the base manifest: the previous Serve config is sent to the running cluster/);
    expect(r.out).toMatch(/rolled back: succeeded/);
  }, 300_000);

  it('without pods/log the diagnosis says which rule to add', async () => {
    const base = write('norbac-base', manifest('norbac', GREETING('hello')));
    expect((await cli(['apply', '--base', join(dir, 'empty'), '--head', base, '--timeout', '120s'])).code).toBe(0);
    const kubeconfig = await restrictedKubeconfig();
    const head = write('norbac-head', manifest('norbac', GREETING('hola')));
    const r = await cli(
      ['apply', '--base', base, '--head', head, '--timeout', '120s', '--force-conflicts', '--smoke', smokeFile('norbac-smoke', SMOKE('norbac'))],
      kubeconfig,
      {
        SMOKE_TEST_KEY: SECRET,
      },
    );
    expect(r.code, r.out).toBe(3);
    expect(r.out).toContain('answer: {"app":"fruit","args":{"greeting":"hola"}}');
    expect(r.out).toContain('Not allowed to read pod logs: with `get` on `pods/log`');
    expect(r.out).not.toContain('Log of head pod');
  }, 300_000);

  it('a smoke file with a mistake is refused before anything is applied, naming the file and the line', async () => {
    const path = join(dir, 'bad-smoke.yaml');
    writeFileSync(path, `services:\n  ${NS}/greeter:\n    requests:\n      - route: fruit\n`);
    const r = await cli(['apply', '--base', join(dir, 'empty'), '--head', join(dir, 'empty'), '--smoke', path]);
    expect(r.code, r.out).toBe(2);
    expect(r.out).toMatch(/bad-smoke\.yaml:4: services\.smoke\/greeter\.requests\[0\]\.route: expected a path starting with \//);
  }, 60_000);
});

/** A ServiceAccount bound to deploy/rbac.yaml's Role and the smoke Role of deploy/rbac-verify.yaml: no pods/log. */
async function restrictedKubeconfig(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const { parseAllDocuments } = await import('yaml');
  const docs = [...parseAllDocuments(readFileSync('deploy/rbac.yaml', 'utf8')), ...parseAllDocuments(readFileSync('deploy/rbac-verify.yaml', 'utf8'))]
    .map((d) => d.toJSON() as Obj)
    .filter((o) => o.kind === 'Role' && ['rayservice-rollout', 'rayservice-rollout-smoke'].includes(o.metadata.name));
  await cp.kubectl.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ci', namespace: NS } });
  for (const role of docs) {
    await cp.kubectl.apply({ ...role, metadata: { ...role.metadata, namespace: NS } });
    await cp.kubectl.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `ci-${role.metadata.name}`, namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
      subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: NS }],
    });
  }
  const tr = await cp.kubectl.rest.request('POST', `/api/v1/namespaces/${NS}/serviceaccounts/ci/token`, {
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
  });
  const path = join(dir, 'kubeconfig-ci');
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'local', cluster: { server: cp.server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'ci', user: { token: tr.status?.token } }],
      contexts: [{ name: 'local', context: { cluster: 'local', user: 'ci', namespace: NS } }],
      'current-context': 'local',
    }),
    { mode: 0o600 },
  );
  return path;
}
