import { describe, expect, it } from 'vitest';
import { plan } from '../../src/planner/plan.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { rayService, set, type Obj } from '../fixtures/rayservice.js';
import { REDACTED } from '../../src/planner/redact.js';
import { cellCount, renderGfm, visibleText } from '../helpers/gfm.js';

function services(n: number, mutate: (rs: Obj, i: number) => void = () => {}) {
  const base: Obj[] = [];
  const head: Obj[] = [];
  for (let i = 0; i < n; i++) {
    const b = rayService(undefined, `svc-${i}`);
    const h = structuredClone(b);
    h.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = `img:${i}`;
    mutate(h, i);
    base.push(b);
    head.push(h);
  }
  return plan(set(base), set(head));
}

/** Very small check of well-formedness: balanced <details>, tables with consistent columns. */
function wellFormed(md: string) {
  expect(md.split('<details>').length).toBe(md.split('</details>').length);
  for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
    expect([5, 6]).toContain(cellCount(line)); // 3 or 4 columns
  }
}

// Planning hundreds of services is a size test, not a speed test (speed is in `npm run bench`):
// give it room on a busy 2-core CI machine.
const LARGE_INPUT_MS = 60_000;

describe('markdown plan', () => {
  it.each([1, 10, 100, 300])(
    '%i services: under the limit, every service named',
    (n) => {
      const md = renderMarkdown(services(n));
      expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      for (let i = 0; i < n; i++) expect(md).toContain(`\`default/svc-${i}\``);
      wellFormed(md);
    },
    LARGE_INPUT_MS,
  );

  it(
    'huge Serve configs degrade by whole services, then to a short form',
    () => {
      const big = `applications:\n${Array.from({ length: 400 }, (_, i) => `  - name: app${i}\n    import_path: m${i}:app\n    route_prefix: /a${i}\n`).join('')}`;
      const p = services(40, (rs) => (rs.spec.serveConfigV2 = big));
      const md = renderMarkdown(p);
      expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      for (let i = 0; i < 40; i++) expect(md).toContain(`svc-${i}`);
    },
    LARGE_INPUT_MS,
  );

  it('hostile strings cannot inject markdown, HTML, links or mentions', () => {
    const p = services(1, (rs) => {
      rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = '<img src=x onerror=alert(1)> @octocat | **bold** `tick` [link](http://evil)';
    });
    const md = renderMarkdown(p);
    const html = renderGfm(md);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="http://evil');
    expect(html).not.toContain('<strong>bold');
    wellFormed(md);
  });

  it('values show their literal characters: no entity, no backslash, no broken autolink', () => {
    const p = services(1, (rs) => {
      rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'i@s:a|#x https://r.ex/a';
    });
    const text = visibleText(renderGfm(renderMarkdown(p)));
    expect(text).toContain('i@s:a|#x https://r.ex/a');
    expect(renderGfm(renderMarkdown(p))).not.toContain('href="https://r.ex');
  });

  it('a change touching one of many RayServices lists that one and counts the rest', () => {
    const p = services(30, (rs, i) => {
      if (i !== 7) rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.44.1';
    });
    const md = renderMarkdown(p);
    expect(md.split('<details>').length - 1).toBe(1);
    expect(md).toContain('29 other RayServices unchanged');
    expect(md).not.toContain('svc-8`');
  });

  it('secret-looking values are redacted', () => {
    const p = services(1, (rs) => {
      const c = rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0];
      c.env = [
        { name: 'HF_TOKEN', value: 'hf_supersecret' },
        { name: 'DB', valueFrom: { secretKeyRef: { name: 'db', key: 'url' } } },
      ];
      c.args = ['--url=https://user:hunter2@db.example.com/x'];
      rs.spec.serveConfigV2 = rs.spec.serveConfigV2.replace(
        'import_path: demo.app:app',
        'import_path: demo.app:app\n    runtime_env:\n      env_vars: {OPENAI_API_KEY: sk-live-123}',
      );
    });
    const json = JSON.stringify(p);
    const md = renderMarkdown(p);
    for (const out of [json, md]) {
      expect(out).not.toContain('hf_supersecret');
      expect(out).not.toContain('hunter2');
      expect(out).not.toContain('sk-live-123');
    }
    expect(json).toContain(REDACTED);
  });

  it('an empty plan says so', () => {
    expect(renderMarkdown(plan(new Map(), new Map()))).toMatch(/No RayService found/);
  });
});
