/** The targets file (schema, lines, defaults) and the order of a fleet's rollout (waves). */
import { describe, expect, it } from 'vitest';
import { parseTargetsConfig, type FallbackSettings } from '../../src/targets/config.js';
import { runInWaves, stopReason, wavesOf } from '../../src/targets/waves.js';

const FALLBACK: FallbackSettings = {
  manifests: ['**/*.yaml'],
  kubeconfig: undefined,
  context: undefined,
  kuberayVersion: '1.7',
  zeroDowntime: true,
  incrementalGate: undefined,
  namespace: 'default',
  failOn: ['rejected'],
  live: false,
  prune: false,
  onFailure: 'none',
  timeoutMs: 1_800_000,
  fieldManager: 'rayservice-rollout',
  forceConflicts: false,
};

const FILE = '.github/rayservice-rollout.yaml';
const parse = (text: string) => parseTargetsConfig(text, FILE, FALLBACK);

const FLEET = `version: 1
defaults:
  kuberay-version: "1.6"
  fail-on: [rejected, ignored]
targets:
  - name: staging
    wave: 0
    manifests: clusters/staging/**/*.yaml
    context: staging
  - name: prod-us
    wave: 1
    manifests: [clusters/prod-us/**/*.yaml, "!clusters/prod-us/old/**"]
    kubeconfig: /tmp/kubeconfig-us
    kuberay-version: "1.5.1"
    on-failure: rollback
    timeout: 45m
  - name: prod-eu
    wave: 1
    render: kustomize:clusters/prod-eu
    namespace: ml-serving
    incremental-gate: on
    live: true
`;

describe('the targets file', () => {
  it('resolves each target: its own setting, else defaults, else the inputs', () => {
    const [staging, us, eu] = parse(FLEET);
    expect(staging).toMatchObject({ name: 'staging', wave: 0, manifests: ['clusters/staging/**/*.yaml'], context: 'staging', kuberayVersion: '1.6' });
    expect(staging!.failOn).toEqual(['rejected', 'ignored']);
    expect(staging!.timeoutMs).toBe(1_800_000);
    expect(us).toMatchObject({ wave: 1, kubeconfig: '/tmp/kubeconfig-us', kuberayVersion: '1.5.1', onFailure: 'rollback', timeoutMs: 2_700_000 });
    expect(us!.manifests).toHaveLength(2);
    expect(eu).toMatchObject({ render: 'kustomize:clusters/prod-eu', manifests: [], namespace: 'ml-serving', incrementalGate: true, live: true });
  });

  it.each([
    ['a secret in the file', 'targets:\n  - name: a\n    manifests: x.yaml\n    token: ghp_abc\n', 4, 'targets[0]: "token" is not a setting'],
    ['an unquoted version', 'targets:\n  - name: a\n    manifests: x.yaml\n    kuberay-version: 1.6\n', 4, 'must be string (quote it'],
    ['an unknown release', 'targets:\n  - name: a\n    manifests: x.yaml\n    kuberay-version: "0.9"\n', 2, 'KubeRay 0.9 is not supported'],
    ['a bad name', 'targets:\n  - name: Prod US\n    manifests: x.yaml\n', 2, 'targets[0].name: must match pattern'],
    ['two targets, one name', 'targets:\n  - name: a\n    manifests: x.yaml\n  - name: a\n    manifests: y.yaml\n', 4, 'names two targets'],
    ['neither manifests nor render', 'targets:\n  - name: a\n    wave: 1\n', 2, 'sets neither manifests nor render'],
    ['both', 'targets:\n  - name: a\n    manifests: x.yaml\n    render: kustomize:x\n', 2, 'sets both'],
    ['a bad fail-on', 'targets:\n  - name: a\n    manifests: x.yaml\n    fail-on: [clusterr]\n', 2, '"clusterr" is not one of'],
    [
      'a bad on-failure',
      'targets:\n  - name: a\n    manifests: x.yaml\n    on-failure: retry\n',
      4,
      'must be equal to one of the allowed values ("rollback", "none")',
    ],
    ['a fractional wave', 'targets:\n  - name: a\n    manifests: x.yaml\n    wave: 1.5\n', 4, 'must be integer'],
    ['no targets', 'defaults:\n  live: true\n', 1, "must have required property 'targets'"],
    ['broken YAML', 'targets:\n  - name: a\n   manifests: [x\n', 3, 'invalid YAML'],
    ['a duplicate key', 'targets:\n  - name: a\n    name: b\n    manifests: x\n', 3, 'invalid YAML'],
  ])('refuses %s with file and line', (_, text, line, message) => {
    let error: Error | undefined;
    try {
      parse(text);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(line ? `${FILE}:${line}: ` : `${FILE}: `);
    expect(error?.message).toContain(message);
  });
});

describe('waves', () => {
  const t = (name: string, wave: number) => ({ name, wave });

  it('groups by wave, lowest first, file order within a wave', () => {
    expect(wavesOf([t('eu', 2), t('staging', 0), t('us', 2), t('canary', 1)]).map((w) => w.map((x) => x.name))).toEqual([
      ['staging'],
      ['canary'],
      ['eu', 'us'],
    ]);
  });

  it('names what stopped the next wave', () => {
    expect(stopReason([t('a', 1), t('b', 1)], [{ ok: true }, { ok: false, why: 'timed out' }])).toBe('wave 1 did not succeed (b timed out)');
    expect(stopReason([t('a', 1)], [{ ok: true }])).toBeUndefined();
  });

  it.each([
    ['every wave succeeds', [], ['staging:ok', 'us:ok', 'eu:ok'], [['staging'], ['us', 'eu']]],
    [
      'a failed wave stops the later ones',
      ['staging'],
      ['staging:failed', 'us:not started (wave 0 did not succeed (staging failed))', 'eu:not started (wave 0 did not succeed (staging failed))'],
      [['staging']],
    ],
    ['a failure in the last wave stops nothing more', ['eu'], ['staging:ok', 'us:ok', 'eu:failed'], [['staging'], ['us', 'eu']]],
  ])('%s', async (_, failing, expected, started) => {
    const runs: string[][] = [];
    const running = new Set<string>();
    let overlap = 0;
    const results = await runInWaves([t('staging', 0), t('us', 1), t('eu', 1)], {
      onWave: (_w, ts) => runs.push(ts.map((x) => x.name)),
      run: async (x) => {
        running.add(x.name);
        overlap = Math.max(overlap, running.size);
        await new Promise((r) => setTimeout(r, 5));
        running.delete(x.name);
        return `${x.name}:${failing.includes(x.name) ? 'failed' : 'ok'}`;
      },
      judge: (r) => ({ ok: r.endsWith(':ok'), why: 'failed' }),
      notStarted: (x, reason) => `${x.name}:not started (${reason})`,
    });
    expect(results).toEqual(expected);
    expect(runs).toEqual(started);
    // Within a wave, in parallel.
    if (started.length > 1) expect(overlap).toBe(2);
  });
});

describe('examples/fleet/rayservice-rollout.yaml', () => {
  it('is a valid targets file', async () => {
    const { readFileSync } = await import('node:fs');
    const targets = parseTargetsConfig(readFileSync('examples/fleet/rayservice-rollout.yaml', 'utf8'), 'examples/fleet/rayservice-rollout.yaml', FALLBACK);
    expect(targets.map((t) => [t.name, t.wave, t.kuberayVersion, t.onFailure])).toEqual([
      ['staging', 0, '1.6', 'rollback'],
      ['prod-us', 1, '1.5.1', 'rollback'],
      ['prod-eu', 1, '1.6', 'rollback'],
    ]);
  });
});
