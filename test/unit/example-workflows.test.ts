/** The example workflows parse, use this action with inputs it declares, and ask for no more than they need. */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const action = parse(readFileSync('action.yml', 'utf8'));
const files = readdirSync('examples/workflows').filter((f) => f.endsWith('.yml'));

describe.each(files)('examples/workflows/%s', (file) => {
  const wf = parse(readFileSync(`examples/workflows/${file}`, 'utf8'));
  it('declares permissions explicitly and never pull_request_target', () => {
    expect(wf.permissions).toBeDefined();
    expect(Object.keys(wf.on ?? wf.true ?? {})).not.toContain('pull_request_target');
  });
  it('uses only inputs the action declares', () => {
    for (const job of Object.values(wf.jobs) as { steps: { uses?: string; with?: Record<string, unknown> }[] }[]) {
      for (const step of job.steps) {
        if (!step.uses?.includes('rayservice-rollout')) continue;
        for (const k of Object.keys(step.with ?? {})) expect(action.inputs[k], `${file}: ${k}`).toBeDefined();
      }
    }
  });
  it('has no paths filter on pull_request (a required check must always report)', () => {
    const on = wf.on ?? wf.true;
    expect(on?.pull_request?.paths).toBeUndefined();
  });
});
