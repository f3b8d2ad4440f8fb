/**
 * Loads config.json from beside index.html. It is optional: a missing file (404) or an unreachable
 * one means the defaults, silently (a console note for whoever installs it). A file that is there
 * but wrong gives the defaults for what is wrong and one problem entry naming the keys and the fix.
 */
import { joinBilingual } from '../core/data-error.ts';
import { DEFAULT_DEPLOYMENT, parseDeploymentConfig, type DeploymentConfig } from '../core/deployment-config.ts';
import { fetchData } from './early-fetch.ts';
import type { ProblemsState } from './problems.svelte.ts';

export const CONFIG_FILE = 'config.json';

export async function loadDeployment(url: URL, problems: ProblemsState): Promise<DeploymentConfig> {
  let text: string;
  try {
    const response = await fetchData(url);
    if (!response.ok) {
      console.info(`${CONFIG_FILE}: HTTP ${response.status} at ${url.href}; using the built-in defaults (see README, "Deployment config").`);
      return DEFAULT_DEPLOYMENT;
    }
    text = await response.text();
  } catch (error) {
    console.info(`${CONFIG_FILE}: could not be fetched (${(error as Error).message}); using the built-in defaults.`);
    return DEFAULT_DEPLOYMENT;
  }
  const { config, warnings } = parseDeploymentConfig(text, CONFIG_FILE);
  if (warnings.length === 0) problems.clear(CONFIG_FILE);
  else problems.report(CONFIG_FILE, `${CONFIG_FILE}: ${joinBilingual(warnings.map((w) => w.problem))}`);
  return config;
}
