/** The job summary is kept under GitHub's 1 MiB counted in UTF-8 bytes, whatever the script of the text. */
import { describe, expect, it } from 'vitest';
import { fitBytes } from '../../src/action/output.js';

const LIMIT = 1_000_000;
/** A renderer that degrades like the plan's: it drops whole 1,000-character blocks to meet a budget of characters. */
const renderer = (unit: string, blocks: number) => (maxChars: number) => {
  const block = `${unit.repeat(Math.ceil(999 / unit.length)).slice(0, 999)}\n`;
  const n = Math.min(blocks, Math.floor(maxChars / block.length));
  return `### plan\n${block.repeat(n)}`;
};

describe('fitBytes', () => {
  it.each<[string, string, number]>([
    ['ASCII under the limit, untouched', 'a', 500],
    ['ASCII over the limit', 'a', 1_500],
    ['CJK (3 bytes a character) of 1.5 MB', '推理服务', 500],
    ['emoji (4 bytes, 2 UTF-16 units)', '🟢', 1_500],
    ['mixed', 'a推🟢', 2_000],
  ])('%s', (_name, unit, blocks) => {
    const render = renderer(unit, blocks);
    const text = fitBytes(render, LIMIT);
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(bytes).toBeLessThanOrEqual(LIMIT);
    const full = Buffer.byteLength(render(Number.MAX_SAFE_INTEGER), 'utf8');
    if (full <= LIMIT) expect(text).toBe(render(Number.MAX_SAFE_INTEGER));
    // Degrading, not emptying: most of the budget is used.
    else expect(bytes).toBeGreaterThan(LIMIT * 0.9);
  });

  it('cuts a renderer that cannot degrade at a line, with a note', () => {
    const text = fitBytes(() => '推理服务配置\n'.repeat(200_000), LIMIT);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(LIMIT);
    expect(text).toMatch(/推理服务配置\n\n_The rest is cut to stay within GitHub's job summary size \(1 MiB\)\._\n$/);
  });
});
