/**
 * Hostile strings on every way out: a pull request from a stranger controls manifest values, and
 * the cluster's messages come back in apply mode. Whatever a value holds, the output must not
 * start a GitHub workflow command (`::cmd::` at a line start, `##[cmd]` anywhere), drive a terminal
 * (ESC, CR, C1), reorder text (bidi) or break a markdown table; JSON stays the same JSON. Checked
 * on the neutralizers, on the rendered plan and outcome, and on the CLI run from source.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedAliasRatio, parseYamlDocuments } from '../../src/manifests/yaml-documents.js';
import { plan } from '../../src/planner/plan.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderOutcomes } from '../../src/render/rollout-markdown.js';
import { neutralizeJson, neutralizeLine, neutralizeLog, neutralizeMarkdown, neutralizeTableCell } from '../../src/util/neutralize.js';
import { rayService, set, toYaml } from '../fixtures/rayservice.js';
import { cellCount, renderGfm } from '../helpers/gfm.js';

const ESC = '\u001b';
const HOSTILE: readonly (readonly [string, string])[] = [
  ['a workflow command after a newline', 'img:1\n::error::pwned'],
  ['add-mask and set-output', 'img:1\n  ::add-mask::x\n::set-output name=a::b'],
  ['a lone CR', 'img:1\rFAKE ok'],
  ['CRLF', 'img:1\r\n::warning::x'],
  ['ANSI colour and clear screen', `img:1${ESC}[31mred${ESC}[2J`],
  ['C1 controls (8-bit CSI, NEL)', 'img:1\u009b31m\u0085::error::x'],
  ['U+2028 and U+2029', 'img:1\u2028::error::x\u2029y'],
  ['bidi override', 'img:\u202e1gnp.exe'],
  ['pipes', 'img|1|2'],
  ['backticks', 'img:`1` ```x```'],
  ['HTML', '<img src=x onerror=alert(1)><script>x</script>'],
  ['the legacy command form', 'img ##[add-mask]x ##[error]y'],
];

/** Raw characters that must never reach a terminal, a log or a rendered document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectCleanLog(text: string) {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toContain('##[');
  for (const line of text.split('\n')) expect(line.trimStart().startsWith('::'), line).toBe(false);
}

describe.each(HOSTILE)('%s', (_name, value) => {
  it('neutralizeLog: no command line, no raw control, LF only where the text had a break', () => {
    const out = neutralizeLog(`prefix ${value}`);
    expectCleanLog(out);
  });

  it('neutralizeLine: one clean line', () => {
    const out = neutralizeLine(value);
    expectCleanLog(out);
    expect(out).not.toContain('\n');
  });

  it('neutralizeTableCell: no line break of any kind, no pipe', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
    expect(neutralizeTableCell(value)).not.toMatch(/[\r\n\u000b\u000c\u0085\u2028\u2029|]|\u001b/);
  });

  it('neutralizeMarkdown: no raw control', () => {
    expect(neutralizeMarkdown(`# T\n\n${value}\n`)).not.toMatch(RAW_CONTROL);
  });

  it('neutralizeJson: the same value back, nothing raw', () => {
    const json = JSON.stringify({ image: value, [value]: [value] }, null, 2);
    const out = neutralizeJson(json);
    expect(JSON.parse(out)).toEqual(JSON.parse(json));
    expectCleanLog(out);
  });
});

/** Every table row has as many cells as its header; no raw control; no live HTML (a fenced block's text is not live). */
function expectWellFormedMarkdown(md: string) {
  expect(md).not.toMatch(RAW_CONTROL);
  // What GitHub would render: no live tag (code spans and fences show their text).
  expect(renderGfm(md)).not.toMatch(/<img|<script/);
  let columns = 0;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = cellCount(line);
    if (columns === 0) columns = cells;
    expect(cells, line).toBe(columns);
  }
  expect(md.split('<details').length).toBe(md.split('</details>').length);
}

