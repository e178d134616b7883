/**
 * The JSON Schema of the targets file (`.github/rayservice-rollout.yaml`): what a fleet may say
 * about each target. It holds names, paths and settings only; any other key — a token, a password,
 * an inline kubeconfig — is refused (`additionalProperties: false`), so credentials stay in the
 * workflow's secrets and reach the file only as a path or a context name.
 */

/** Settings a target may set and `defaults` may set for every target. */
const SETTINGS = {
  'kuberay-version': { type: 'string', minLength: 1, maxLength: 20 },
  'zero-downtime': { type: 'boolean' },
  'incremental-gate': { enum: ['on', 'off', true, false] },
  namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
  'fail-on': { type: 'array', items: { type: 'string' }, maxItems: 16 },
  live: { type: 'boolean' },
  prune: { type: 'boolean' },
  'on-failure': { enum: ['rollback', 'none'] },
  timeout: { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)?$' },
  'field-manager': { type: 'string', minLength: 1, maxLength: 128 },
  'force-conflicts': { type: 'boolean' },
  kubeconfig: { type: 'string', minLength: 1, maxLength: 4096 },
  context: { type: 'string', minLength: 1, maxLength: 253 },
} as const;

export const TARGET_NAME_PATTERN = '^[a-z0-9]([a-z0-9._-]{0,38}[a-z0-9])?$';

export const TARGETS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['targets'],
  properties: {
    version: { const: 1 },
    defaults: { type: 'object', additionalProperties: false, properties: SETTINGS },
    targets: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', pattern: TARGET_NAME_PATTERN },
          wave: { type: 'integer', minimum: 0, maximum: 1000 },
          manifests: {
            anyOf: [
              { type: 'string', minLength: 1 },
              { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1 } },
            ],
          },
          render: { type: 'string', minLength: 1, maxLength: 4096 },
          ...SETTINGS,
        },
      },
    },
  },
} as const;
