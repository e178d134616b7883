/**
 * Apply mode prints what the cluster says: Serve application errors and Warning events. Here the
 * cluster says hostile things (a Serve app fails with a message carrying a line break, a workflow
 * command, ESC and CR; a Warning event does the same), and the CLI's output must stay clean: no
 * line that starts a workflow command, no `##[`, no raw ESC, CR or C1. The CLI runs from source.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlPlane, type ControlPlane } from '../harness/index.js';
import { rayService, type Obj } from '../fixtures/rayservice.js';

const NS = 'hostile';
const NAME = 'text-ml';
const ESC = '\u001b';
const HOSTILE = `boom\n::error::PWNED-SERVE ${ESC}[31mred${ESC}[0m\r::add-mask::x ##[add-mask]PWNED \u009b31m \u2028::warning::PWNED`;
const repoRoot = join(import.meta.dirname, '../..');
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let cp: ControlPlane;
let dir: string;

/** The CLI from source against this file's control plane; resolves with its output, calls `onLine` per stdout line. */
function cli(args: string[], onLine: (line: string) => void = () => {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { RAYSERVICE_ROLLOUT_DEBUG: _debug, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--kubeconfig', cp.kubeconfigPath], {
    cwd: repoRoot,
    env: { ...env, KUBECONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const l of lines) onLine(l);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function manifests(name: string, image: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  const rs: Obj = rayService((r) => {
    r.metadata.namespace = NS;
    r.spec.rayClusterDeletionDelaySeconds = 1;
    const small = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '100m', memory: '256Mi' } };
    r.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = image;
    r.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources = small;
    r.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].resources = small;
  }, NAME);
  writeFileSync(join(d, 'rs.yaml'), stringify(rs));
  return d;
}

/** How the runner and a terminal read it: lines split at LF and CR, each trimmed of leading blanks. */
function expectClean(text: string) {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toContain('##[');
  for (const line of text.split(/\r\n|\r|\n/)) expect(line.trimStart().startsWith('::'), line).toBe(false);
}

beforeAll(async () => {
  cp = await startControlPlane();
  await cp.kubectl.ensureNamespace(NS);
  dir = mkdtempSync(join(tmpdir(), 'rsr-hostile-cluster-'));
  mkdirSync(join(dir, 'empty'));
}, 300_000);

afterAll(async () => {
  await cp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('apply when the cluster says hostile things', () => {
  it('a failing Serve app and a Warning event reach the output escaped, never as commands or escapes', async () => {
    const base = manifests('base', 'rayproject/ray:2.44.1');
    const head = manifests('head', 'rayproject/ray:2.46.0-hostile');
    const created = await cli(['apply', '--base', join(dir, 'empty'), '--head', base, '--timeout', '120s']);
    expect(created.code, created.stdout + created.stderr).toBe(0);

    const fault = cp.sim.faults.deployFailed(
      { namespace: NS, rayService: NAME, match: (c) => JSON.stringify(c.object?.spec ?? {}).includes('2.46.0-hostile') },
      { message: HOSTILE },
    );
    try {
      let warned: Promise<unknown> | undefined;
      const r = await cli(['apply', '--base', base, '--head', head, '--timeout', '150s', '--force-conflicts'], (line) => {
        // Once applied, a Warning event about the RayService (timestamped after the apply began).
        if (warned || !/applied \(generation/.test(line)) return;
        warned = new Promise((res) => setTimeout(res, 1_500)).then(() => {
          const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
          return cp.kubectl.create(
            {
              apiVersion: 'v1',
              kind: 'Event',
              metadata: { name: `${NAME}.hostile`, namespace: NS },
              involvedObject: { apiVersion: 'ray.io/v1', kind: 'RayService', name: NAME, namespace: NS },
              type: 'Warning',
              reason: 'FailedToCreateWorkerPod',
              message: `quota\n::error::PWNED-EVENT ${ESC}[2J\r##[stop-commands]tok`,
              firstTimestamp: now,
              lastTimestamp: now,
              count: 1,
              source: { component: 'hostile-test' },
            },
            NS,
          );
        });
      });
      await warned;
      const out = r.stdout + r.stderr;
      expect(r.code, out).not.toBe(0);
      // The cluster's words did reach the output (escaped), so the checks below can fail.
      expect(out).toContain('PWNED-SERVE');
      expect(out).toContain('PWNED-EVENT');
      expectClean(r.stdout);
      expectClean(r.stderr);
    } finally {
      fault.clear();
    }
  }, 400_000);
});
