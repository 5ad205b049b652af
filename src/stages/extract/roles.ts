/**
 * Who does a task: the lead (chủ trì) or addressee, the coordinators after
 * `phối hợp (với)`, and who is told to direct (`X chỉ đạo Y`). Read from the
 * agency mentions of one clause's words and the verbs around them.
 */
import { bodiesOf, findAgencies, foldName, modernUy, type AgencyMention } from '../../lang/gazetteer.ts';
import { escapeRegExp } from '../../lang/words.ts';
import { VERB, startsWithVerb } from '../../lang/verbs.ts';
import cues from '../../../data/cues.json' with { type: 'json' };
import agencies from '../../../data/agencies.json' with { type: 'json' };

export interface Roles {
  responsible: string[];
  coordinating: string[];
  directing: string[];
  /** Where the subject ends in the clause's words (0 when there is none). */
  subjectEnd: number;
  /** Named after `Giao`, `Yêu cầu`, `Đề nghị` later in the words. */
  assigned: string[];
  /** `chỉ đạo Y …` with no subject: whoever the item is addressed to directs Y. */
  directedByContext?: boolean;
  /**
   * Doers that open a later sentence of the words (`… . Bộ Khoa học và Công
   * nghệ rà soát …`, `… . Các cơ quan, đơn vị khẩn trương …`): the item names
   * them itself, so they override what flows down from a header.
   */
  sentenceDoers: string[];
}

const LEAD = new RegExp(`^(?:${cues.directiveLeads.map(escapeRegExp).join('|')})\\s*:?\\s+`, 'u');
/** A title after a person's name (`đồng chí X, Phó Trưởng Ban Chỉ đạo, đồng chí Y`) is not a new name. */
const APPOSITION = `(?:,\\s*(?:${agencies.appositions.map((a) => escapeRegExp(foldName(a))).join('|')}))?`;
/** `Các bộ quản lý ngành, đặc biệt là Bộ X, Bộ Y`: the members named after a collective belong to the same list. */
const FOCUS = `\\s*,\\s*(?:${cues.focus.map(escapeRegExp).join('|')})\\s+`;
const DASH_TITLE = new RegExp(`^(?:${agencies.dashTitles.map((t) => escapeRegExp(foldName(t))).join('|')})(?![\\p{L}])`, 'u');
/** A second title after the subject and ` - `, up to the verb. */
const TITLE_AFTER = new RegExp(`^\\s*-\\s*(?:${agencies.dashTitles.map((t) => escapeRegExp(foldName(t))).join('|')})[^,;:.]{0,100}(?=\\s+(?:tập trung|lãnh đạo|chỉ đạo|chủ trì|khẩn trương|tiếp tục)(?![\\p{L}]))`, 'u');
const HONORIFIC = new RegExp(`^(?:${agencies.honorifics.map((h) => escapeRegExp(foldName(h))).join('|')})\\s+`, 'u');
/** What may stand between two names of one list. */
const LIST_GAP = new RegExp(`^${APPOSITION}(?:\\s*[,;]\\s*|\\s+và\\s+|\\s*-\\s*|\\s+cùng\\s+|\\s*,\\s*và\\s+|${FOCUS})$`, 'u');
const FOCUS_AT = new RegExp(`^${FOCUS}`, 'u');
/** Where a collective addressee's phrase ends before its verb: an adverbial (`theo chức năng, nhiệm vụ`), a purpose (`để`), named members (`, đặc biệt là`). */
const PHRASE_STOP = new RegExp(`${agencies.phraseStops.map((p) => escapeRegExp(foldName(p))).join('|')}|${FOCUS}`, 'u');
/** A collective's head noun; before a comma (group 1) it opens a list of such nouns (`các tập đoàn, doanh nghiệp …`). */
const COLLECTIVE = new RegExp(`^(?:${agencies.collectiveHeads.map((h) => escapeRegExp(foldName(h))).join('|')})(?:\\s|(,))`, 'u');
/** Unit nouns that hold a verb (`viện nghiên cứu`, `đoàn kiểm tra`). */
const UNIT_NOUN = new RegExp(`(?<![\\p{L}])(?:${agencies.unitNouns.map((u) => escapeRegExp(foldName(u))).join('|')})(?![\\p{L}])`, 'gu');
const UNIT_REACH = Math.max(...agencies.unitNouns.map((u) => u.length));
/** A collective addressee's phrase is at most this long. */
const MAX_COLLECTIVE = 160;
/** `các cơ quan liên quan` and its kin are kept as written (CONTRACT.md). */
const RELATED = /(?<![\p{L}])(?:các|những)\s+(?:cơ quan|bộ, ngành|đơn vị|bộ, cơ quan|cơ quan, đơn vị|cơ quan, địa phương|bộ, ngành, địa phương)(?:,\s*(?:đơn vị|địa phương|tổ chức))*\s+(?:có\s+)?liên quan/u;
/** `chỉ đạo Y …`: Y does it, whoever gives the direction directs. */
const DIRECTS = /(?:(?:tiếp tục|khẩn trương|trực tiếp|thường xuyên|tập trung|theo chức năng, nhiệm vụ(?: được giao)?)\s+)*(?:lãnh đạo,\s*)?chỉ đạo(?:\s*,\s*định hướng)?(?:\s+(?:quyết liệt|sát sao|chặt chẽ))?\s*:?\s+/uy;
/** Where a fronted phrase (`Trên cơ sở …,`) ends and a clause may start. */
const CLAUSE_START = /(?:^|[.;:]\s+|,\s+)/gu;
/** A topic label before the doers: `Về an toàn thông tin, an ninh mạng: Bộ Công an …`. */
const TOPIC = /^về\s[^:.;]{0,160}:\s*/u;
/**
 * A conclusion's answer to a proposal (`Về đề nghị các bộ, ngành … ; … của
 * địa phương: Ủy ban nhân dân thành phố … cần …`): the proposal, however long,
 * runs to its colon, and the answer names who acts.
 */
