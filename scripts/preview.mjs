// `npm run preview`: draws the golden files (test/golden/*.md) as GitHub shows them, to PNGs a person
// can look at: cmark-gfm with GitHub's extensions renders the markdown, github-markdown-css styles it
// at a pull request comment's width (~870 px), headless Chromium (driven by playwright-core) shots it.
// Needs the Debian packages cmark-gfm and chromium (`apt-get install cmark-gfm chromium`).
// Mermaid blocks stay code blocks: drawing them needs Mermaid's script, which is not fetched here.
// Usage: npm run preview [-- name-substring …]   → preview/<name>.png and preview/<name>.html
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const GOLDEN = join(ROOT, 'test/golden');
const OUT = join(ROOT, 'preview');
const WIDTH = 870;

function need(binary, pkg) {
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(join(dir, binary))) return join(dir, binary);
  console.error(`${binary} not found: install the Debian package ${pkg} (apt-get install ${pkg})`);
  process.exit(2);
}

const cmark = need('cmark-gfm', 'cmark-gfm');
const browser = process.env.CHROMIUM ?? need('chromium', 'chromium');
const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8');

/** GitHub's renderer: cmark-gfm with the table, strikethrough, autolink, tagfilter and tasklist extensions; raw HTML kept (GitHub sanitizes it). */
function render(md) {
  const args = ['--unsafe', '--github-pre-lang', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter', '-e', 'tasklist'];
  return execFileSync(cmark, args, { input: md, encoding: 'utf8' });
}

function page(title, body) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${css}
body { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px; }
details { margin-bottom: 8px; }</style></head><body><article class="markdown-body">${body}</article>
<script>for (const d of document.querySelectorAll('details')) d.open = true;</script></body></html>`;
}

const filters = process.argv.slice(2);
const files = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.md'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort();
mkdirSync(OUT, { recursive: true });
const b = await chromium.launch({ executablePath: browser, args: ['--no-sandbox'] });
try {
  const tab = await b.newPage({ viewport: { width: WIDTH, height: 600 } });
  for (const f of files) {
    const name = f.replace(/\.md$/, '');
    const html = page(name, render(readFileSync(join(GOLDEN, f), 'utf8')));
    writeFileSync(join(OUT, `${name}.html`), html);
    await tab.setContent(html, { waitUntil: 'load' });
    const wide = await tab.evaluate(() => [...document.querySelectorAll('table')].filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    await tab.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    console.log(`${name}.png${wide ? `  (${wide} table${wide > 1 ? 's' : ''} wider than ${WIDTH} px: scrolls sideways)` : ''}`);
  }
} finally {
  await b.close();
}
