/**
 * The health rules of deploy/argocd (Lua) and deploy/flux (CEL healthCheckExprs) against RayService
 * statuses recorded from the real KubeRay operator on the local control plane
 * (test/fixtures/health/, re-recorded by scripts/record-health-snapshots.ts), run in the
 * interpreters the controllers embed: gopher-lua and cel-go (testbin/health-rules).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveTools } from './binaries.js';

const repoRoot = join(import.meta.dirname, '../..');
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'health');
const LUA = readFileSync(join(repoRoot, 'deploy', 'argocd', 'rayservice-health.lua'), 'utf8');
const FLUX = parseYaml(readFileSync(join(repoRoot, 'deploy', 'flux', 'rayservice-health.yaml'), 'utf8'));
const CEL = FLUX.spec.healthCheckExprs.find((e: { kind: string }) => e.kind === 'RayService');

interface Snapshot {
  kuberay: string;
  expect: { argocd: string; flux: string };
  object: Record<string, unknown>;
}
interface Result {
  argocd: { status: string; message: string };
  flux: string;
  error?: string;
}

let bin: string;
const run = (objects: unknown[]): Result[] => {
  const r = spawnSync(bin, [], { input: JSON.stringify({ lua: LUA, cel: CEL, objects }), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`health-rules failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result[];
};

const snapshots = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Snapshot] as const);

describe('RayService health rules against recorded statuses', () => {
  beforeAll(() => {
    bin = resolveTools().healthRules;
  });

  it('has the recorded scenarios', () => {
    expect(snapshots.map(([n]) => n)).toEqual(expect.arrayContaining(['creating', 'serving', 'upgrading', 'upgraded', 'deploy-failed', 'validation-failed']));
  });

  it.each(snapshots)('%s: Argo CD and Flux say what a person would', (_name, s) => {
    const [r] = run([s.object]);
    expect(r!.error).toBeUndefined();
    expect(r!.argocd.status).toBe(s.expect.argocd);
    expect(r!.flux).toBe(s.expect.flux);
    expect(r!.argocd.message).not.toBe('');
  });

  it('names the failure: the operator message of ValidationFailed, the application of DEPLOY_FAILED', () => {
    const by = Object.fromEntries(snapshots);
    const [invalid, broken] = run([by['validation-failed']!.object, by['deploy-failed']!.object]);
    expect(invalid!.argocd.message).toMatch(/^ValidationFailed: /);
    expect(broken!.argocd.message).toMatch(/Serve application \S+ is DEPLOY_FAILED/);
  });

  it('a RayService without any status yet is Progressing for Argo CD and not Current for Flux', () => {
    const [r] = run([{ apiVersion: 'ray.io/v1', kind: 'RayService', metadata: { name: 'x', generation: 1 } }]);
    expect(r!.argocd.status).toBe('Progressing');
    // Flux: `status` is not a variable of a status-less object; the evaluation error keeps Flux waiting.
    expect(r!.flux).not.toBe('Current');
  });

  it('a status behind the spec (observedGeneration < generation) is Progressing, whatever it says', () => {
    const serving = Object.fromEntries(snapshots).serving!.object as { metadata: Record<string, unknown>; status: Record<string, unknown> };
    const behind = { ...serving, metadata: { ...serving.metadata, generation: Number(serving.status.observedGeneration) + 1 } };
    const [r] = run([behind]);
    expect(r!.argocd.status).toBe('Progressing');
    expect(r!.flux).toBe('InProgress');
  });
});
