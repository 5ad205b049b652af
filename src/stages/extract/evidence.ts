/**
 * Where a task's field values stand in the text: each name, deadline phrase
 * and deliverable found again in the words it was read from (the task's own,
 * a heading's or lead-in's, a table cell's, the addressee line), and how sure
 * the extractor is of each field, from how it was found.
 */
import { aliasesOf, bodiesOf, findAgencies, foldName, type AgencyMention } from '../../lang/gazetteer.ts';
import type { Message } from '../../doc/model.ts';
import type { TaskField } from '../../schema.ts';
import { escapeRegExp } from '../../lang/words.ts';

/** Offsets into the working text. */
export interface Region {
  start: number;
  end: number;
}

/**
 * How a value was found: in the task's own words, in a table cell or a
 * field line (`Cơ quan chủ trì: …`), in a heading or lead-in above the task,
 * or implied by the genre (a Công văn's addressees, a Thông báo's closing formula).
 */
export type Found = 'own' | 'cell' | 'heading' | 'implied';

/** The words a value was read from, and how. */
export interface Ground {
  region: Region;
  found: Found;
}

/** Confidence by how a value was found: the further its words stand from the task, the less sure. */
const FOUND_CONFIDENCE: Record<Found, number> = { own: 0.9, cell: 0.9, heading: 0.8, implied: 0.6 };
/** What a field's confidence loses when the extractor chose between readings, or a name is not in the gazetteer. */
const CHOICE_COST = 0.2;
const UNKNOWN_NAME_COST = 0.15;
/** A field whose words were not found, or that repair was unsure of, is at most this sure. */
const NOT_FOUND = 0.2;
const REPAIRED = 0.5;
/** A task with no doer is a task nobody was found for. */
const NO_DOER = 0.3;
/** An optional field that is empty: nothing was read, and nothing is there to check. */
const EMPTY = 0.8;

/** Between the words of a value: spaces, line breaks, a table's `<br>` and emphasis marks. */
const GAP = '(?:\\s|<br\\s*/?>|[*_])+';

/** A field's grounding in working offsets, before it is mapped to the file as read. */
export interface FieldGround {
  spans: (Region | null)[];
  confidence: number;
  reasons: { ruleId: string; reason: string; start: number; end: number }[];
}

/** Finds values again in one document's working text; agency mentions are read once per region. */
export class Locator {
  private mentions = new Map<string, AgencyMention[]>();
  private known = new Map<string, boolean>();

  constructor(readonly text: string) {}

  /** The words of `phrase` in the region, whatever spaces and table markup stand between them. */
  phrase(region: Region, phrase: string, from = region.start): Region | null {
    const words = foldName(phrase).split(/\s+/u).filter(Boolean);
    if (!words.length || from >= region.end) return null;
    const body = words.map(escapeRegExp).join(GAP);
    const folded = foldName(this.text.slice(from, region.end));
    // Whole words first; a phrase a rule cut inside a word (`o kết quả …` of `báo kết quả …`) as it stands.
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u').exec(folded) ?? new RegExp(body, 'u').exec(folded);
    return m ? { start: from + m.index, end: from + m.index + m[0].length } : null;
  }

  /** A name's mention in the region: the gazetteer's reading of the words, else the name or one of its aliases as written. */
  name(region: Region, name: string): Region | null {
    const hit = this.mentionsIn(region).find((m) => m.name === name || bodiesOf(m).includes(name));
    if (hit) return { start: region.start + hit.start, end: region.start + hit.end };
    for (const form of [name, ...aliasesOf(name)]) {
      const at = this.phrase(region, form);
      if (at) return at;
    }
    return null;
  }

  /**
   * A deliverable's words: each of its phrases (`A; B`) in order. A phrase
   * the extractor put together (`báo cáo kết quả rà soát` from `Báo cáo Ban
   * Chỉ đạo kết quả rà soát`) spans its first words to its last.
   */
  deliverable(region: Region, deliverable: string): Region | null {
    let at = region.start;
    let start = -1;
    for (const part of deliverable.split(/;\s+/u)) {
      const found = this.phrase(region, part, at) ?? this.ends(region, part, at);
      if (!found) return null;
      if (start < 0) start = found.start;
      at = found.end;
    }
    return start < 0 ? null : { start, end: at };
  }

