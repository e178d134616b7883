// Locates (and on first use builds) the control plane's binaries through testbin/build.sh.
//
// build.sh prints `NAME=PATH` lines on stdout and its progress on stderr. It caches by version outside
// the work tree, so after the first build this is a no-op that takes well under a second.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type KubeRayVersion = 'v1.6.2' | 'v1.5.1';

/** The versions this harness knows how to run, newest first (testbin/versions.env has the source of truth). */
export const KUBERAY_VERSIONS: readonly KubeRayVersion[] = ['v1.6.2', 'v1.5.1'];
export const DEFAULT_KUBERAY_VERSION: KubeRayVersion = 'v1.6.2';

export interface Binaries {
  etcd: string;
  kubeApiServer: string;
  kuberayOperator: string;
  /** Directory holding ray.io_rayservices.yaml, ray.io_rayclusters.yaml, … of the same operator release. */
  kuberayCrdDir: string;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Exit code of build.sh when Go is missing (see testbin/build.sh). */
const EXIT_NO_GO = 3;

export class MissingGoError extends Error {
  constructor(detail: string) {
    super(
      'The local control plane needs Go >= 1.26 on PATH (and the Go module proxy) to build etcd, ' +
        'kube-apiserver and the KubeRay operator on first use. Install Go or set ' +
        'RAYSERVICE_ROLLOUT_TESTBIN to a directory with prebuilt binaries.\n' +
        detail,
    );
    this.name = 'MissingGoError';
  }
}

/**
 * Runs testbin/build.sh for the binaries one control plane needs and returns their paths.
 * A cold cache builds them (kube-apiserver takes 15-25 min on 2 cores); progress goes to `onProgress`
 * (default: this process's stderr) so a long first run is not silent.
 */
export async function resolveBinaries(
  kuberayVersion: KubeRayVersion = DEFAULT_KUBERAY_VERSION,
  onProgress: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<Binaries> {
  const script = join(repoRoot, 'testbin', 'build.sh');
  const { code, stdout, stderr } = await run(script, ['etcd', 'kube-apiserver', `kuberay-${kuberayVersion}`], onProgress);
  if (code === EXIT_NO_GO || /Go is not installed/.test(stderr)) throw new MissingGoError(stderr.trim());
  if (code !== 0) throw new Error(`testbin/build.sh failed with exit code ${code}:\n${tail(stderr, 40)}`);

  const found = parseBuildOutput(stdout);
  const operator = found.operators.get(kuberayVersion);
  const crdDir = found.crdDirs.get(kuberayVersion);
  const etcd = found.plain.get('etcd');
  const apiserver = found.plain.get('kube-apiserver');
  if (!etcd || !apiserver || !operator || !crdDir) {
    throw new Error(`testbin/build.sh did not print every path it should have; its output was:\n${stdout}`);
  }
  for (const p of [etcd, apiserver, operator, join(crdDir, 'ray.io_rayservices.yaml')]) {
    if (!existsSync(p)) throw new Error(`testbin/build.sh printed ${p}, which does not exist`);
  }
  return { etcd, kubeApiServer: apiserver, kuberayOperator: operator, kuberayCrdDir: crdDir };
}

interface BuildOutput {
  plain: Map<string, string>;
  operators: Map<string, string>;
  crdDirs: Map<string, string>;
}

/**
 * Parses build.sh's stdout. Every operator version is printed under the same name (`kuberay-operator=…`),
 * followed by its `kuberay-crds-vX=…` line, so an operator path is attributed to the version of the CRD
 * line that follows it (and, as a cross-check, to the version in its cache directory name).
 */
export function parseBuildOutput(stdout: string): BuildOutput {
  const out: BuildOutput = { plain: new Map(), operators: new Map(), crdDirs: new Map() };
  let lastOperator: string | undefined;
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq);
    const path = line.slice(eq + 1);
    if (name === 'kuberay-operator') {
      lastOperator = path;
      const m = /kuberay-operator-(v\d+\.\d+\.\d+)/.exec(path);
      if (m?.[1]) out.operators.set(m[1], path);
    } else if (name.startsWith('kuberay-crds-')) {
      const version = name.slice('kuberay-crds-'.length);
      out.crdDirs.set(version, path);
      if (lastOperator && !out.operators.has(version)) out.operators.set(version, lastOperator);
      lastOperator = undefined;
    } else {
      out.plain.set(name, path);
    }
  }
  return out;
}

function run(cmd: string, args: string[], onProgress: (line: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      // Only build.sh's own progress lines: `go build` chatter would drown the test output.
      for (const l of lines) if (l.startsWith('[testbin')) onProgress(l);
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}
