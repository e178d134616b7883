/**
 * `plan --render` with the real kustomize and the real helm (built in testbin): a repository at two
 * revisions (two checkouts side by side), rendered in each, planned, and the lines pointed back to
 * the source files where kustomize's origin annotations say where they came from.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTools, toolsPath } from './binaries.js';

const repoRoot = join(import.meta.dirname, '../..');
let root: string;
let PATH: string;

/** Two checkouts of a repository holding examples/kustomize and examples/helm; `edit` changes the head. */
function revisions(name: string, edit: (head: string) => void): { base: string; head: string } {
  const base = join(root, name, 'base');
  const head = join(root, name, 'head');
  for (const dir of [base, head]) {
    cpSync(join(repoRoot, 'examples', 'kustomize'), join(dir, 'examples', 'kustomize'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'helm'), join(dir, 'examples', 'helm'), { recursive: true });
  }
  edit(head);
  return { base, head };
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}

function plan(trees: { base: string; head: string }, render: string, env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'dist', 'cli.js'), 'plan', '--base', trees.base, '--head', trees.head, '--render', render, '--format', 'json'],
    {
      encoding: 'utf8',
      env: { ...process.env, PATH, KUBECONFIG: '', ...env },
      timeout: 60_000,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: r.status === 0 ? JSON.parse(r.stdout) : undefined };
}

const changeAt = (p: { services: { changes: { path: string }[] }[] }, path: string) => p.services[0]!.changes.find((c) => c.path === path);

