/**
 * Links to where people look next after a rollout (the Ray dashboard, a Grafana dashboard), as URL
 * templates the user configures (`--dashboard-url`, `--grafana-url`; the action's `dashboard-url`,
 * `grafana-url`): `{namespace}`, `{name}` (the RayService) and `{cluster}` (its active RayCluster)
 * are filled in, URL-encoded. Only http(s) URLs are taken: the link lands in a comment.
 */
import { SettingError } from './parse.js';

export interface LinkTemplates {
  readonly dashboard?: string;
  readonly grafana?: string;
}

export const LINK_PLACEHOLDERS = ['namespace', 'name', 'cluster'] as const;
type Placeholder = (typeof LINK_PLACEHOLDERS)[number];

/** A template, checked (absolute http or https, only known placeholders); empty: none. */
export function parseUrlTemplate(setting: string, text: string | undefined): string | undefined {
  const v = (text ?? '').trim();
  if (!v) return undefined;
  const unknown = [...v.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).find((p) => !(LINK_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown !== undefined) throw new SettingError(`${setting}: unknown placeholder {${unknown}} (use ${LINK_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
  let url: URL;
  try {
    url = new URL(v.replace(/\{(namespace|name|cluster)\}/g, 'x'));
  } catch {
    throw new SettingError(`${setting}: "${v.slice(0, 100)}" is not a URL (e.g. https://grafana.example.com/d/ray?var-namespace={namespace})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SettingError(`${setting}: only http and https URLs are taken, not ${url.protocol}`);
  return v;
}

/** The template with its placeholders filled in (URL-encoded); a value that is unknown leaves the link out. */
export function fillUrlTemplate(template: string, values: Readonly<Partial<Record<Placeholder, string>>>): string | undefined {
  let missing = false;
  const url = template.replace(/\{(namespace|name|cluster)\}/g, (_, p: Placeholder) => {
    const v = values[p];
    if (v === undefined || v === '') missing = true;
    return encodeURIComponent(v ?? '');
  });
  return missing ? undefined : url;
}

/** The configured links of one RayService, filled in: what each is, and its URL. */
export function serviceLinks(
  links: LinkTemplates,
  values: { namespace: string; name: string; cluster?: string | undefined },
): { label: string; url: string }[] {
  const filled = { namespace: values.namespace, name: values.name, ...(values.cluster ? { cluster: values.cluster } : {}) };
  const out: { label: string; url: string }[] = [];
  for (const [label, t] of [
    ['Ray dashboard', links.dashboard],
    ['Grafana', links.grafana],
  ] as const) {
    const url = t ? fillUrlTemplate(t, filled) : undefined;
    if (url) out.push({ label, url });
  }
  return out;
}
