import { describe, expect, it } from 'vitest';
import { diffServeConfigs, parseServeConfig, type ServeEffect } from '../../src/serve/serve-config.js';
import { parseYamlDocuments } from '../../src/manifests/yaml-documents.js';

function cfg(text: string) {
  const doc = parseYamlDocuments('x.yaml', `spec:\n  serveConfigV2: |\n${text.replace(/^/gm, '    ')}\n`)[0]!;
  return parseServeConfig(doc, ['spec', 'serveConfigV2'], (doc.value as any).spec.serveConfigV2);
}

const BASE = `applications:
  - name: a
    import_path: m:app
    route_prefix: /a
    runtime_env: {pip: [torch]}
    deployments:
      - name: D
        num_replicas: 1
        user_config: {k: 1}
        ray_actor_options: {num_cpus: 1}
`;

describe('Serve config differences and what Ray Serve does with them', () => {
  it.each<[string, string, ServeEffect[]]>([
    ['nothing', BASE, []],
    [
      'comments and key order',
      `# hi\napplications:\n  - deployments: [{ray_actor_options: {num_cpus: 1}, user_config: {k: 1}, num_replicas: 1, name: D}]\n    route_prefix: /a\n    runtime_env: {pip: [torch]}\n    import_path: m:app\n    name: a\n`,
      [],
    ],
    ['num_replicas', BASE.replace('num_replicas: 1', 'num_replicas: 2'), ['deployment-scaled']],
    ['user_config', BASE.replace('k: 1', 'k: 2'), ['deployment-reconfigured']],
    ['ray_actor_options', BASE.replace('num_cpus: 1', 'num_cpus: 2'), ['deployment-restarted']],
    ['import_path', BASE.replace('m:app', 'm:app2'), ['app-redeployed']],
    ['runtime_env', BASE.replace('[torch]', '[torch, numpy]'), ['app-redeployed']],
    ['route_prefix', BASE.replace('/a\n', '/b\n'), ['app-route']],
    ['app added', `${BASE}  - name: b\n    import_path: x:y\n`, ['app-added']],
    ['deployment added', `${BASE}      - name: E\n`, ['deployment-added']],
    ['http_options', `http_options: {port: 9000}\n${BASE}`, ['serve-fixed-at-start']],
    ['logging_config', `logging_config: {log_level: DEBUG}\n${BASE}`, ['serve-options']],
  ])('%s', (_n, head, effects) => {
    const changes = diffServeConfigs(cfg(BASE), cfg(head), 1);
    expect(changes.map((c) => c.effect)).toEqual(effects);
  });

  it('app removed, with the base line', () => {
    const changes = diffServeConfigs(cfg(`${BASE}  - name: b\n    import_path: x:y\n`), cfg(BASE), 1);
    expect(changes).toMatchObject([{ effect: 'app-removed', display: 'applications[b]', line: 13 }]);
  });

  it('each change carries its path as segments, names kept whole (never re-parsed from the display)', () => {
    const base = BASE.replace('name: a', 'name: "a.b[0]"').replace('name: D', 'name: "D.env_vars"');
    const changes = diffServeConfigs(cfg(base), cfg(base.replace('num_replicas: 1', 'num_replicas: 2')), 1);
    expect(changes).toMatchObject([{ path: ['applications', 'a.b[0]', 'deployments', 'D.env_vars', 'num_replicas'], effect: 'deployment-scaled' }]);
  });

  it('lines map into the manifest through the block scalar', () => {
    const changes = diffServeConfigs(cfg(BASE), cfg(BASE.replace('num_replicas: 1', 'num_replicas: 2')), 1);
    // spec: (1) serveConfigV2: | (2) then the config from line 3; num_replicas is its 8th line.
    expect(changes[0]!.line).toBe(10);
  });
});