describe('the rendered plan and outcome', () => {
  const base = HOSTILE.map((_, i) => rayService(undefined, `svc-${i}`));
  const head = HOSTILE.map(([, value], i) =>
    rayService((rs) => {
      rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = value;
      rs.metadata.labels = { team: value };
    }, `svc-${i}`),
  );
  const p = plan(set(base), set(head));

  it('markdown: every row keeps its columns, nothing raw, no HTML', () => {
    expect(p.services.map((s) => s.change)).toEqual(HOSTILE.map(() => 'cluster'));
    const md = renderMarkdown(p, { maxLength: Number.MAX_SAFE_INTEGER });
    expectWellFormedMarkdown(md);
    // Each service's detail table names the image change on one row.
    expect(md.split('\n').filter((l) => l.startsWith('| `head › ray-head › image`'))).toHaveLength(HOSTILE.length);
  });

  it('the outcome table and its timeline: rows intact, the fence never closed early', () => {
    const outcomes = HOSTILE.map(([, value], i) => ({
      service: { namespace: 'default', name: `svc-${i}`, change: 'cluster' as const },
      verdict: {
        result: 'failed' as const,
        summary: `Serve app failed: ${value}`,
        at: 0,
        durationMs: 1000,
        activeCluster: `rc-${value}`,
        timeline: [{ at: 0, elapsedMs: 0, text: `app DEPLOY_FAILED: ${value}`, warning: true }],
      },
    }));
    const md = renderOutcomes(outcomes);
    expectWellFormedMarkdown(neutralizeMarkdown(md));
    expect(md.split('\n').filter((l) => l.startsWith('| `default/svc-'))).toHaveLength(HOSTILE.length);
    expect(md.split('\n').filter((l) => l.startsWith('```')).length).toBe(2 * HOSTILE.length);
  });
});

// ------------------------------------------------------------------------------------------------
// The CLI, run from source as `node --import tsx src/cli/main.ts …`

const repoRoot = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'rsr-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cliFromSource(args: string[]) {
  const started = Date.now();
  const { RAYSERVICE_ROLLOUT_DEBUG: _debug, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...env, KUBECONFIG: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...r, ms: Date.now() - started };
}

function manifestsDir(name: string, text: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'rs.yaml'), text);
  return d;
}

describe('the CLI on hostile manifests', () => {
  const base = manifestsDir('base', toYaml(...HOSTILE.map((_, i) => rayService(undefined, `svc-${i}`))));
  const head = manifestsDir(
    'head',
    toYaml(
      ...HOSTILE.map(([, value], i) =>
        rayService((rs) => {
          rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = value;
        }, `svc-${i}`),
      ),
    ),
  );

  it('plan --format json: valid JSON holding the values, no command line, nothing raw', { timeout: 120_000 }, () => {
    const r = cliFromSource(['plan', '--base', base, '--head', head]);
    expect(r.status, r.stderr).toBe(0);
    expectCleanLog(r.stdout);
    expectCleanLog(r.stderr);
    const images = Object.fromEntries(
      JSON.parse(r.stdout).services.map((s: { name: string; changes: { path: string; to: unknown }[] }) => [
        s.name,
        s.changes.find((c) => c.path.endsWith('containers[0].image'))?.to,
      ]),
    );
    expect(images).toEqual(Object.fromEntries(HOSTILE.map(([, value], i) => [`svc-${i}`, value])));
  });

  it('plan --format markdown: no command line, nothing raw, tables intact', { timeout: 120_000 }, () => {
    const r = cliFromSource(['plan', '--base', base, '--head', head, '--format', 'markdown']);
    expect(r.status, r.stderr).toBe(0);
    expectCleanLog(r.stdout);
    expectCleanLog(r.stderr);
    expectWellFormedMarkdown(r.stdout);
  });

  it.each(HOSTILE.filter(([name]) => /newline|CR|ANSI|C1|2028|legacy/.test(name)))(
    'a refusal quoting the value (%s) is one clean line on stderr',
    { timeout: 120_000 },
    (name, value) => {
      const bad = manifestsDir(
        `bad-${name.replace(/\W+/g, '-')}`,
        toYaml(rayService((rs) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources.requests.memory = `2Gi${value}`))),
      );
      const r = cliFromSource(['plan', '--base', bad, '--head', bad]);
      expect(r.status, r.stdout).toBe(2);
      expect(r.stderr).toMatch(/rs\.yaml:\d+: .*memory/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expectCleanLog(r.stderr);
      expect(r.stdout).toBe('');
    },
  );

  it('a billion-laughs manifest is refused quickly with exit 2, file and line', { timeout: 120_000 }, () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    const bomb = manifestsDir('bomb', `${lines.join('\n')}\n`);
    const r = cliFromSource(['plan', '--base', bomb, '--head', bomb]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/rs\.yaml:\d+: too many YAML aliases: with \*l\d the document expands to [\d,]+ nodes/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(30_000);
  });
});

