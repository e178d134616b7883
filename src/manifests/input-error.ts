/**
 * A refusal of user input: names the file, the line and the field, and says what to do.
 * The CLI and the action print these as one line (no stack trace); anything else is a bug.
 */
import { UserError } from '../util/user-error.js';
export class InputError extends UserError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(formatInputError(file, line, field, problem, hint));
    this.name = 'InputError';
  }
}

export function formatInputError(file: string, line: number | undefined, field: string | undefined, problem: string, hint?: string): string {
  const where = line ? `${file}:${line}` : file;
  const what = field ? `${field}: ${problem}` : problem;
  return `${where}: ${what}${hint ? ` (${hint})` : ''}`;
}
