/**
 * Who does a task: the lead (chủ trì) or addressee, the coordinators after
 * `phối hợp (với)`, and who is told to direct (`X chỉ đạo Y`). Read from the
 * agency mentions of one clause's words and the verbs around them.
 */
import { findAgencies, foldName, type AgencyMention } from './gazetteer.ts';
import cues from '../data/cues.json' with { type: 'json' };

export interface Roles {
  responsible: string[];
  coordinating: string[];
  directing: string[];
  /** Where the subject ends in the clause's words (0 when there is none). */
  subjectEnd: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VERB = new RegExp(`(?<![\\p{L}])(?:${[...cues.actionVerbs].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`, 'u');
const LEAD = new RegExp(`^(?:${cues.directiveLeads.map(escape).join('|')})\\s+`, 'u');
/** What may stand between two names of one list. */
const LIST_GAP = /^(?:\s*,\s*|\s+và\s+|\s*-\s*|\s+cùng\s+|\s*,\s*và\s+)$/u;
const COLLECTIVE = /^(?:các|người đứng đầu|cấp ủy|cấp uỷ|mỗi|từng)\s/u;
/** `các cơ quan liên quan` and its kin are kept as written (CONTRACT.md). */
const RELATED = /(?<![\p{L}])(?:các|những)\s+(?:cơ quan|bộ, ngành|đơn vị|bộ, cơ quan|cơ quan, đơn vị|cơ quan, địa phương|bộ, ngành, địa phương)(?:,\s*(?:đơn vị|địa phương|tổ chức))*\s+(?:có\s+)?liên quan/u;

export function readRoles(text: string): Roles {
  const folded = foldName(text);
  const mentions = findAgencies(text);
  const roles: Roles = { responsible: [], coordinating: [], directing: [], subjectEnd: 0 };

  const lead = LEAD.exec(folded);
  const subjectAt = lead ? lead[0].length : 0;
  const subject = listAt(mentions, folded, subjectAt);
  let subjectNames = subject.names;
  let subjectEnd = subject.end;
  if (!subjectNames.length && COLLECTIVE.test(folded.slice(subjectAt))) {
    // A collective addressee not in the gazetteer runs up to its first verb.
    const verb = VERB.exec(folded.slice(subjectAt));
    if (verb && verb.index > 0 && verb.index < 120) {
      const phrase = text.slice(subjectAt, subjectAt + verb.index).replace(/[\s,:]+$/u, '');
      subjectNames = [capitalise(phrase)];
      subjectEnd = subjectAt + verb.index;
    }
  }
  if (subjectNames.length) {
    const after = folded.slice(subjectEnd);
    const directs = /^\s*(?:theo chức năng, nhiệm vụ\s*)?chỉ đạo\s*:?\s*/u.exec(after);
    const directed = directs ? listAt(mentions, folded, subjectEnd + directs[0].length) : null;
    if (directed && directed.names.length) {
      roles.directing = subjectNames;
      roles.responsible = directed.names;
      subjectEnd = directed.end;
    } else {
      roles.responsible = subjectNames;
    }
    roles.subjectEnd = subjectEnd;
  }

  for (const m of folded.matchAll(/phối hợp(?:\s+chặt chẽ)?(?:\s+với)?(?:\s+chặt chẽ với)?\s+/gu)) {
    const at = m.index! + m[0].length;
    const related = RELATED.exec(folded.slice(at));
    if (related && related.index === 0) {
      roles.coordinating.push(text.slice(at, at + related[0].length));
      continue;
    }
    const list = listAt(mentions, folded, at);
    roles.coordinating.push(...list.names);
    const tail = RELATED.exec(folded.slice(list.end));
    if (list.names.length && tail && /^\s*(?:,|và)\s*$/u.test(folded.slice(list.end, list.end + tail.index))) {
      roles.coordinating.push(text.slice(list.end + tail.index, list.end + tail.index + tail[0].length));
    }
  }
  roles.coordinating = unique(roles.coordinating);
  return roles;
}

/** The names of an uninterrupted list of mentions starting at `at`. */
function listAt(mentions: AgencyMention[], folded: string, at: number): { names: string[]; end: number } {
  const names: string[] = [];
  let pos = at;
  for (;;) {
    const next = mentions.find((m) => m.start >= pos);
    if (!next) break;
    const gap = folded.slice(pos, next.start);
    if (names.length ? !LIST_GAP.test(gap) && gap !== '' : gap.trim() !== '') break;
    names.push(next.name);
    pos = next.end;
  }
  return { names: unique(names), end: pos };
}

export function hasActionVerb(text: string): boolean {
  return VERB.test(foldName(text));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
