/**
 * The page's `?data=` and `?incidents=` under the origin rule (core/origin-policy.ts): a refused
 * one is reported under its parameter and replaced by the deployment's own data (or no incidents
 * override) — it is never fetched. An honoured one clears its entry.
 */
import type { DeploymentConfig } from '../core/deployment-config.ts';
import { checkOrigin } from '../core/origin-policy.ts';
import type { ProblemsState } from './problems.svelte.ts';
import { paramKey } from './url.svelte.ts';

export interface DataSources {
  readonly manifest: URL;
  readonly incidents: URL | null;
}

export function allowedSources(location: Location, deployment: DeploymentConfig, problems: ProblemsState, base: string = document.baseURI): DataSources {
  const query = new URLSearchParams(location.search);
  const pick = (name: string): URL | null => {
    const raw = query.get(name);
    if (raw === null || raw === '') return null;
    const verdict = checkOrigin(raw, base, deployment.allowedOrigins, `?${name}=`);
    if (verdict.ok) {
      problems.clear(paramKey(name));
      return verdict.url;
    }
    problems.report(paramKey(name), verdict.reason);
    return null;
  };
  return { manifest: pick('data') ?? new URL(deployment.data, base), incidents: pick('incidents') };
}
