/**
 * Replace a data folder as a whole: the new files (plus every other file already there, so a
 * deployment's config.json or icons survive) go into a sibling temp folder, which is renamed into
 * place; the old folder is renamed aside first and removed last. A failure at any point before the
 * swap leaves the output folder untouched; a screen fetching during the swap gets either the old or
 * the new set, never a manifest naming files of the other (a moment without the folder at all is
 * possible between the two renames; static hosts that need none should publish to a new folder and
 * switch a symlink).
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export function replaceFolder(out: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const target = resolve(out);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = mkdtempSync(join(parent, `.${basename(target)}.publish-`));
  try {
    // mkdtemp makes the folder private (0700); a web server running as another user must read it.
    chmodSync(temp, existsSync(target) ? statSync(target).mode & 0o7777 : 0o755);
    if (existsSync(target)) {
      for (const name of readdirSync(target)) if (!(name in files)) cpSync(join(target, name), join(temp, name), { recursive: true, preserveTimestamps: true });
    }
    for (const [name, data] of Object.entries(files)) writeFileSync(join(temp, name), data);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(target)) {
    renameSync(temp, target);
    return;
  }
  const old = `${temp}-old`;
  renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    renameSync(old, target); // put the old folder back
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