// ------------------------------------------------------------------------------------------------
// YAML aliases are bounded by what they expand to (go-yaml's rule, as kubectl decodes)

describe('YAML alias expansion', () => {
  const laughs = (levels: number, width: number) => {
    const lines = [`a0: &a0 [${Array(width).fill('"lol"').join(',')}]`];
    for (let i = 1; i < levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(width)
          .fill(`*a${i - 1}`)
          .join(',')}]`,
      );
    return `${lines.join('\n')}\n`;
  };

  it.each([
    [400_000, 0.99],
    [1_000, 0.99],
    [2_200_000, 0.545],
    [4_000_000, 0.1],
    [9_000_000, 0.1],
  ])('allowedAliasRatio(%i) = %d', (decoded, ratio) => {
    expect(allowedAliasRatio(decoded)).toBeCloseTo(ratio, 6);
  });

  it.each([
    ['a billion laughs', laughs(10, 10), 4],
    ['a wide fan-out', laughs(3, 200), 2],
  ])('%s is refused at the alias that tips it, with its line', (_name, text, line) => {
    const started = Date.now();
    expect(() => parseYamlDocuments('bomb.yaml', text)).toThrow(new RegExp(`^bomb\\.yaml:${line}: too many YAML aliases`));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['a value that contains itself', 'a: &a [1, *a]\n', /^f\.yaml:1: YAML alias \*a is inside its own anchor/],
    ['an alias before its anchor', 'a: *b\nb: &b 1\n', /^f\.yaml:1: YAML alias \*b has no anchor &b before it/],
  ])('%s is refused', (_name, text, message) => {
    expect(() => parseYamlDocuments('f.yaml', text)).toThrow(message);
  });

  it('many uses of one small anchor are fine (kubectl reads them too), and fast', () => {
    const text = `cpu: &cpu "500m"\nitems:\n${Array.from({ length: 20_000 }, () => '- *cpu').join('\n')}\n`;
    const started = Date.now();
    const [doc] = parseYamlDocuments('f.yaml', text);
    expect((doc!.value as { items: string[] }).items).toHaveLength(20_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ['redefined anchors', 'a: &x 1\nb: *x\nc: &x [2]\nd: *x\n'],
    ['an anchored key', 'm: {&k key: *k}\n'],
    ['nested anchors', 'base: &b {x: &y [1, 2]}\nuse: [*b, *y]\n'],
    ['a merge key (kubectl merges it)', 'base: &b {x: 1}\nuse: {<<: *b, y: 2}\n'],
  ])('%s: the same value as the yaml package resolves', (_name, text) => {
    const [doc] = parseYamlDocuments('f.yaml', text);
    expect(doc!.value).toEqual(parseAllDocuments(text, { version: '1.1', merge: true })[0]!.toJS());
  });
});
