/** "township 331102001 (feature #3)", or "feature #3" (with its name) while the code is unknown. */
export function describeFeature(i: number, code?: string, name?: unknown): string {
  if (code !== undefined) return `township ${code} (feature #${i})`;
  return typeof name === 'string' && name !== '' ? `feature #${i} ("${name}")` : `feature #${i}`;
}
