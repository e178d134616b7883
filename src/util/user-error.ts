/**
 * The one base class of refusals a person can act on: bad input, a wrong command line or action
 * input, an unsupported release, a cluster that cannot be reached or refuses a manifest. Both entry
 * points (the CLI and the action) print these as one line and no stack trace; anything that is not
 * a UserError is a bug and said to be one.
 */
export class UserError extends Error {
  override name = 'UserError';
}