const ANSWERED = new RegExp(`^về\\s+(?:các\\s+)?(?:${cues.answeredProposals.join('|')})(?![\\p{L}])[^:.]{0,600}:\\s*`, 'u');
/** The subject asks others to do the work: `X đề nghị Y …`, `X yêu cầu Y …`, `X giao Y …`. */
const REQUESTS = /^\s*(?:(?:tiếp tục|trân trọng)\s+)?(?:đề nghị|yêu cầu|giao)\s+/u;
/** `các đơn vị của Bộ Tài chính`: the units of a body, named by the body. */
const UNITS_OF = /^(?:các\s+)?đơn vị\s+(?:của|thuộc)\s+/u;
/** Handing work to someone: `Giao Bộ KH-CN chủ trì …`, `…, yêu cầu các cấp ủy …`. */
const ASSIGNS = /(?:^|[.;,]\s+)(?:giao|đề nghị|yêu cầu)\s+/gu;
/**
 * A new sentence: its subject, if it names one, is a doer of its own. A
 * capital `Các`/`Những` after a lower-case word starts one too: Vietnamese
 * capitalises these plural words only at a sentence start, so the full stop
 * before them was lost (by OCR: `… tăng trưởng chung của quốc gia Các cơ
 * quan, đơn vị, địa phương phải …`).
 */
