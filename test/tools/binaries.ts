// Locates (and on first use builds, through testbin/build.sh) the renderers and the health-rule
// interpreters of the tools suites: kustomize, helm and health-rules (gopher-lua + cel-go).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const repoRoot = join(import.meta.dirname, '../..');

export interface Tools {
  readonly kustomize: string;
  readonly helm: string;
  readonly healthRules: string;
}

export function resolveTools(onProgress: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Tools {
  const r = spawnSync(join(repoRoot, 'testbin', 'build.sh'), ['kustomize', 'helm', 'health-rules'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  for (const l of (r.stderr ?? '').split('\n')) if (l.startsWith('[testbin')) onProgress(l);
  if (r.status !== 0) throw new Error(`testbin/build.sh kustomize helm health-rules failed (exit ${r.status}):\n${(r.stderr ?? '').slice(-4000)}`);
  const found = new Map(
    (r.stdout ?? '')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );
  const get = (name: string) => {
    const p = found.get(name);
    if (!p) throw new Error(`testbin/build.sh printed no path for ${name}:\n${r.stdout}`);
    return p;
  };
  return { kustomize: get('kustomize'), helm: get('helm'), healthRules: get('health-rules') };
}

/** A PATH on which `kustomize` and `helm` are the built ones. */
export function toolsPath(tools: Tools): string {
  return [dirname(tools.kustomize), dirname(tools.helm), process.env.PATH ?? ''].join(':');
}
