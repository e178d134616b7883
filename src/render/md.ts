/**
 * Text from manifests and clusters, written so that GitHub shows it as the literal characters and
 * nothing else. Checked by rendering with cmark-gfm (`npm run preview`):
 * - values go in code spans: no markup, HTML, autolink or @-mention is recognized inside one, and
 *   entities are not decoded there, so nothing is entity-escaped; a backtick run longer than any in
 *   the value delimits it; in a table `|` becomes `\|` (the table parser removes that backslash
 *   before the code span is read, so `a\|b` shows `a\|b`);
 * - prose is backslash-escaped, `<`, `>` and `&` become entities, and `@`, `://` and `www.` get an
 *   empty `<wbr>` behind them: a mention or an autolink needs one unbroken text run, and `<wbr>`
 *   renders as nothing (no invisible character ends up in a copy);
 * - every line break becomes a space and controls and bidi overrides visible escapes.
 * Everything is redacted first: escaping would hide a secret's shape from the redaction.
 */
import { visibleEscape } from '../util/neutralize.js';
import { redactSecrets } from '../util/redact.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this is for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this is for
const LINE_BREAK = /\r\n|[\n\r\t\u000b\u000c\u0085\u2028\u2029]/g;

/** One line: breaks become spaces, controls visible escapes. */
function oneLine(text: string): string {
  return redactSecrets(text).replace(LINE_BREAK, ' ').replace(UNSAFE, visibleEscape);
}

/** A code span holding `text` exactly (in a table: with `|` escaped for the table parser). */
export function codeSpan(text: string, inTable = true): string {
  let s = oneLine(text);
  if (s === '') return '`""`';
  if (inTable) s = s.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space on each side when both are there: pad when the text needs it.
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Prose: markup, HTML, mentions and autolinks escaped; safe in a table cell and a list item. */
export function prose(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!~|])/g, '\\$1')
    .replace(/@/g, '@<wbr>')
    .replace(/:\/\//g, ':<wbr>//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}<wbr>.`);
}

/** Text with `back-quoted` spans (names the planner quotes) as code, the rest as prose. */
export function proseWithCode(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 ? codeSpan(part) : prose(part)))
    .join('');
}

/** Inside raw HTML (a `<summary>`): markdown is not read there, entities are. */
export function htmlText(text: string): string {
  return oneLine(text)
    .replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/@/g, '@<wbr>');
}

/** A link to a line of a file; the path's segments are URL-encoded, so the target cannot be bent. */
export function lineLink(url: string | undefined, line: number): string {
  return url ? `[L${line}](${url}#L${line})` : `L${line}`;
}
