/**
 * The action's output edge: the one way its text leaves the process (the log, annotations, step
 * outputs, the job summary, comment bodies and commit statuses). Each string is redacted
 * (redactSecrets), then neutralized for where it goes (src/util/neutralize.ts): a pull request
 * from a stranger controls manifest values, and apply mode prints what the cluster says (Serve
 * errors, events), so none of it may start a workflow command, drive the log viewer, break a
 * markdown table or leak a secret. Named like @actions/core's functions so that call sites read
 * the same; the modes call these, never @actions/core, for text.
 */
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { neutralizeJson, neutralizeLine, neutralizeLog, neutralizeMarkdown } from '../util/neutralize.js';
import { redactSecrets } from '../util/redact.js';

export type { AnnotationProperties } from '@actions/core';

const logText = (text: string) => neutralizeLog(redactSecrets(text));
const lineText = (text: string) => neutralizeLine(redactSecrets(text));

/** Markdown leaving the process (a comment body, the job summary, the `comment` output). */
export const markdownText = (text: string) => neutralizeMarkdown(redactSecrets(text));

/** A one-line text field sent to GitHub (a commit status description). */
export const singleLine = lineText;

function annotationProps(props: core.AnnotationProperties | undefined): core.AnnotationProperties | undefined {
  if (!props) return undefined;
  return {
    ...props,
    ...(props.title !== undefined ? { title: lineText(props.title) } : {}),
    ...(props.file !== undefined ? { file: lineText(props.file) } : {}),
  };
}

export function info(text: string): void {
  core.info(logText(text));
}

export function debug(text: string): void {
  core.debug(logText(text));
}

export function warning(text: string, props?: core.AnnotationProperties): void {
  core.warning(logText(text), annotationProps(props));
}

export function error(text: string, props?: core.AnnotationProperties): void {
  core.error(logText(text), annotationProps(props));
}

export function notice(text: string, props?: core.AnnotationProperties): void {
  core.notice(logText(text), annotationProps(props));
}

/** Fails the step with an error annotation. */
export function setFailed(text: string): void {
  core.setFailed(logText(text));
}

export function startGroup(title: string): void {
  core.startGroup(lineText(title));
}

export function endGroup(): void {
  core.endGroup();
}

/** A plain-text step output. */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, logText(value));
}

/** A step output holding JSON: the same document, its strings redacted and escaped. */
export function setJsonOutput(name: string, json: string): void {
  core.setOutput(name, neutralizeJson(json, redactSecrets));
}

/** A step output holding markdown. */
export function setMarkdownOutput(name: string, markdown: string): void {
  core.setOutput(name, markdownText(markdown));
}

/** Appends markdown to the job summary. */
export async function writeSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdownText(markdown)).write();
}

/**
 * Writes the job summary within `maxBytes` UTF-8 bytes: GitHub drops a step's summary over 1 MiB,
 * and the renderers count characters (a CJK character is 3 bytes). `render(maxChars)` degrades
 * as the comment does (whole services, then the short form); the character budget shrinks until
 * the neutralized text fits, and a last resort cuts it at a line with a note.
 */
export async function writeSummaryWithin(render: (maxChars: number) => string, maxBytes: number): Promise<void> {
  await core.summary.addRaw(fitBytes(render, maxBytes)).write();
}

export function fitBytes(render: (maxChars: number) => string, maxBytes: number): string {
  let chars = maxBytes;
  for (let i = 0; i < 6; i++) {
    const text = markdownText(render(chars));
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes <= maxBytes) return text;
    chars = Math.floor((chars * maxBytes) / bytes) - 1_000;
  }
  const note = "\n\n_The rest is cut to stay within GitHub's job summary size (1 MiB)._\n";
  const text = markdownText(render(chars));
  const cut = Buffer.from(text, 'utf8')
    .subarray(0, maxBytes - Buffer.byteLength(note))
    .toString('utf8');
  return `${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}${note}`;
}

/** A JSON document written to a file for later steps (the full plan): redacted and escaped like setJsonOutput. */
export function writeJsonFile(path: string, json: string): void {
  writeFileSync(path, neutralizeJson(json, redactSecrets));
}

/** The size in UTF-8 bytes of a JSON step output as it will be written. */
export function jsonOutputBytes(json: string): number {
  return Buffer.byteLength(neutralizeJson(json, redactSecrets), 'utf8');
}
