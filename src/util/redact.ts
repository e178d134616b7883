/**
 * Secrets out of free text: the one redaction pass that every string leaving the process goes
 * through (comment, summary, outputs, annotations, logs, JSON). Names stay visible; values go.
 */
export const REDACTED = '[redacted]';

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/@\s:]+):([^/@\s]+)@/gi;

/** `text` with every secret-looking value replaced by REDACTED. */
export function redactSecrets(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}
