/** deploy/argocd/argocd-cm.yaml carries the health Lua of deploy/argocd/rayservice-health.lua verbatim, and the ignoreDifferences for autoscaled replicas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('deploy/argocd', () => {
  const cm = parseYaml(read('deploy/argocd/argocd-cm.yaml'));
  it('argocd-cm.yaml embeds rayservice-health.lua unchanged', () => {
    expect(cm.data['resource.customizations.health.ray.io_RayService']).toBe(read('deploy/argocd/rayservice-health.lua'));
  });
  it('leaves the replicas of autoscaled worker groups out of the diff', () => {
    expect(parseYaml(cm.data['resource.customizations.ignoreDifferences.ray.io_RayService'])).toEqual({
      jqPathExpressions: ['.spec.rayClusterConfig.workerGroupSpecs[].replicas'],
    });
  });
});

describe('deploy/flux', () => {
  it('has the three expressions for ray.io/v1 RayService', () => {
    const k = parseYaml(read('deploy/flux/rayservice-health.yaml'));
    const e = k.spec.healthCheckExprs[0];
    expect([e.apiVersion, e.kind]).toEqual(['ray.io/v1', 'RayService']);
    for (const key of ['current', 'inProgress', 'failed']) expect(typeof e[key]).toBe('string');
  });
});