  /** Whether the gazetteer reads the whole name as one body. */
  isKnown(name: string): boolean {
    if (!this.known.has(name)) this.known.set(name, findAgencies(name).some((m) => m.start === 0 && m.end >= name.trimEnd().length));
    return this.known.get(name)!;
  }

  private ends(region: Region, phrase: string, from: number): Region | null {
    const words = phrase.split(/\s+/u).filter(Boolean);
    for (let k = words.length - 1; k >= 1; k--) {
      const head = this.phrase(region, words.slice(0, k).join(' '), from);
      if (!head) continue;
      for (let j = words.length - k; j >= 1; j--) {
        const tail = this.phrase(region, words.slice(words.length - j).join(' '), head.end);
        if (tail) return { start: head.start, end: tail.end };
      }
    }
    return null;
  }

  private mentionsIn(region: Region): AgencyMention[] {
    const key = `${region.start}:${region.end}`;
    if (!this.mentions.has(key)) this.mentions.set(key, findAgencies(this.text.slice(region.start, region.end)));
    return this.mentions.get(key)!;
  }
}

/** A value to ground: where it was read, how, and any choice the extractor made for it. */
export interface Reading {
  value: string;
  ground: Ground | null;
  /** The extractor chose this reading over others (reason and rule id), on the value's words. */
  choice?: { ruleId: string; reason: string };
}

/** Repair's unsure words (`repair:` warnings) inside a span. */
function unsureIn(messages: Message[], span: Region): Message[] {
  return messages.filter((m) => m.ruleId.startsWith('repair:') && m.severity !== 'info' && m.start < span.end && m.end > span.start);
}

/**
 * One field's spans, confidence and reasons. A name field's confidence is
 * its weakest name's; an empty field is `EMPTY` sure, an empty doer list `NO_DOER`.
 */
export function groundField(field: TaskField, readings: Reading[], locate: (r: Reading) => Region | null, locator: Locator, messages: Message[], task: Region): FieldGround {
  const out: FieldGround = { spans: [], confidence: readings.length ? 1 : field === 'responsible' ? NO_DOER : EMPTY, reasons: [] };
  if (!readings.length && field === 'responsible') out.reasons.push({ ruleId: 'extract:no-doer', reason: 'no responsible agency found in the task, above it or in the addressees', ...task });
  for (const reading of readings) {
    const span = reading.ground ? locate(reading) : null;
    out.spans.push(span);
    let confidence = reading.ground ? FOUND_CONFIDENCE[reading.ground.found] : NOT_FOUND;
    if (!span) {
      confidence = NOT_FOUND;
      out.reasons.push({ ruleId: 'extract:evidence-missing', reason: `the words of "${reading.value}" were not found ${reading.ground ? `where it was read (${reading.ground.found})` : 'in the text'}`, ...(reading.ground?.region ?? task) });
    } else {
      if (reading.choice) {
        confidence -= CHOICE_COST;
        out.reasons.push({ ...reading.choice, ...span });
      }
      if (field !== 'deadline' && field !== 'deliverable' && !locator.isKnown(reading.value)) {
        confidence -= UNKNOWN_NAME_COST;
        out.reasons.push({ ruleId: 'extract:unknown-name', reason: `"${reading.value}" is not a name the gazetteer knows`, ...span });
      }
      for (const m of unsureIn(messages, span)) {
        confidence = Math.min(confidence, REPAIRED);
        out.reasons.push({ ruleId: m.ruleId, reason: `repair inside the words of "${reading.value}": ${m.reason}`, start: m.start, end: m.end });
      }
    }
    out.confidence = Math.min(out.confidence, confidence);
  }
  out.confidence = Math.round(out.confidence * 100) / 100;
  return out;
}
