/** Observe: when the live RayService carries the merged manifest, and who to name when it does not. */
import { describe, expect, it } from 'vitest';
import { carries, ownerOf } from '../../src/flows/observe-and-wait.js';

const manifest = { spec: { serveConfigV2: 'a', rayClusterConfig: { rayVersion: '2.46.0', workerGroupSpecs: [{ groupName: 'cpu', replicas: 1 }] } } };

describe('carries', () => {
  it.each([
    ['the same spec', manifest.spec, true],
    [
      'plus defaults and other managers’ fields',
      { ...manifest.spec, upgradeStrategy: { type: 'NewCluster' }, rayClusterConfig: { ...manifest.spec.rayClusterConfig, enableInTreeAutoscaling: false } },
      true,
    ],
    ['another Serve config', { ...manifest.spec, serveConfigV2: 'b' }, false],
    [
      'another value inside a list',
      { ...manifest.spec, rayClusterConfig: { rayVersion: '2.46.0', workerGroupSpecs: [{ groupName: 'cpu', replicas: 2 }] } },
      false,
    ],
    ['a list of another length', { ...manifest.spec, rayClusterConfig: { rayVersion: '2.46.0', workerGroupSpecs: [] } }, false],
    ['no spec', undefined, false],
  ])('%s → %s', (_what, spec, expected) => {
    expect(carries({ spec }, manifest)).toBe(expected);
  });
  it('a RayService that does not exist carries nothing', () => {
    expect(carries(undefined, manifest)).toBe(false);
  });
});

describe('ownerOf', () => {
  it.each([
    [{ annotations: { 'argocd.argoproj.io/tracking-id': 'ml-prod:ray.io/RayService:ns/a' } }, 'the Argo CD Application ml-prod'],
    [{ labels: { 'argocd.argoproj.io/instance': 'ml-prod' } }, 'the Argo CD Application ml-prod'],
    [
      { labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' } },
      'the Flux Kustomization flux-system/apps',
    ],
    [{ labels: { 'helm.toolkit.fluxcd.io/name': 'ray', 'helm.toolkit.fluxcd.io/namespace': 'serving' } }, 'the Flux HelmRelease serving/ray'],
    [{ labels: { team: 'x' } }, undefined],
  ])('%j → %s', (metadata, expected) => {
    expect(ownerOf({ metadata })).toBe(expected);
  });
});
