/**
 * Text from manifests and from the cluster, made harmless for where it is printed. Pure functions,
 * one per destination; the output edges (src/cli/output.ts, src/action/output.ts) apply them after
 * redaction, so nothing that leaves the process can:
 * - drive a terminal: ESC, CR, the other C0 controls, DEL and the C1 controls (U+0080–U+009F,
 *   U+009B is an 8-bit CSI) become visible escapes such as `\x1b`;
 * - reorder or hide what a reader sees: bidi overrides and isolates, and the Unicode line and
 *   paragraph separators, become `\u202e`-style escapes;
 * - run a GitHub workflow command: the runner reads `::name::data` at the start of a line (after
 *   leading blanks) and the legacy `##[name]data` anywhere in a line, from every line a step
 *   prints, so such lines are defused;
 * - break a markdown table row: no line break of any kind is left in a cell.
 * Backslashes are not doubled: an escape in the output may also be text that looked like one.
 */

/** C0 controls except TAB and LF, DEL, C1, Arabic letter mark, LRM/RLM, LS/PS, bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this module is for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What ends a line somewhere: a terminal, CommonMark, GitHub's runner, an editor. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this module is for
const ANY_LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** A workflow command line: `::` after leading blanks (the runner trims them first). */
const COMMAND_LINE = /^(\s*)::/gm;
/** The legacy workflow command prefix, honoured anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

/** `\x1b` for a byte-sized code point, `\u202e` above; CR as `\r`. */
export function visibleEscape(ch: string): string {
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * For a terminal or a CI log (stdout, stderr, `core.info`, annotation messages): line feeds and
 * tabs stay, CRLF becomes LF, every other control becomes a visible escape, and no line can start
 * or contain a workflow command.
 */
export function neutralizeLog(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, visibleEscape).replace(COMMAND_LINE, '$1\\::').replace(LEGACY_COMMAND, '##\\[');
}

/** A single line for a log or a one-line field (a commit status description, a group title). */
export function neutralizeLine(text: string): string {
  return neutralizeLog(text.replace(ANY_LINE_BREAK, ' '));
}

/**
 * For a markdown document (a comment, the job summary): its own markup stays, CRLF becomes LF,
 * and every control or invisible reordering character becomes a visible escape (a lone CR is a
 * line break to CommonMark, so it becomes `\r`).
 */
export function neutralizeMarkdown(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, visibleEscape);
}

/**
 * For one cell of a markdown table: every line break (CR, LF, CRLF, VT, FF, NEL, U+2028/2029)
 * becomes a space, `|` an entity, and the other controls visible escapes. Markup is the caller's
 * business (the renderer escapes it before).
 */
export function neutralizeTableCell(text: string): string {
  return text.replace(ANY_LINE_BREAK, ' ').replace(/\|/g, '&#124;').replace(UNSAFE, visibleEscape);
}

/**
 * Code points a JSON string may hold raw (or a careless writer may leave) that a terminal, a reader
 * or the runner would act on. TAB and LF stay: JSON.stringify writes them only as indentation.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this module is for
const JSON_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One JSON string token (valid JSON has no `"` outside them). */
const JSON_STRING = /"[^"\\]*(?:\\.[^"\\]*)*"/g;

/**
 * For JSON text (JSON.stringify's output): the same document and layout, with every string passed
 * through `mapString` (the edges pass the redaction) and written so that no raw control,
 * separator or bidi character and no `##[` appears. Only characters inside strings change, into
 * `\uXXXX` escapes that JSON.parse reads back as the same string. (A JSON line cannot start with
 * `::`: outside strings only `{}[],:"`, digits, `-` and literals begin one, and a string's own
 * line breaks are escaped.)
 */
export function neutralizeJson(json: string, mapString: (s: string) => string = (s) => s): string {
  return json
    .replace(JSON_STRING, (token) => {
      let value: string;
      try {
        value = JSON.parse(token) as string;
      } catch {
        return token; // not JSON.stringify's: left to the escaping below
      }
      const mapped = mapString(value);
      return mapped === value ? token : JSON.stringify(mapped);
    })
    .replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(LEGACY_COMMAND, '#\\u0023[');
}
