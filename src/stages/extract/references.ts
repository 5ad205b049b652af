/**
 * Section references: a plan's Tổ chức thực hiện often gives a doer the
 * tasks of another part by number (`Chủ trì triển khai các nhiệm vụ tại mục
 * (IV) (4.1) (4.2)`, `… tại điểm a khoản 2 mục III`). This reads the clause
 * paths such a sentence points at (`IV.4.1`, `IV.4.2`, `III.2.a`).
 */
import cues from '../../../data/cues.json' with { type: 'json' };

const LEAD = new RegExp(cues.sectionReference.lead, 'giu');
const EXTERNAL = new RegExp(cues.sectionReference.external, 'iu');
const TOKEN = '(?:[IVXLC]+|\\d+(?:\\.\\d+)*|[a-zđ])';
/** `mục (IV) (1)`, `mục (IV)(3.4)(a)`: a group in parentheses per level. */
const GROUPED = new RegExp(`^(?:mục|phần|tiểu mục)\\s*((?:\\(\\s*${TOKEN}\\s*\\)\\s*)+)`, 'u');
/** `mục IV.1`, `mục II.2.a`, `phần III`. */
const DOTTED = new RegExp(`^(?:mục|phần|tiểu mục)\\s+([IVXLC]+(?:\\.\\d+)*(?:\\.[a-zđ])?)(?![\\p{L}\\p{N}])`, 'u');
/** `điểm a khoản 2 mục III`, `khoản 3 mục II`: the levels from the smallest up. */
const INVERSE = /^(?:điểm\s+([a-zđ])\s+)?khoản\s+(\d+)\s+(?:mục|phần)\s+([IVXLC]+)(?![\p{L}\p{N}])/u;

/** The clause paths the words give their doer's tasks at; [] when they point at none, or at another document's parts. */
export function sectionReferences(words: string): string[] {
  const paths: string[] = [];
  for (const lead of words.matchAll(LEAD)) {
    const rest = words.slice(lead.index! + lead[0].length);
    const found = referenceAt(rest);
    if (found && !EXTERNAL.test(rest.slice(found.length))) paths.push(...found.paths);
  }
  return [...new Set(paths)];
}

function referenceAt(rest: string): { paths: string[]; length: number } | null {
  const grouped = GROUPED.exec(rest);
  if (grouped) return { paths: levelsOf([...grouped[1].matchAll(new RegExp(`\\(\\s*(${TOKEN})\\s*\\)`, 'gu'))].map((g) => g[1])), length: grouped[0].length };
  const dotted = DOTTED.exec(rest);
  if (dotted) return { paths: [dotted[1]], length: dotted[0].length };
  const inverse = INVERSE.exec(rest);
  if (inverse) return { paths: [[inverse[3], inverse[2], inverse[1]].filter(Boolean).join('.')], length: inverse[0].length };
  return null;
}

/**
 * Groups in order go one level down each (`(IV) (3.4) (a)` is IV.3.4.a),
 * except a group shaped like the one before it, which is its sibling
 * (`(4.1) (4.2)`; `(1) (2)`).
 */
function levelsOf(groups: string[]): string[] {
  const paths: string[] = [];
  let current: string[] = [];
  let last: string[] | null = null;
  const kind = (token: string) => (/^\d+$/u.test(token) ? 'number' : /^[IVXLC]+$/u.test(token) ? 'roman' : 'letter');
  for (const group of groups) {
    const tokens = group.split('.');
    const sibling = last && tokens.length === last.length && tokens.slice(0, -1).join('.') === last.slice(0, -1).join('.') && kind(tokens.at(-1)!) === kind(last.at(-1)!);
    if (sibling) {
      paths.push(current.join('.'));
      current = [...current.slice(0, current.length - last!.length), ...tokens];
    } else current = [...current, ...tokens];
    last = tokens;
  }
  paths.push(current.join('.'));
  return paths;
}
