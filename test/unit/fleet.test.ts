/** A fleet's plan comment (a verdict row per target, capacity per cluster) and its apply in waves (results, reasons, outcome). */
import { describe, expect, it } from 'vitest';
import { fleetApplyOutcome } from '../../src/action/fleet-apply-mode.js';
import { applyFleet } from '../../src/flows/fleet-apply.js';
import { DeadlineError } from '../../src/kube/deadline.js';
import { ApplyRefusedError } from '../../src/kube/apply.js';
import { manifestsFromTexts } from '../../src/manifests/load.js';
import { plan } from '../../src/planner/plan.js';
import { renderFleetMarkdown } from '../../src/render/fleet-markdown.js';
import type { FleetTarget } from '../../src/targets/types.js';
import { rayService, toYaml } from '../fixtures/rayservice.js';

const base = toYaml(rayService(() => {}, 'app'));
const head = toYaml(
  rayService((rs) => {
    rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'rayproject/ray:2.46.0';
  }, 'app'),
);
const planOf = (b: string, h: string, kuberayVersion = '1.7') =>
  plan(manifestsFromTexts([{ file: 'a.yaml', text: b }], 'default'), manifestsFromTexts([{ file: 'a.yaml', text: h }], 'default'), { kuberayVersion });

describe('the fleet comment', () => {
  const changed = planOf(base, head);
  const fleet = {
    targets: [
      { name: 'staging', wave: 0, plan: changed },
      { name: 'prod-us', wave: 1, plan: planOf(base, head, '1.5.1') },
      { name: 'prod-eu', wave: 1, plan: planOf(base, base) },
    ],
  };
  const text = renderFleetMarkdown(fleet, { failures: new Map([['prod-us', 'fail-on cluster: default/app is cluster']]) });
  const rows = text.split('\n').filter((l) => /^\| `(staging|prod-us|prod-eu)` \|/.test(l));

  it('starts with a verdict row per target: what merging does there, its own extra, its check', () => {
    expect(text.startsWith('### RayService rollout plan: 3 targets\n')).toBe(true);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^\| `staging` \| 0 \| builds 1 new RayCluster \\\(blue\/green\\\) \| \\\+\d/);
    expect(rows[0]!.endsWith('| ✅ |')).toBe(true);
    expect(rows[1]).toContain('⛔ fail-on cluster: default/app is cluster');
    expect(rows[2]).toBe('| `prod-eu` | 1 | nothing \\(1 RayService unchanged\\) | — | ✅ |');
    expect(text).toContain('Apply rolls out wave by wave: staging → prod-us, prod-eu.');
  });

  it('never adds capacity across clusters: each changed target shows the one cluster extra', () => {
    const single = renderFleetMarkdown({ targets: [{ name: 'one', wave: 0, plan: changed }] });
    const extra = single
      .split('\n')
      .find((l) => l.startsWith('| `one`'))!
      .split(' | ')[3];
    expect(rows[0]!.split(' | ')[3]).toBe(extra);
    expect(rows[1]!.split(' | ')[3]).toBe(extra);
  });

  it('then each target, collapsed, with its own release; within the size given', () => {
    expect(text).toContain('<details><summary><b>prod-us</b> · wave 1 · 1 RayService changed: 1 cluster (KubeRay 1.5.1)</summary>');
    expect(text).toContain('### prod-us · KubeRay 1.5.1');
    const small = renderFleetMarkdown(fleet, { maxLength: 3_000 });
    expect(small.length).toBeLessThanOrEqual(3_000);
    expect(small).toContain('| `prod-eu` |');
  });
});

describe('apply in waves', () => {
  const target = (name: string, wave: number) => ({ name, wave }) as FleetTarget;
  const targets = [target('staging', 0), target('prod-us', 1), target('prod-eu', 1), target('dr', 2)];

  it.each([
    ['a timeout', new DeadlineError('the timeout input (1m) ran out'), 'timeout', 'timed out'],
    ['a refusal', new ApplyRefusedError(['a.yaml:3: spec: bad']), 'refused', 'was refused'],
  ])('%s in a wave is that target result; its wave finishes, the later ones do not start', async (_, error, result, why) => {
    const ran: string[] = [];
    const results = await applyFleet(targets, async (t) => {
      ran.push(t.name);
      if (t.name === 'prod-us') throw error;
      return { outcomes: [], dryRun: false };
    });
    expect(ran).toEqual(['staging', 'prod-us', 'prod-eu']);
    expect(results.map((r) => [r.name, r.result])).toEqual([
      ['staging', 'nothing'],
      ['prod-us', result],
      ['prod-eu', 'nothing'],
      ['dr', 'not-started'],
    ]);
    expect(results[1]!.reason).toBe(error.message);
    expect(results[3]!.reason).toBe(`not started: wave 1 did not succeed (prod-us ${why})`);
    expect(results[3]!.startedMs).toBeUndefined();

    const outcome = fleetApplyOutcome(results, undefined);
    expect(outcome.state).toBe('failure');
    expect(outcome.targetStatuses!.map((s) => `${s.name}=${s.state}`)).toEqual(['staging=success', 'prod-us=failure', 'prod-eu=success', 'dr=error']);
    const summary = outcome.summary(60_000);
    expect(summary).toContain('### RayService rollout: 4 targets');
    expect(summary).toContain(`| \`dr\` | 2 | ⏸️ not-started: not started: wave 1 did not succeed \\(prod-us ${why}\\) | — | — |`);
  });

  it('a bug is not a target result: it surfaces', async () => {
    await expect(
      applyFleet([target('a', 0)], async () => {
        throw new TypeError('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
