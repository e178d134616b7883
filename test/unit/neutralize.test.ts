/** The neutralizers, destination by destination: what each lets through and what it escapes. */
import { describe, expect, it } from 'vitest';
import { neutralizeJson, neutralizeLine, neutralizeLog, neutralizeMarkdown, neutralizeTableCell } from '../../src/util/neutralize.js';

const ESC = '\u001b';

describe('neutralizeLog (terminal, CI log)', () => {
  it.each([
    ['plain text', 'ray-head ready', 'ray-head ready'],
    ['LF and TAB stay', 'a\tb\nc', 'a\tb\nc'],
    ['CRLF becomes LF', 'a\r\nb', 'a\nb'],
    ['a lone CR', 'ok\rFAKED', 'ok\\rFAKED'],
    ['ESC (ANSI colour)', `${ESC}[31mred${ESC}[0m`, '\\x1b[31mred\\x1b[0m'],
    ['OSC 8 hyperlink', `${ESC}]8;;http://x${ESC}\\`, '\\x1b]8;;http://x\\x1b\\'],
    ['NUL, BEL, BS, VT, FF', '\u0000\u0007\u0008\u000b\u000c', '\\x00\\x07\\x08\\x0b\\x0c'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['C1: NEL and 8-bit CSI', 'a\u0085b\u009b31m', 'a\\x85b\\x9b31m'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['bidi override and isolate', 'abc\u202edcba\u2066x\u2069', 'abc\\u202edcba\\u2066x\\u2069'],
    ['bidi marks', '\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    ['a workflow command at the start', '::error::x', '\\::error::x'],
    ['a workflow command after a newline', 'msg\n::add-mask::secret', 'msg\n\\::add-mask::secret'],
    ['after leading blanks', 'msg\n  \t::set-output name=a::b', 'msg\n  \t\\::set-output name=a::b'],
    ['after a no-break space', '\u00a0::warning::x', '\u00a0\\::warning::x'],
    ['behind a CR (the runner splits on it too)', 'ok\r::error::x', 'ok\\r::error::x'],
    ['behind a CRLF', 'ok\r\n::error::x', 'ok\n\\::error::x'],
    ['`::` inside a line stays', 'host ::1 and a::b', 'host ::1 and a::b'],
    ['the legacy form anywhere in a line', 'see ##[error]x and ##[add-mask]y', 'see ##\\[error]x and ##\\[add-mask]y'],
    ['non-ASCII text stays', 'café — 東京 ✅', 'café — 東京 ✅'],
  ])('%s', (_name, input, expected) => {
    expect(neutralizeLog(input)).toBe(expected);
  });

  it.each(['::error::x', `a\r::b${ESC}[2J\u2028c`, '##[add-mask]x', '\\x1b plain', 'a\u0085::b'])('is idempotent on %j', (input) => {
    const once = neutralizeLog(input);
    expect(neutralizeLog(once)).toBe(once);
  });
});

describe('neutralizeLine (one-line fields)', () => {
  it.each([
    ['LF', 'a\nb', 'a b'],
    ['CRLF', 'a\r\nb', 'a b'],
    ['CR', 'a\rb', 'a b'],
    ['U+2028, NEL', 'a\u2028b\u0085c', 'a b c'],
    ['a command after the break is inside the line now', 'x\n::error::y', 'x ::error::y'],
    ['a command at the start', '::error::y', '\\::error::y'],
  ])('%s', (_name, input, expected) => {
    expect(neutralizeLine(input)).toBe(expected);
  });
});

describe('neutralizeMarkdown (a comment, the job summary)', () => {
  it.each([
    ['markup stays', '### T\n\n| a | b |\n|---|---|\n', '### T\n\n| a | b |\n|---|---|\n'],
    ['CRLF becomes LF', 'a\r\nb', 'a\nb'],
    ['a lone CR becomes visible', 'a\rb', 'a\\rb'],
    ['ESC and C1', `${ESC}[31m\u009b`, '\\x1b[31m\\x9b'],
    ['bidi', 'x\u202ey', 'x\\u202ey'],
  ])('%s', (_name, input, expected) => {
    expect(neutralizeMarkdown(input)).toBe(expected);
  });
});

describe('neutralizeTableCell', () => {
  it.each([
    ['LF', 'a\nb', 'a b'],
    ['CRLF', 'a\r\nb', 'a b'],
    ['a lone CR', 'a\rb', 'a b'],
    ['VT and FF', 'a\u000bb\u000cc', 'a b c'],
    ['NEL, U+2028, U+2029', 'a\u0085b\u2028c\u2029d', 'a b c d'],
    ['a pipe', 'a|b', 'a&#124;b'],
    ['ESC', `${ESC}[31m`, '\\x1b[31m'],
    ['bidi', '\u202e', '\\u202e'],
  ])('%s', (_name, input, expected) => {
    const cell = neutralizeTableCell(input);
    expect(cell).toBe(expected);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
    expect(cell).not.toMatch(/[\r\n\u000b\u000c\u0085\u2028\u2029|]/);
  });
});

describe('neutralizeJson', () => {
  const hostile = {
    [`key${ESC}`]: `v\n::error::x ${ESC}[31m \r \u0085 \u2028 \u202e ##[add-mask]s`,
    list: ['https://user:hunter2@db.example.com/x', 1, true, null],
  };
  it.each([
    ['pretty', JSON.stringify(hostile, null, 2)],
    ['compact', JSON.stringify(hostile)],
  ])('%s: the same value, no raw control, separator, bidi or legacy command', (_name, json) => {
    const out = neutralizeJson(json);
    expect(JSON.parse(out)).toEqual(hostile);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(out).not.toContain('##[');
    for (const line of out.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
  });

  it('maps every string, keys included, and keeps the layout', () => {
    const json = JSON.stringify({ a: 'x', b: ['y', 'zz'], n: 1 }, null, 2);
    const out = neutralizeJson(json, (s) => s.toUpperCase());
    expect(out).toBe(JSON.stringify({ A: 'X', B: ['Y', 'ZZ'], N: 1 }, null, 2));
  });

  it('leaves clean JSON byte for byte', () => {
    const json = JSON.stringify({ a: 'plain "quoted" \\ back', b: [1, 2] }, null, 2);
    expect(neutralizeJson(json)).toBe(json);
  });
});
