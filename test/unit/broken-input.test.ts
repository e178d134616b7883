/**
 * Bad input: every case gets a quick non-zero exit and one line naming the file, the line and
 * the field; never a stack trace, never a hang. Runs the committed bundle as users do.
 */
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rayService, toYaml, SERVE_CONFIG } from '../fixtures/rayservice.js';
import { runCliSync as cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rsr-broken-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function planHead(name: string, text: string) {
  const base = join(dir, `${name}-base`);
  const head = join(dir, `${name}-head`);
  mkdirSync(base, { recursive: true });
  mkdirSync(head, { recursive: true });
  writeFileSync(join(head, 'rs.yaml'), text);
  return cli(['plan', '--base', base, '--head', head]);
}

const good = toYaml(rayService());

const cases: { name: string; text: string; message: RegExp }[] = [
  { name: 'malformed YAML', text: 'apiVersion: ray.io/v1\nkind: RayService\nmetadata:\n  name: [oops\n', message: /rs\.yaml:\d+: invalid YAML/ },
  { name: 'a RayService without a name', text: good.replace(/ {2}name: demo\n/, ''), message: /rs\.yaml:\d+: metadata\.name: RayService has no name/ },
  { name: 'a RayService with generateName', text: good.replace(/ {2}name: demo\n/, '  generateName: demo-\n'), message: /generateName cannot be tracked/ },
  {
    name: 'an invalid quantity',
    text: good.replace('memory: 2Gi', 'memory: 2 GB'),
    message:
      /rs\.yaml:(\d+): spec\.rayClusterConfig\.headGroupSpec\.template\.spec\.containers\[0\]\.resources\.(requests|limits)\.memory: "2 GB" is not a valid quantity/,
  },
  {
    name: 'an invalid serveConfigV2 (YAML)',
    text: good.replace('route_prefix: /app1', 'route_prefix: [/app1'),
    message: /rs\.yaml:\d+: spec\.serveConfigV2: not valid Serve config YAML/,
  },
  {
    name: 'an invalid serveConfigV2 (not a mapping)',
    text: good.replace(/serveConfigV2: \|[\s\S]*?(?= {2}rayClusterConfig)/, 'serveConfigV2: "just text"\n'),
    message: /spec\.serveConfigV2: must be a mapping/,
  },
  {
    name: 'duplicate Serve application names',
    text: toYaml(rayService((rs) => (rs.spec.serveConfigV2 = `${SERVE_CONFIG}  - name: app1\n    import_path: x:y\n`))),
    message: /rs\.yaml:\d+: spec\.serveConfigV2\.applications\[1\]\.name: application name "app1" is used twice/,
  },
  {
    name: 'two documents with the same namespace/name',
    text: `${good}---\n${good}`,
    message: /rs\.yaml:\d+: metadata\.name: RayService default\/demo is defined twice \(also .*rs\.yaml:\d+\)/,
  },
  {
    name: 'apiVersion ray.io/v2',
    text: good.replace('ray.io/v1', 'ray.io/v2'),
    message:
      /rs\.yaml:1: apiVersion: RayService with apiVersion "ray\.io\/v2" is not supported \(KubeRay 1\.x serves ray\.io\/v1 \(and the deprecated ray\.io\/v1alpha1\)/,
  },
  { name: 'a YAML alias bomb', text: aliasBomb(), message: /too many YAML aliases/ },
  {
    name: 'duplicate keys',
    text: good.replace('kind: RayService', 'kind: RayService\nkind: RayService'),
    message: /rs\.yaml:\d+: invalid YAML: Map keys must be unique/,
  },
  { name: 'no head group', text: good.replace('headGroupSpec:', 'headGroupSpecs:'), message: /spec\.rayClusterConfig\.headGroupSpec: is required/ },
  {
    name: 'duplicate worker group names',
    text: toYaml(rayService((rs) => rs.spec.rayClusterConfig.workerGroupSpecs.push({ ...rs.spec.rayClusterConfig.workerGroupSpecs[0] }))),
    message: /"workers" is used twice/,
  },
];

function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 9; i++)
    lines.push(
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

describe('bad input is refused with file, line and field', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const r = planHead(c.name.replace(/\W+/g, '-'), c.text);
    expect(r.status, r.stdout).toBe(2);
    expect(r.stderr).toMatch(c.message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(15_000);
  });

  it('a huge file is refused quickly', () => {
    const r = planHead('huge', `# ${'x'.repeat(9 * 1024 * 1024)}\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rs\.yaml: file is larger than 8 MiB/);
  });

  it('non-RayService documents are skipped, not an error', () => {
    const r = planHead('mixed', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n${good}---\n- just\n- a list\n---\n`);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).services).toHaveLength(1);
  });

  it('RayServices inside a kind: List are found', () => {
    const r = planHead('list', toYaml({ apiVersion: 'v1', kind: 'List', items: [rayService()] }));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).services[0].change).toBe('create');
  });

  it.each([
    [['plan', '--head', 'examples/head'], /plan needs --base and --head/],
    [['plan', '--base', 'nope', '--head', 'examples/head'], /nope: no such file or folder/],
    [['plan', '--base', 'examples/base', '--head', 'examples/head', '--format', 'xml'], /--format must be json or markdown/],
    [
      ['plan', '--base', 'examples/base', '--head', 'examples/head', '--kuberay-version', '1.2'],
      /KubeRay 1\.2 is not supported \(supported: 1\.3, 1\.4, 1\.5, 1\.6, 1\.7\)/,
    ],
    [['plan', '--base', 'examples/base', '--head', 'examples/head', '--zero-downtime', 'maybe'], /--zero-downtime must be true or false/],
    [['plan', '--bogus'], /Unknown option '--bogus'/],
    [['deploy'], /unknown command "deploy"/],
  ])('usage error %j', (args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--help documents every flag', () => {
    const r = cli(['plan', '--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--base', '--head', '--format', '--kuberay-version', '--zero-downtime', '--incremental-gate', '--namespace'])
      expect(r.stdout).toContain(flag);
  });
});
