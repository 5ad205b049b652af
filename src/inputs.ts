/**
 * The files a command is given: files as named, and every file under the
 * folders named (dot files skipped, each folder's entries sorted by name).
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export interface ExpandOptions {
  /** Keep only files with these extensions (lower case, with the dot) when walking a folder; files named directly are always kept. */
  readonly extensions?: readonly string[];
}

/** What ingest reads: the extensions a folder's files are taken by (`chidao extract FOLDER`). */
export const READABLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.htm', '.html', '.docx', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];

/** Files in the order found, each once; `missing` names the paths that are neither file nor folder. */
export async function expandInputs(paths: readonly string[], options: ExpandOptions = {}): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else if (entry.isFile() && (!options.extensions || options.extensions.includes(extname(entry.name).toLowerCase()))) files.add(join(dir, entry.name));
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) await walk(path);
    else files.add(path);
  }
  return { files: [...files], missing };
}