const SENTENCE_START = /(?:[.!?…]\s+(?=\p{Lu})|(?<=\p{Ll})\s+(?=(?:Các|Những)\s)|;\s+(?=\p{Lu}))/gu;
/** What may follow a subject before its verb: `X căn cứ …, xây dựng …`, `X trên cơ sở …, …`. */
const CLAUSE_FRONTING = /^(?:căn cứ|trên cơ sở|theo chức năng)(?![\p{L}])/u;
const LEADS_TO = /^\s*(?:(?:khẩn trương|tiếp tục|trực tiếp)\s+)?(?:chủ trì|chịu trách nhiệm|có trách nhiệm)/u;
/** An adverbial phrase that opens a sentence before its subject (`Trên cơ sở …,`, `Thực hiện …,`, `Để …,`). */
const FRONTED = new RegExp(`^(?:${cues.frontedPhrases.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');
const sentenceStart = (folded: string, at: number) => Math.max(0, ...[...folded.slice(0, at).matchAll(/[.;:!?]\s+/gu)].map((m) => m.index! + m[0].length));
/** A plural addressee after a fronted phrase, then a modal of duty (`Nhằm …, các Bộ, … cần cụ thể hóa …`): the genre's lead-in. */
const MODAL_LEAD = /^\s*(?:cần|phải|theo chức năng, nhiệm vụ)/u;

export function readRoles(text: string): Roles {
  const folded = foldName(text);
  const mentions = findAgencies(text);
  const roles: Roles = { responsible: [], coordinating: [], directing: [], assigned: [], subjectEnd: 0, sentenceDoers: [] };

  const lead = LEAD.exec(folded) ?? TOPIC.exec(folded) ?? ANSWERED.exec(folded);
  const subjectAt = lead ? lead[0].length : 0;
  const subject = subjectList(mentions, text, folded, subjectAt);
  if (subject.names.length) {
    roles.subjectEnd = subject.end;
    // `Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực … tập trung chỉ đạo …`: the subject's second title comes first.
    const title = TITLE_AFTER.exec(folded.slice(subject.end))?.[0].length ?? 0;
    // `Bộ Xây dựng: chỉ đạo …` — an item headed by its addressee.
    DIRECTS.lastIndex = subject.end + title + (/^\s*:?\s*/u.exec(folded.slice(subject.end + title))?.[0].length ?? 0);
    const directs = DIRECTS.exec(folded);
    const directed = directs ? subjectList(mentions, text, folded, DIRECTS.lastIndex) : null;
    const asks = directed?.names.length ? null : REQUESTS.exec(folded.slice(subject.end));
    const asked = asks ? subjectList(mentions, text, folded, subject.end + asks[0].length) : null;
    if (directed?.names.length) {
      roles.directing = subject.names;
      roles.responsible = directed.names;
      roles.subjectEnd = directed.end;
    } else if (asked?.names.length) {
      // `Tổng cục Thuế đề nghị Cục Thuế các tỉnh … rà soát`: who asks is not who does.
      roles.responsible = asked.names;
      roles.subjectEnd = asked.end;
    } else {
      roles.responsible = subject.names;
    }
  } else {
    // No doer up front: `Trên cơ sở …, chỉ đạo Y …`, or `…, X chủ trì …` after a fronted phrase.
    for (const c of folded.matchAll(CLAUSE_START)) {
      const at = c.index! + c[0].length;
      DIRECTS.lastIndex = at;
      const directs = DIRECTS.exec(folded);
      const directed = directs ? subjectList(mentions, text, folded, DIRECTS.lastIndex) : null;
      if (directed?.names.length) {
        roles.responsible = directed.names;
        roles.directedByContext = true;
        roles.subjectEnd = directed.end;
        break;
      }
      const doer = listAt(mentions, folded, at);
      const asks = doer.names.length ? REQUESTS.exec(folded.slice(doer.end)) : null;
      const asked = asks ? subjectList(mentions, text, folded, doer.end + asks[0].length) : null;
      if (asked?.names.length) {
        // `Nhằm …, Chủ tịch Ủy ban nhân dân thành phố yêu cầu Giám đốc các sở … thực hiện:` — those asked do it.
        roles.responsible = asked.names;
        roles.subjectEnd = asked.end;
        break;
      }
      // After a fronted phrase and its comma (`Trên cơ sở … của Chính phủ, Bộ Xây dựng làm việc với …`), a name followed by its verb is the subject; after a name that is not an owner (`của …`) the list goes on.
      const before = mentions.find((m) => m.end === c.index);
      const fronted = c[0].startsWith(',') && FRONTED.test(folded.slice(sentenceStart(folded, c.index!))) && (!before || /(?<![\p{L}])của\s+$/u.test(folded.slice(0, before.start))) && startsWithVerb(folded, doer.end + (/^\s*/u.exec(folded.slice(doer.end))?.[0].length ?? 0));
      if (doer.names.length && (fronted || LEADS_TO.test(folded.slice(doer.end)) || (folded.startsWith('các ', at) && !mentions.some((m) => m.end === c.index) && MODAL_LEAD.test(folded.slice(doer.end))))) {
        roles.responsible = doer.names;
        roles.subjectEnd = doer.end;
        break;
      }
    }
  }
  for (const m of folded.matchAll(ASSIGNS)) {
    const at = m.index! + m[0].length;
    if (at <= roles.subjectEnd) continue;
    roles.assigned.push(...subjectList(mentions, text, folded, at).names);
  }
  roles.assigned = unique(roles.assigned);

  for (const m of text.matchAll(SENTENCE_START)) {
    const at = m.index! + m[0].length;
    if (at <= roles.subjectEnd) continue;
    const doer = subjectList(mentions, text, folded, at);
    if (!doer.names.length) continue;
    const after = /^\s*/u.exec(folded.slice(doer.end))![0].length + doer.end;
    DIRECTS.lastIndex = after;
    const directs = DIRECTS.exec(folded);
    const directed = directs ? subjectList(mentions, text, folded, DIRECTS.lastIndex) : null;
    if (directed?.names.length) roles.sentenceDoers.push(...directed.names);
    // `…; Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao, xây dựng …`: the subject may front a phrase before its verb.
    else if (startsWithVerb(folded, after) || CLAUSE_FRONTING.test(folded.slice(after))) roles.sentenceDoers.push(...doer.names);
  }
  roles.sentenceDoers = unique(roles.sentenceDoers);

  // `Với các đơn vị của Bộ Tài chính, Ngân hàng Nhà nước …` opening an item: together with them, its partners.
  const partners = [...folded.matchAll(/^(?:cùng\s+)?với\s+/gu), ...folded.matchAll(/phối hợp(?:\s+chặt chẽ)?(?:\s+với)?(?:\s+chặt chẽ với)?\s+/gu)];
  for (const found of partners) {
    const after = found.index! + found[0].length;
    const units = UNITS_OF.exec(folded.slice(after))?.[0].length ?? 0;
    const at = units && mentions.some((x) => x.start === after + units) ? after + units : after;
    const related = RELATED.exec(folded.slice(at));
    if (related && related.index === 0) {
      roles.coordinating.push(text.slice(at, at + related[0].length));
      continue;
    }
    // Coordinators are named in canonical form, collectives as written (`các cơ quan liên quan`).
    const list = listAt(mentions, folded, at, true);
    if (!list.names.length) {
      // An unlisted collective (`các tập đoàn, doanh nghiệp hàng đầu, viện nghiên cứu, trường đại học`) runs up to its verb or purpose.
      const collective = collectivePhrase(text, folded, at, mentions);
      if (collective) roles.coordinating.push(collective.phrase);
      continue;
    }
    roles.coordinating.push(...list.names);
    const tail = RELATED.exec(folded.slice(list.end));
    if (list.names.length && tail && /^\s*(?:,|và)\s*$/u.test(folded.slice(list.end, list.end + tail.index))) {
      roles.coordinating.push(text.slice(list.end + tail.index, list.end + tail.index + tail[0].length));
    }
  }
  roles.coordinating = unique(roles.coordinating);
  return roles;
}

/**
 * The doers named at `at`: known agencies, with `và các cơ quan liên quan`
 * after them; or else a collective addressee (`Các bộ, cơ quan chủ quản các
 * nền tảng số`) running up to its first verb or colon.
 */
function subjectList(mentions: AgencyMention[], text: string, folded: string, from: number): { names: string[]; end: number } {
  // `Các đồng chí Bộ trưởng, …`: the words of address go, the office holders stay.
  const honorific = HONORIFIC.exec(folded.slice(from));
  const at = honorific && mentions.some((m) => m.start === from + honorific[0].length) ? from + honorific[0].length : from;
  const list = listAt(mentions, folded, at);
  const first = mentions.find((m) => m.start === at);
  const enumerated = first?.collective ? parenthesisedMembers(mentions, folded, first.end) : null;
  if (enumerated) return enumerated;
  if (list.names.length === 1 && first?.collective) {
    // `các cấp ủy, tổ chức đảng, cơ quan, đơn vị:` — a known collective that the text goes on to widen.
    const wider = collectivePhrase(text, folded, at, mentions);
    if (wider && wider.end > list.end && !mentions.some((m) => m.start >= list.end && m.start < wider.end)) return withMembers([capitalise(wider.phrase)], wider.end, mentions, folded);
  }
  if (list.names.length) {
    const related = /^\s*(?:,\s*)?và\s+/u.exec(folded.slice(list.end));
    const tail = related ? RELATED.exec(folded.slice(list.end + related[0].length)) : null;
    if (related && tail && tail.index === 0) {
      const start = list.end + related[0].length;
      return { names: [...list.names, capitalise(text.slice(start, start + tail[0].length))], end: start + tail[0].length };
    }
    return list;
  }
  const collective = collectivePhrase(text, folded, at, mentions);
  if (!collective) return list;
  return withMembers([capitalise(collective.phrase)], collective.end, mentions, folded);
}

/**
 * `Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú
 * Yên, …)`: a collective whose members follow it in parentheses stands for
 * them. Its qualifying words come first, with no punctuation; the
 * parentheses hold named bodies and nothing else.
 */
function parenthesisedMembers(mentions: AgencyMention[], folded: string, after: number): { names: string[]; end: number } | null {
  const open = /^[^():;.,\n]{0,40}?\(\s*/u.exec(folded.slice(after));
  if (!open) return null;
  const list = listAt(mentions, folded, after + open[0].length);
  const close = /^\s*\)/u.exec(folded.slice(list.end));
  const named = mentions.filter((m) => m.start >= after + open[0].length && m.end <= list.end);
  if (!list.names.length || !close || named.some((m) => m.collective)) return null;
  return { names: list.names, end: list.end + close[0].length };
}

/** `Các bộ quản lý ngành, đặc biệt là Bộ X, Bộ Y`: the members named after the collective are doers too. */
function withMembers(names: string[], end: number, mentions: AgencyMention[], folded: string): { names: string[]; end: number } {
  const focus = FOCUS_AT.exec(folded.slice(end));
  const members = focus ? listAt(mentions, folded, end + focus[0].length) : null;
  return members?.names.length ? { names: [...names, ...members.names], end: members.end } : { names, end };
}

/** A collective addressee (`Các bộ, cơ quan chủ quản …`) runs from its head noun up to its first verb or colon. */
function collectivePhrase(text: string, folded: string, at: number, mentions: AgencyMention[]): { phrase: string; end: number } | null {
  const rest = folded.slice(at);
  const head = COLLECTIVE.exec(rest);
  // A known collective's own list (`các bộ, ngành`) is not read on as a list of head nouns.
  if (!head || (head[1] && mentions.some((m) => m.start === at))) return null;
  // A verb inside a known name (`tổ chức` in `tổ chức đảng`) or a unit noun (`viện nghiên cứu`) is a noun there.
  const units = [...rest.slice(0, MAX_COLLECTIVE + UNIT_REACH).matchAll(UNIT_NOUN)].map((u) => ({ start: at + u.index!, end: at + u.index! + u[0].length }));
  const nouns = units.length ? [...mentions, ...units] : mentions;
  const verbs = new RegExp(VERB.source, 'gu');
  let verb: RegExpExecArray | null;
  do verb = verbs.exec(rest);
  while (verb && nouns.some((m) => at + verb!.index >= m.start && at + verb!.index < m.end));
  const colon = rest.indexOf(':');
  const phraseStop = PHRASE_STOP.exec(rest);
  const stop = Math.min(verb ? verb.index : rest.length, colon >= 0 ? colon : rest.length, phraseStop ? phraseStop.index : rest.length);
  if (stop === 0 || stop > MAX_COLLECTIVE || (!verb && colon < 0 && rest.length > MAX_COLLECTIVE)) return null;
  return { phrase: modernUy(text.slice(at, at + stop).replace(/[\s,:]+$/u, '')), end: at + stop };
}

/** The names of an uninterrupted list of mentions starting at `at`. */
function listAt(mentions: AgencyMention[], folded: string, at: number, asWritten = false): { names: string[]; end: number } {
  const names: string[] = [];
  let pos = at;
  let last: AgencyMention | undefined;
  for (;;) {
    const next = mentions.find((m) => m.start >= pos);
    if (!next) break;
    const gap = folded.slice(pos, next.start);
    // Names of one enumeration (`(Đảng ủy Chính phủ; Đảng ủy Quốc hội; …)`) stay one list whatever separates them.
    const sameEnumeration = last?.group !== undefined && last.group === next.group;
    if (names.length && /^\s*-\s*$/u.test(gap) && DASH_TITLE.test(foldName(next.written))) {
      // `Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo`: the same body's second title.
      pos = next.end;
      continue;
    }
    if (names.length ? !LIST_GAP.test(gap) && gap !== '' && !sameEnumeration : gap.trim() !== '') break;
    names.push(...(asWritten && next.collective ? [next.written] : bodiesOf(next)));
    pos = next.end;
    last = next;
  }
  return { names: unique(names), end: pos };
}

/** The words at `at` open with a directive verb (`rà soát`, `khẩn trương`, `phải`, `cần`). */
function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
