/** A wrong command line: printed as one line, exit status 2. */
import { UserError } from '../util/user-error.js';
export class UsageError extends UserError {}
