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