describe('plan --render with kustomize and helm', () => {
  beforeAll(() => {
    const tools = resolveTools();
    PATH = toolsPath(tools);
    root = mkdtempSync(join(tmpdir(), 'rsr-render-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('kustomize overlay: a change in the base and one in the overlay patch, each named with its source file and line', () => {
    const trees = revisions('prod', (head) => {
      replaceIn(join(head, 'examples/kustomize/base/rayservice.yaml'), 'rayVersion: "2.46.0"', 'rayVersion: "2.47.0"');
      replaceIn(
        join(head, 'examples/kustomize/overlays/prod/rayservice-size.yaml'),
        'image: rayproject/ray:2.46.0-py311\n              resources',
        'image: rayproject/ray:2.47.0-py311\n              resources',
      );
    });
    const r = plan(trees, 'kustomize:examples/kustomize/overlays/prod');
    expect(r.code, r.stderr).toBe(0);
    const s = r.json.services[0];
    expect([s.namespace, s.name, s.change, s.file]).toEqual(['search-prod', 'reranker', 'cluster', 'examples/kustomize/base/rayservice.yaml']);
    expect(changeAt(r.json, 'spec.rayClusterConfig.rayVersion')).toMatchObject({ from: '2.46.0', to: '2.47.0', effect: 'cluster', line: 20 });
    expect(changeAt(r.json, 'spec.rayClusterConfig.rayVersion')).not.toHaveProperty('file');
    expect(changeAt(r.json, 'spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image')).toMatchObject({
      to: 'rayproject/ray:2.47.0-py311',
      effect: 'cluster',
      line: 13,
      file: 'examples/kustomize/overlays/prod/rayservice-size.yaml',
    });
    // kustomize's build annotations never reach the plan.
    expect(r.stdout).not.toContain('config.kubernetes.io');
  });

  it('kustomize overlay: a Serve config line maps into the base block scalar', () => {
    const trees = revisions('serve', (head) => replaceIn(join(head, 'examples/kustomize/base/rayservice.yaml'), 'num_replicas: 1', 'num_replicas: 2'));
    const r = plan(trees, 'kustomize:examples/kustomize/overlays/staging');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.services[0]).toMatchObject({ namespace: 'search-staging', change: 'app', file: 'examples/kustomize/base/rayservice.yaml' });
    expect(r.json.services[0].changes[0]).toMatchObject({ from: 1, to: 2, line: 16 });
  });

  it('kustomize inline patch (patches[].patch): the line inside the kustomization', () => {
    const inline = (replicas: number) =>
      `patches:\n  - patch: |-\n      apiVersion: ray.io/v1\n      kind: RayService\n      metadata:\n        name: reranker\n      spec:\n        rayClusterConfig:\n          rayVersion: "2.4${replicas}.0"\n`;
    const trees = revisions('inline', (head) =>
      writeFileSync(
        join(head, 'examples/kustomize/overlays/staging/kustomization.yaml'),
        `${readFileSync(join(head, 'examples/kustomize/overlays/staging/kustomization.yaml'), 'utf8')}${inline(8)}`,
      ),
    );
    writeFileSync(
      join(trees.base, 'examples/kustomize/overlays/staging/kustomization.yaml'),
      `${readFileSync(join(trees.base, 'examples/kustomize/overlays/staging/kustomization.yaml'), 'utf8')}${inline(7)}`,
    );
    const r = plan(trees, 'kustomize:examples/kustomize/overlays/staging');
    expect(r.code, r.stderr).toBe(0);
    // kustomization.yaml: 6 lines of its own, then `patches:` (7), `- patch: |-` (8), the patch from line 9: rayVersion on 15.
    expect(changeAt(r.json, 'spec.rayClusterConfig.rayVersion')).toMatchObject({
      from: '2.47.0',
      to: '2.48.0',
      line: 15,
      file: 'examples/kustomize/overlays/staging/kustomization.yaml',
    });
  });

  it('kustomize without buildMetadata: the lines are the rendered output, and named so', () => {
    const trees = revisions('plain', (head) =>
      replaceIn(join(head, 'examples/kustomize/base/rayservice.yaml'), 'rayVersion: "2.46.0"', 'rayVersion: "2.47.0"'),
    );
    for (const t of [trees.base, trees.head])
      replaceIn(join(t, 'examples/kustomize/overlays/staging/kustomization.yaml'), 'buildMetadata: [originAnnotations, transformerAnnotations]\n', '');
    const r = plan(trees, 'kustomize:examples/kustomize/overlays/staging');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.services[0].file).toBe('kustomize:examples/kustomize/overlays/staging (rendered)');
    expect(changeAt(r.json, 'spec.rayClusterConfig.rayVersion')!).toMatchObject({ line: expect.any(Number) });
  });

  it('helm chart with a values file: the change, on a line of the rendered output', () => {
    const trees = revisions('helm', (head) =>
      replaceIn(join(head, 'examples/helm/reranker/values-prod.yaml'), 'replicas: 3\n  minReplicas: 2', 'replicas: 3\n  minReplicas: 3'),
    );
    const r = plan(trees, 'helm:examples/helm/reranker:examples/helm/reranker/values-prod.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.services[0]).toMatchObject({
      name: 'release-name-reranker',
      file: 'helm:examples/helm/reranker:examples/helm/reranker/values-prod.yaml (rendered)',
    });
    expect(changeAt(r.json, 'spec.rayClusterConfig.workerGroupSpecs[0].minReplicas')).toMatchObject({ from: 2, to: 3, line: expect.any(Number) });
  });

  it('a render that fails is a refusal with the renderer message (exit 2, nothing planned)', () => {
    const trees = revisions('broken', (head) =>
      replaceIn(join(head, 'examples/kustomize/overlays/prod/kustomization.yaml'), 'rayservice-size.yaml', 'missing-patch.yaml'),
    );
    const r = plan(trees, 'kustomize:examples/kustomize/overlays/prod');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--render "kustomize:examples\/kustomize\/overlays\/prod" in the head tree failed \(exit status 1\): .*missing-patch\.yaml/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an overlay the base does not have yet: every RayService it renders is a create', () => {
    const trees = revisions('new-overlay', (head) =>
      cpSync(join(head, 'examples/kustomize/overlays/staging'), join(head, 'examples/kustomize/overlays/qa'), { recursive: true }),
    );
    const r = plan(trees, 'kustomize:examples/kustomize/overlays/qa');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.services.map((s: { change: string; file: string }) => [s.change, s.file])).toEqual([['create', 'examples/kustomize/base/rayservice.yaml']]);
  });

  it('shorthand paths stay inside the tree', () => {
    const trees = revisions('outside', () => {});
    const r = plan(trees, 'kustomize:../elsewhere');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be a path relative to the repository root');
  });

  it('without kustomize on the PATH the shorthand falls back to kubectl kustomize, and says when that is missing too', () => {
    const trees = revisions('kubectl', (head) =>
      replaceIn(join(head, 'examples/kustomize/base/rayservice.yaml'), 'rayVersion: "2.46.0"', 'rayVersion: "2.47.0"'),
    );
    const r = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'dist', 'cli.js'),
        'plan',
        '--base',
        trees.base,
        '--head',
        trees.head,
        '--render',
        'kustomize:examples/kustomize/overlays/prod',
        '--format',
        'json',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent', KUBECONFIG: '' },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('could not start: kubectl is not installed (or not on the PATH)');
  });
});
