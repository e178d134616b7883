/**
 * The example workflows parse, use this action with inputs it declares, ask for no more than they
 * need, and never hand a write token to anything a pull request controls: pull_request_target only
 * with a checkout of the base branch, no PR-controlled text in a `run:` script, no artifact trusted
 * by a workflow_run job.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on?: Record<string, unknown>;
  true?: Record<string, unknown>; // YAML 1.1 reads a bare `on:` key as true
  permissions?: Record<string, string> | string;
  jobs: Record<string, { steps: Step[]; environment?: unknown }>;
}

const action = parse(readFileSync('action.yml', 'utf8'));
const files = readdirSync('examples/workflows').filter((f) => f.endsWith('.yml'));
const load = (file: string): Workflow => parse(readFileSync(`examples/workflows/${file}`, 'utf8'));
const triggers = (wf: Workflow) => Object.keys(wf.on ?? wf.true ?? {});
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);

describe.each(files)('examples/workflows/%s', (file) => {
  const wf = load(file);
  const text = readFileSync(`examples/workflows/${file}`, 'utf8');
  it('declares permissions explicitly, never write-all', () => {
    expect(wf.permissions).toBeDefined();
    expect(typeof wf.permissions).toBe('object');
  });
  it('uses only inputs the action declares', () => {
    for (const step of steps(wf)) {
      if (!step.uses?.includes('rayservice-rollout')) continue;
      for (const k of Object.keys(step.with ?? {})) expect(action.inputs[k], `${file}: ${k}`).toBeDefined();
    }
  });
  it('has no paths filter on pull_request (a required check must always report)', () => {
    const on = (wf.on ?? wf.true) as Record<string, { paths?: unknown } | null> | undefined;
    expect(on?.pull_request?.paths).toBeUndefined();
    expect(on?.pull_request_target?.paths).toBeUndefined();
  });
  it('trusts no artifact: no workflow_run trigger, no download of another run', () => {
    expect(triggers(wf)).not.toContain('workflow_run');
    expect(text).not.toMatch(/download-artifact/);
  });
  it('puts no event text into a run: script (script injection)', () => {
    for (const step of steps(wf)) expect(step.run ?? '', `${file}: ${step.run}`).not.toMatch(/\$\{\{\s*github\.event\./);
  });
});

// A pull_request_target job holds a write token while the PR is hostile: nothing of the PR may run.
const targetFiles = files.filter((f) => triggers(load(f)).includes('pull_request_target'));

describe('pull_request_target', () => {
  it('is used by the fork-safe example', () => {
    expect(targetFiles).toEqual(['rayservice-plan-fork-safe.yml']);
  });
  describe.each(targetFiles)('examples/workflows/%s', (file) => {
    const wf = load(file);
    it('checks out the base branch only (no ref, no repository), without persisting credentials', () => {
      const checkouts = steps(wf).filter((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkouts).toHaveLength(1);
      expect(checkouts[0]!.with?.ref).toBeUndefined();
      expect(checkouts[0]!.with?.repository).toBeUndefined();
      expect(checkouts[0]!.with?.['persist-credentials']).toBe(false);
    });
    it('runs no script, only the action', () => {
      expect(steps(wf).filter((s) => s.run !== undefined)).toEqual([]);
      expect(steps(wf).filter((s) => s.uses && !/^actions\/checkout@|rayservice-rollout@/.test(s.uses))).toEqual([]);
    });
    it('asks for the comment and the status only: no secrets, no OIDC, no environment', () => {
      expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', statuses: 'write' });
      expect(readFileSync(`examples/workflows/${file}`, 'utf8')).not.toMatch(/secrets\./);
      for (const job of Object.values(wf.jobs)) expect(job.environment).toBeUndefined();
      for (const step of steps(wf)) expect(step.with?.live, 'no cluster credentials for a fork').toBeUndefined();
    });
  });
});
