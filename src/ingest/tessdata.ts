/**
 * Finds Vietnamese trained data for tesseract.js on this machine. Nothing is
 * downloaded: a missing file is reported with how to install it, and checked
 * before any worker starts, because tesseract.js crashes the whole process
 * (an uncaught exception) when the file is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SYSTEM_ROOTS = ['/usr/share/tesseract-ocr', '/usr/share/tessdata', '/usr/local/share/tessdata', '/opt/homebrew/share/tessdata', '/usr/local/share/tesseract-ocr'];

export const INSTALL_HINT = 'install it with `sudo apt-get install tesseract-ocr-vie` (or run scripts/setup-ocr.sh), or pass --tessdata DIR holding vie.traineddata';

/** The folder holding `vie.traineddata`, or null. `dir` (from --tessdata) wins and is the only place looked at when given. */
export function findTessdata(dir?: string, env = process.env): string | null {
  const candidates = dir ? [dir] : [env.TESSDATA_PREFIX, ...SYSTEM_ROOTS.flatMap(versioned)].filter((d): d is string => Boolean(d));
  return candidates.find((d) => existsSync(join(d, 'vie.traineddata'))) ?? null;
}

/** Debian puts data under /usr/share/tesseract-ocr/<version>/tessdata; newest version first. */
function versioned(root: string): string[] {
  let versions: string[] = [];
  try {
    versions = readdirSync(root).filter((name) => /^\d/.test(name)).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  } catch {
    return [];
  }
  return [root, ...versions.map((v) => join(root, v, 'tessdata'))];
}
