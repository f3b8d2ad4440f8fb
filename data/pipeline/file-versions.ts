import { createHash } from 'node:crypto';

/** A short content hash per file: a screen polling the manifest reloads only what changed. */
export function fileVersions(files: Record<string, string | Uint8Array>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((name) => [name, createHash('sha256').update(files[name]!).digest('hex').slice(0, 16)]),
  );
}
