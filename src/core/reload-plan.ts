/**
 * Which files of a data set a polling screen must fetch again: the manifest carries a version (a
 * content hash) per file path; a file is reloaded when its version differs from the one last loaded
 * successfully, when it has no version (nothing tells us it is unchanged), or when its last load
 * failed (nothing good of it is in memory).
 */
export type LoadedVersions = ReadonlyMap<string, string>;

export function needsReload(path: string, versions: Readonly<Record<string, string>>, loaded: LoadedVersions): boolean {
  const version = versions[path];
  return version === undefined || loaded.get(path) !== version;
}
