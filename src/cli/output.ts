/**
 * The CLI's output edge: every string it prints passes through here, redacted (redactSecrets)
 * and then neutralized for a terminal or a CI log (src/util/neutralize.ts), because manifest
 * values and cluster messages (Serve errors, events) reach stdout and stderr and a `run:` step's
 * output is read by the runner for workflow commands. JSON stays the same JSON document: only its
 * strings are redacted and escaped.
 */
import { neutralizeJson, neutralizeLine, neutralizeLog } from '../util/neutralize.js';
import { redactSecrets } from '../util/redact.js';

/** Where text goes: a stream, or a test's collector. */
export interface Sink {
  write(text: string): unknown;
}

/** A sink seen through the edge. */
export interface Output {
  /** Log or terminal text (lines, messages, a markdown plan shown on a terminal). */
  text(text: string): void;
  /** A JSON document (JSON.stringify's text). */
  json(json: string): void;
}

export function outputTo(sink: Sink): Output {
  return {
    text: (text) => {
      sink.write(neutralizeLog(redactSecrets(text)));
    },
    json: (json) => {
      sink.write(neutralizeJson(json, redactSecrets));
    },
  };
}

/** A sink whose writes go through the edge as text: for code that writes lines to a sink. */
export function textSink(sink: Sink): Sink {
  const output = outputTo(sink);
  return { write: (text: string) => output.text(text) };
}

/** Text on stdout, through the edge. */
export function writeOut(text: string): void {
  outputTo(process.stdout).text(text);
}

/** Text on stderr, through the edge. */
export function writeErr(text: string): void {
  outputTo(process.stderr).text(text);
}

/** One line on stderr, whatever line breaks the text holds: how a refusal is printed. */
export function writeErrLine(text: string): void {
  process.stderr.write(`${neutralizeLine(redactSecrets(text))}\n`);
}
