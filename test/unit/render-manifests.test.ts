/** `--render`: what a SPEC runs, what the renderer's environment keeps, how long it may run, and how rendered lines are traced to sources. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/manifests/input-error.js';
import { relocateError, relocatePlan } from '../../src/render-manifests/relocate.js';
import type { RenderedSide } from '../../src/render-manifests/rendered.js';
import { renderEnv, runRenderer } from '../../src/render-manifests/run.js';
import { locatedDocuments, traceLines, type SourceLine } from '../../src/render-manifests/origins.js';
import { parseRenderSpec, RenderSpecError } from '../../src/render-manifests/spec.js';
import { checkRenderTrust } from '../../src/action/render-trees.js';
import type { Plan } from '../../src/planner/types.js';

describe('parseRenderSpec', () => {
  it.each([
    ['kustomize:deploy/prod', 'kustomize', ['kustomize', 'build', 'deploy/prod'], 'deploy/prod'],
    ['kustomize:deploy/prod', 'kubectl', ['kubectl', 'kustomize', 'deploy/prod'], 'deploy/prod'],
    ['helm:charts/rs', 'kustomize', ['helm', 'template', 'charts/rs'], '.'],
    [
      'helm:charts/rs:charts/rs/a.yaml:charts/rs/b.yaml',
      'kustomize',
      ['helm', 'template', 'charts/rs', '--values', 'charts/rs/a.yaml', '--values', 'charts/rs/b.yaml'],
      '.',
    ],
    ['  make render  ', 'kustomize', ['sh', '-c', 'make render'], '.'],
  ] as const)('%s (%s on the PATH)', (spec, kustomize, argv, originRoot) => {
    expect(parseRenderSpec(spec, { kustomize })).toMatchObject({ argv, originRoot });
  });

  it.each(['', 'kustomize:', 'kustomize:../other', 'kustomize:/etc', 'helm:-set=x', 'helm:chart:../../values.yaml'])('refuses %j', (spec) => {
    expect(() => parseRenderSpec(spec, { kustomize: 'kustomize' })).toThrow(RenderSpecError);
  });
});

describe('the renderer', () => {
  it('gets no action inputs, runner tokens or secret-named variables', () => {
    const env = renderEnv({
      PATH: '/bin',
      HOME: '/h',
      'INPUT_GITHUB-TOKEN': 't',
      ACTIONS_RUNTIME_TOKEN: 't',
      GITHUB_TOKEN: 't',
      AWS_SECRET_ACCESS_KEY: 's',
      HELM_CACHE_HOME: '/c',
    });
    expect(Object.keys(env).sort()).toEqual(['HELM_CACHE_HOME', 'HOME', 'PATH']);
  });

  const cmd = (script: string) => parseRenderSpec(script, { kustomize: 'kubectl' });
  it('returns what it prints', async () => {
    await expect(runRenderer(cmd('echo "kind: X"'), '.', 'head')).resolves.toBe('kind: X\n');
  });
  it.each([
    [
      'exit 3 with the end of stderr, redacted',
      'echo "token ghp_abcdefghijklmnopqrstuvwxyz0123456789" >&2; echo "Error: no chart" >&2; exit 3',
      { timeoutMs: 5000, maxOutputBytes: 1000 },
      /in the head tree failed \(exit status 3\): .*\[redacted\].*Error: no chart/,
    ],
    ['runs too long', 'sleep 5', { timeoutMs: 300, maxOutputBytes: 1000 }, /did not finish within 0.3 s/],
    ['prints too much', 'yes', { timeoutMs: 5000, maxOutputBytes: 1024 * 1024 }, /printed more than 1 MiB/],
  ])('is a refusal when it %s', async (_what, script, limits, message) => {
    const started = Date.now();
    await expect(runRenderer(cmd(script), '.', 'head', limits)).rejects.toThrow(message);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('traceLines', () => {
  const rendered = locatedDocuments(
    'out',
    'kind: RayService\nmetadata:\n  name: a\n  namespace: prod\nspec:\n  rayClusterConfig:\n    rayVersion: "2.47.0"\n    workerGroupSpecs:\n    - groupName: cpu\n      replicas: 3\n  serveConfigV2: |\n    applications:\n      - name: x\n',
  )[0]!;
  const origin = locatedDocuments(
    'base/rs.yaml',
    '# base\nkind: RayService\nmetadata:\n  name: a\nspec:\n  serveConfigV2: |\n    applications:\n      - name: x\n  rayClusterConfig:\n    rayVersion: "2.47.0"\n    workerGroupSpecs:\n      - groupName: cpu\n        replicas: 1\n',
  )[0]!;
  const patch = locatedDocuments(
    'prod/patch.yaml',
    'kind: RayService\nmetadata:\n  name: a\nspec:\n  rayClusterConfig:\n    workerGroupSpecs:\n      - groupName: cpu\n        replicas: 3\n',
  )[0]!;
  const lines = new Map<number, SourceLine>();
  traceLines(rendered, [origin, patch], lines);
  it.each([
    [7, { file: 'base/rs.yaml', line: 10 }, 'a value the base sets'],
    [10, { file: 'prod/patch.yaml', line: 8 }, 'a value the patch sets'],
    [12, { file: 'base/rs.yaml', line: 7 }, 'a line inside the Serve config block'],
    [13, { file: 'base/rs.yaml', line: 8 }, 'the next one'],
    [4, undefined, 'a value no source holds (a transformer set it)'],
  ] as [number, SourceLine | undefined, string][])('rendered line %i → %j (%s)', (line, expected) => {
    expect(lines.get(line)).toEqual(expected);
  });
});

describe('relocatePlan', () => {
  const side = (lines: [number, SourceLine][], origins: [string, string][]): RenderedSide => ({
    manifests: new Map(),
    renderedName: 'k (rendered)',
    lines: new Map(lines),
    origins: new Map(origins),
  });
  const plan = (changes: { path: string; from: unknown; to: unknown; line: number | null }[]): Plan =>
    ({
      kuberayVersion: '1.7',
      services: [
        {
          namespace: 'ns',
          name: 'a',
          file: 'k (rendered)',
          change: 'cluster',
          reasons: [],
          changes: changes.map((c) => ({ ...c, effect: 'cluster' })),
          capacity: {},
        },
      ],
    }) as unknown as Plan;
  const head = side(
    [
      [7, { file: 'base/rs.yaml', line: 10 }],
      [10, { file: 'prod/patch.yaml', line: 8 }],
    ],
    [['ns/a', 'base/rs.yaml']],
  );
  const base = side([[9, { file: 'base/rs.yaml', line: 12 }]], [['ns/a', 'base/rs.yaml']]);
  it('points the service, its changes and removals (base lines) back to the sources', () => {
    const out = relocatePlan(
      plan([
        { path: 'v', from: 1, to: 2, line: 7 },
        { path: 'r', from: 1, to: 3, line: 10 },
        { path: 'gone', from: 1, to: null, line: 9 },
        { path: 'ns', from: 'a', to: 'b', line: 4 },
        { path: 'serve', from: 1, to: 2, line: null },
      ]),
      base,
      head,
    );
    const s = out.services[0]!;
    expect(s.file).toBe('base/rs.yaml');
    expect(s.changes.map((c) => [c.path, c.file, c.line])).toEqual([
      ['v', undefined, 10],
      ['r', 'prod/patch.yaml', 8],
      ['gone', undefined, 12],
      ['ns', 'k (rendered)', 4],
      ['serve', undefined, null],
    ]);
  });
  it('a refusal naming a rendered line names the source line', () => {
    const e = relocateError(new InputError('k (rendered)', 10, 'spec.x', 'bad'), [head]) as InputError;
    expect([e.file, e.line, e.message]).toEqual(['prod/patch.yaml', 8, 'prod/patch.yaml:8: spec.x: bad']);
  });
});

describe('render on privileged events', () => {
  it.each([
    ['pull_request', false, true],
    ['push', false, true],
    ['merge_group', false, true],
    ['pull_request_target', false, false],
    ['workflow_run', false, false],
    ['pull_request_target', true, true],
  ])('%s, render-untrusted %s → allowed %s', (eventName, renderUntrusted, allowed) => {
    const check = () => checkRenderTrust(eventName, { render: 'kustomize:deploy', renderUntrusted });
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(/refused on .*render-untrusted: true/);
  });
  it('without render nothing is checked', () => {
    expect(() => checkRenderTrust('pull_request_target', { render: '', renderUntrusted: false })).not.toThrow();
  });
});
