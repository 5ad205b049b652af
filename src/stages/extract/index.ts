/**
 * extract: the tasks of a clause tree (CONTRACT.md "What a task is"), with
 * context flowing down from headers: responsible, coordinating and directing
 * agencies, deadline, deliverable.
 */
import type { CellRole, Clause, Doc } from '../../doc/model.ts';
import { hasItems, sourceSpan } from '../../doc/model.ts';
import type { Deadline, Task, TaskField } from '../../schema.ts';
import { cellDeadline, chooseDeadline, countFrom, findDeadlines, NO_DEADLINE, type ChosenDeadline } from './deadline.ts';
import { bodiesOf, findAgencies, foldName, modernUy } from '../../lang/gazetteer.ts';
import { readRoles, type Roles } from './roles.ts';
import { hasActionVerb } from '../../lang/verbs.ts';
import { findDeliverable, sharedReport } from './deliverable.ts';
import { columnRole } from '../../lang/tables.ts';
import { sectionReferences } from './references.ts';
import { headOf, headRegion, taskText } from '../../doc/clauses.ts';
import cues from '../../../data/cues.json' with { type: 'json' };
import grammar from '../../../data/agency-grammar.json' with { type: 'json' };
import { escapeRegExp } from '../../lang/words.ts';
import { groundField, Locator, type Ground, type Reading, type Region } from './evidence.ts';

export interface ExtractOptions {
  /** Only clauses under this path hold tasks (a report's Part II: `II`). @default whole body */
  readonly scope?: string | null;
  /** Or: only the Roman part whose heading has these words (`NHIỆM VỤ`). */
  readonly scopeHeading?: string;
}

interface Context {
  responsible: string[];
  coordinating: string[];
  directing: string[];
  deadline: Deadline | null;
  /** Where the names above were read (a heading's, a lead-in's, a group row's words; the addressee line). */
  names: Map<string, Ground>;
  /** Where the deadline above was read. */
  deadlineAt: Ground | null;
  /** The section reports results or problems, not directives. */
  narrative: boolean;
  /**
   * How the responsible agencies were named above: as the subject of a
   * heading (`c) Bộ Khoa học và Công nghệ`, `Bộ Ngoại giao chủ trì, phối hợp
   * …:`), which makes every item under it theirs; or in a request that
   * introduces the list (`… yêu cầu các cấp ủy, tổ chức đảng, cơ quan, đơn vị
   * tập trung thực hiện … sau:`), which an item that names its own doers
   * overrides.
   */
  addressedBy: 'heading' | 'request' | null;
  /** For numbered sub-items: the report written after the last of them for all (`Báo cáo … kết quả rà soát`), their deliverable when they name none. */
  report?: string | null;
  reportAt?: Ground | null;
}

/** A task before its evidence: what the extractor read, each value with the words it was read from. */
type Draft = Omit<Task, 'evidence' | 'fieldConfidence' | 'reasons'>;
type Readings = Record<TaskField, Reading[]>;
const readingsOf = new WeakMap<Draft, Readings>();

/** Names read from one place. */
const readAt = (names: string[], ground: Ground | null): Reading[] => names.map((value) => ({ value, ground }));
/** Names that flowed down: each from where the context read it. */
const flowed = (names: string[], ctx: Context): Reading[] => names.map((value) => ({ value, ground: ctx.names.get(value) ?? null }));
/** A deadline's phrase, unless there is none. */
const deadlineRead = (deadline: Deadline, ground: Ground | null, choice?: Reading['choice']): Reading[] => (deadline.kind === 'none' || !deadline.text ? [] : [{ value: deadline.text, ground, ...(choice ? { choice } : {}) }]);
const deliverableRead = (deliverable: string | null, ground: Ground | null): Reading[] => (deliverable ? [{ value: deliverable, ground }] : []);
/** Where names were read, with `names` now read at `ground`. */
const namesAt = (known: Map<string, Ground>, names: string[], ground: Ground): Map<string, Ground> => {
  const out = new Map(known);
  for (const name of names) out.set(name, ground);
  return out;
};

/**
 * The deadline of a task's own words and, when its phrases read differently
 * (`trước ngày 30/6 … hằng tháng …`), the choice the extractor made.
 */
function ownDeadline(words: string): { deadline: ChosenDeadline | null; choice?: Reading['choice'] } {
  const found = findDeadlines(words);
  const deadline = chooseDeadline(found);
  if (!deadline || new Set(found.map((d) => `${d.kind} ${d.date} ${d.recurrence}`)).size < 2) return { deadline };
  return { deadline, choice: { ruleId: 'extract:deadline-choice', reason: `"${deadline.text}" chosen of ${found.length} deadline phrases: ${found.map((d) => `"${d.text}"`).join(', ')}` } };
}

const NOT_TASK = cues.notTask.map((p) => new RegExp(p, 'u'));
const ENCLOSURE = new RegExp(cues.enclosureLead, 'u');
/** A leading sentence of praise (`Ghi nhận biểu dương …`) before the work is assigned. */
const PRAISE = new RegExp(`^(?:${cues.praise.join('|')})[^.]*\\.\\s*`, 'u');
const wordsRe = (words: string[]) => new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'u');
const NARRATIVE_SECTION = wordsRe(cues.nonDirectiveSections);
const DIRECTIVE_SECTION = wordsRe(cues.directiveSections);
const AIM_SECTION = new RegExp(cues.aimSections, 'u');
const ISSUING = new RegExp(cues.issuingFormula, 'u');
const ASSIGNED_IN_WORDS = new RegExp(`(?<![\\p{L}])(?:yêu cầu|đề nghị|giao)\\s+(?:các|bộ|ban|văn phòng|cơ quan|đảng|chính phủ|${foldName('ủy ban')}|thủ tướng)`, 'u');
/** `X chủ trì (, phối hợp với …)`: a paragraph that names who leads its sub-items. */
const LEADS = /(?<![\p{L}])chủ trì(?![\p{L}])/u;
const AFTER_ITEMS = /^(?:hoàn thành|có báo cáo|báo cáo|thời gian|thời hạn)[^.;]*[.;]?$/u;
/** Sentences that only say when: what follows the last sub-item for all of them. */
const TAIL_DEADLINE = /^(?:hoàn thành|có báo cáo|báo cáo|thời gian|thời hạn|nhiệm vụ thường xuyên|thường xuyên)|^các cơ quan[^.]{0,40}hoàn thành/u;
const CONTAINER_KINDS = new Set(['sub', 'dash', 'plus', 'letter', 'point', 'subpoint', 'row']);
/** `… thông báo để Ủy ban nhân dân tỉnh X và các Bộ … biết, thực hiện`: whom a Thông báo's conclusions are for. */
const CLOSING_ADDRESSEE = new RegExp(cues.closingAddressee, 'du');
/** Kinds whose addressees (`Kính gửi`, `… điện:`) do every task that names no doer. */
const ADDRESSED_KINDS = new Set(['CÔNG VĂN', 'CÔNG ĐIỆN']);

export function extract(doc: Doc, options: ExtractOptions = {}): Doc {
  if (!doc.root) throw new Error('extract needs a segmented document');
  const tasks: Draft[] = [];
  const scope = options.scope ?? (options.scopeHeading ? partHeaded(doc, options.scopeHeading) : null);
  const number = doc.header?.number ?? '';
  const closing = closingParagraphs(doc.text, doc.root);
  const issuedAt = doc.header?.issuedAt ?? null;
  /** A task table's row: its cells say what, who, by when and producing what; a group row's cells flow to the rows under it. */
  const visitRow = (row: Clause, ctx: Context) => {
    const cell = (role: CellRole) => (row.cells?.[role] ? doc.text.slice(row.cells[role].start, row.cells[role].end) : '');
    const words = cell('task');
    const roles = words ? readRoles(words) : null;
    const responsible = cellAgencies(cell('responsible'));
    const coordinating = cellAgencies(cell('coordinating'));
    const deadline = cell('deadline') ? cellDeadline(cell('deadline')) : null;
    const inCell = (role: CellRole, found: Ground['found'] = 'cell'): Ground => ({ region: row.cells![role]!, found });
    if (row.children.length) {
      // A group row's cells flow to the rows under it, as a heading's words do.
      let names = ctx.names;
      if (responsible.length) names = namesAt(names, responsible, inCell('responsible', 'heading'));
      else if (roles?.responsible.length) names = namesAt(names, roles.responsible, inCell('task', 'heading'));
      if (coordinating.length) names = namesAt(names, coordinating, inCell('coordinating', 'heading'));
      const own: Context = {
        ...ctx,
        responsible: responsible.length ? responsible : roles?.responsible.length ? roles.responsible : ctx.responsible,
        coordinating: coordinating.length ? coordinating : ctx.coordinating,
        deadline: deadline ?? ctx.deadline,
        names,
        deadlineAt: deadline ? inCell('deadline', 'heading') : ctx.deadlineAt,
        addressedBy: 'heading',
      };
      for (const child of row.children) visit(child, own);
      return;
    }
    const span = row.cells?.task ? trimmedSpan(doc.text, row.cells.task.start, row.cells.task.end) : null;
    if (!span || ctx.narrative || !roles) return;
    const doers = responsible.length ? responsible : roles.responsible.length ? roles.responsible : ctx.responsible;
    if (!doers.length) return;
    const product = cell('deliverable').replace(/<br\s*\/?>|[*_]+/giu, ' ').replace(/\s+/gu, ' ').trim();
    // Without a product column the task's own words name what it produces.
    const deliverable = row.cells?.deliverable ? product || null : findDeliverable(words, { listed: true });
    const inWords: Ground = { region: span, found: 'own' };
    const written = ownDeadline(words);
    const chosen = deadline ?? written.deadline ?? ctx.deadline ?? NO_DEADLINE;
    const task: Draft = {
      id: `${number}#${row.path}`,
      clause: row.path,
      text: taskText(words.trim()),
      span,
      sourceSpan: sourceSpan(doc, span.start, span.end),
      responsible: doers,
      coordinating: coordinating.length ? coordinating : roles.coordinating.length ? roles.coordinating : ctx.coordinating,
      directing: roles.directing,
      deadline: asDeadline(chosen, issuedAt),
      deliverable,
      confidence: responsible.length ? 0.9 : 0.7,
    };
    readingsOf.set(task, {
      responsible: responsible.length ? readAt(responsible, inCell('responsible')) : roles.responsible.length ? readAt(roles.responsible, inWords) : flowed(ctx.responsible, ctx),
      coordinating: coordinating.length ? readAt(coordinating, inCell('coordinating')) : roles.coordinating.length ? readAt(roles.coordinating, inWords) : flowed(ctx.coordinating, ctx),
      directing: readAt(roles.directing, inWords),
      deadline: deadlineRead(chosen, deadline ? inCell('deadline') : written.deadline ? inWords : ctx.deadlineAt, deadline ? undefined : written.choice),
      deliverable: deliverableRead(deliverable, row.cells?.deliverable ? inCell('deliverable') : inWords),
    });
    tasks.push(task);
  };
  /**
   * A plan's item whose dash or lettered lines are fields (`- Cơ quan chủ
   * trì: Bộ Công an`, `c) Thời gian thực hiện: năm 2025`): a task table
   * written as a list. The task is the `Nhiệm vụ:` field's words, or each
   * dash under it, or else the item's own words; the other fields are its
   * cells and hold for each of those tasks.
   */
  const visitFielded = (node: Clause, fields: Fields, ctx: Context): void => {
    if (ctx.narrative) return;
    const spans = fields.items.length
      ? fields.items.map((item, k) => ({ path: `${node.path}.d${k + 1}`, span: trimmedSpan(doc.text, item.start, lastEnd(item)) }))
      : [{ path: node.path, span: fields.task ?? trimmedSpan(doc.text, node.start, node.end) }];
    const who = fieldDoers(fields.values.get('responsible') ?? '');
    const responsible = who.responsible;
    const coordinating = unique([...who.coordinating, ...cellAgencies(fields.values.get('coordinating') ?? '')]);
    const deadline = fields.values.get('deadline') ? cellDeadline(fields.values.get('deadline')!) : null;
    const inField = (role: CellRole): Ground | null => (fields.regions.has(role) ? { region: fields.regions.get(role)!, found: 'cell' } : null);
    const fieldNames = new Map<string, Ground | null>([...cellAgencies(fields.values.get('coordinating') ?? '').map((n) => [n, inField('coordinating')] as const), ...[...who.responsible, ...who.coordinating].map((n) => [n, inField('responsible')] as const)]);
    for (const { path, span } of spans) {
      if (!span) continue;
      const words = doc.text.slice(span.start, span.end);
      const roles = readRoles(words);
      const inWords: Ground = { region: span, found: 'own' };
      const written = ownDeadline(words);
      const chosen = deadline ?? written.deadline ?? ctx.deadline ?? NO_DEADLINE;
      const product = fields.values.get('deliverable')?.replace(/[.;]$/u, '').trim();
      const task: Draft = {
        id: `${number}#${path}`,
        clause: path,
        text: taskText(words),
        span,
        sourceSpan: sourceSpan(doc, span.start, span.end),
        responsible: responsible.length ? responsible : roles.responsible.length ? roles.responsible : ctx.responsible,
        coordinating: unique([...coordinating, ...roles.coordinating]),
        directing: roles.directing,
        deadline: asDeadline(chosen, issuedAt),
        deliverable: product || findDeliverable(words, { listed: true }),
        confidence: responsible.length ? 0.9 : 0.7,
      };
      readingsOf.set(task, {
        responsible: responsible.length ? readAt(responsible, inField('responsible')) : roles.responsible.length ? readAt(roles.responsible, inWords) : flowed(ctx.responsible, ctx),
        coordinating: task.coordinating.map((value) => ({ value, ground: fieldNames.has(value) ? fieldNames.get(value)! : inWords })),
        directing: readAt(roles.directing, inWords),
        deadline: deadlineRead(chosen, deadline ? inField('deadline') : written.deadline ? inWords : ctx.deadlineAt, deadline ? undefined : written.choice),
        deliverable: deliverableRead(task.deliverable, product ? inField('deliverable') : inWords),
      });
      tasks.push(task);
    }
  };
  const visit = (whole: Clause, ctx: Context) => {
    if (whole.kind === 'row') return visitRow(whole, ctx);
    const node = withoutEnclosures(doc.text, whole);
    const fields = fieldLines(doc.text, node);
    if (fields) return visitFielded(node, fields, ctx);
    const inScope = !scope || node.path === scope || node.path.startsWith(`${scope}.`) || node.kind === 'root';
    if (!inScope || node.kind === 'recipients') return;
    const hasOwnItems = node.children.some((c) => CONTAINER_KINDS.has(c.kind));
    const paras = continuation(doc.text, node);
    if (!hasOwnItems && !isHeading(doc.text, node)) {
      // Paragraphs under a point with no items of its own carry on its words.
      const end = paras.length ? paras[paras.length - 1].end : node.end;
      const task = readTask(doc, node, node.start, end, ctx, number);
      if (task) tasks.push(task);
      let paraCount = 0;
      const rest = node.children.slice(paras.length).filter((c) => c.kind === 'para' && !c.children.length && !closing.has(c));
      // A point whose own words assign nothing (`2. Bộ trưởng … chịu trách nhiệm thực hiện Kế hoạch này.`) over one paragraph: that paragraph is the point's task.
      const only = !task && rest.length === 1;
      for (const para of rest) {
        const own = readTask(doc, para, para.start, para.end, ctx, number, () => (only ? node.path : `${node.path}.p${++paraCount}`));
        if (own) tasks.push(own);
      }
      return;
    }
    const subs = node.children.filter((c) => c.kind === 'sub');
    const lastSub = subs.at(-1);
    const shared = lastSub ? sharedDeadline(doc.text, lastSub) : null;
    const report = lastSub ? sharedReport(doc.text.slice(lastSub.start, lastSub.end)) : null;
    let own = node.kind === 'root' ? ctx : contextOf(doc.text, headRegion(node), ctx, node);
    let paraCount = 0;
    let seenItem = false;
    let previousTasks = tasks.length;
    // The closing paragraphs of the body are read as the root's own, after the last point.
    const children = node.kind === 'root' ? node.children.flatMap((c) => [c, ...c.children.filter((p) => closing.has(p))]) : node.children;
    const background = node.kind === 'root' ? backgroundBefore(doc.text, children) : 0;
    const paragraphBody = node.kind === 'root' && !hasItems(node);
    for (const [index, child] of children.entries()) {
      const mark = tasks.length;
      if (index < background && (child.kind === 'dash' || child.kind === 'plus') && !ASSIGNED_IN_WORDS.test(foldName(doc.text.slice(child.start, child.end)))) continue;
      if (child.kind === 'sub') {
        const end = shared && child === lastSub ? shared.cut : child.end;
        const tail: Ground | null = shared ? { region: { start: shared.cut, end: lastSub!.end }, found: 'heading' } : null;
        const reportAt: Ground | null = report ? { region: { start: lastSub!.start, end: lastSub!.end }, found: 'heading' } : null;
        const task = readTask(doc, child, child.start, end, { ...own, deadline: shared?.deadline ?? own.deadline, deadlineAt: tail ?? own.deadlineAt, report, reportAt }, number);
        if (task) tasks.push(task);
      } else if (child.kind === 'appendix') {
        // An appendix is a body of its own: what the notice's lead-in asked of its points does not reach it.
        visit(child, ctx);
      } else if (child.kind !== 'para') {
        visit(child, own);
      } else if (child.children.length) {
        // A paragraph with sub-items: in the preamble it lists aims, not tasks, unless it assigns them or names who leads them.
        const head = headOf(child, doc.text);
        if (!isPreamble(node, seenItem) || ASSIGNED_IN_WORDS.test(foldName(head)) || LEADS.test(foldName(head))) visit(child, own);
      } else {
        const words = doc.text.slice(child.start, child.end);
        const after = afterItemsDeadline(words);
        if (seenItem && after) {
          // `Có báo cáo … trong tháng 8/2025` after a list is the deadline of the items just above it.
          for (const task of tasks.slice(previousTasks, mark)) {
            if (!inherited.has(task)) continue;
            task.deadline = after;
            readingsOf.get(task)!.deadline = deadlineRead(after, { region: { start: child.start, end: child.end }, found: 'heading' });
          }
          continue;
        }
        // A paragraph ending in a colon introduces the items after it: its last sentence is their context.
        const intro = introSentence(doc.text, child);
        const before = own;
        if (intro !== null && !ISSUING.test(foldName(doc.text.slice(intro, child.end)))) own = contextOf(doc.text, { start: intro, end: child.end }, own, child);
        const end = intro ?? child.end;
        // Before the first item of a part, a paragraph is preamble: a task there is assigned in words.
        // A body written in paragraphs alone (a Công văn with no items) has no preamble: each paragraph that asks or names its doer is a task.
        if (isPreamble(node, seenItem) && !(paragraphBody ? directsInPresent(doc.text.slice(child.start, end)) : ASSIGNED_IN_WORDS.test(foldName(doc.text.slice(child.start, end))))) continue;
        if (scope && !(node.path === scope || node.path.startsWith(`${scope}.`))) continue;
        // A heading's only paragraph (`c) Bộ Nội vụ` over `Chủ trì, phối hợp …`) is its item: it takes the heading's path.
        const only = node.kind !== 'root' && node.children.length === 1;
        const task = readTask(doc, child, child.start, end, before, number, () => (only ? node.path : `${node.path ? `${node.path}.` : ''}p${++paraCount}`));
        if (task) tasks.push(task);
      }
      if (child.kind !== 'para') seenItem = true;
      previousTasks = mark;
    }
  };
  const implied = impliedDoers(doc);
  const names = new Map(implied.region ? implied.names.map((name) => [name, { region: implied.region!, found: 'implied' as const }]) : []);
  visit(doc.root, { responsible: implied.names, coordinating: [], directing: [], deadline: null, names, deadlineAt: null, narrative: false, addressedBy: implied.names.length ? 'request' : null });
  assignByReference(doc.text, tasks);
  const own = ownGovernment(doc.header?.issuer ?? null);
  const locator = new Locator(doc.text);
  return { ...doc, tasks: tasks.map((draft) => grounded(doc, own ? ownNames(draft, own) : draft, locator)) };
}

/**
 * Tasks that name no doer take the doer of a task that gives it them by
 * number (`Sở Y tế: Chủ trì triển khai các nhiệm vụ tại mục (IV) (5)`); the
 * most specific reference wins (`(IV)(3.4)(a)` over `(IV) (3)`). The names
 * stand where the giving task read them.
 */
function assignByReference(text: string, tasks: Draft[]): void {
  const pointers = tasks.flatMap((task) => (task.responsible.length ? sectionReferences(text.slice(task.span.start, task.span.end)).map((path) => ({ path, task })) : []));
  if (!pointers.length) return;
  for (const task of tasks) {
    if (task.responsible.length) continue;
    const under = pointers.filter((p) => p.task !== task && (task.clause === p.path || task.clause.startsWith(`${p.path}.`)));
    const giver = under.sort((a, b) => b.path.length - a.path.length)[0];
    if (!giver) continue;
    task.responsible = [...giver.task.responsible];
    const choice = { ruleId: 'extract:section-reference', reason: `given by ${giver.task.clause}, which names the tasks at ${giver.path}` };
    readingsOf.get(task)!.responsible = readingsOf.get(giver.task)!.responsible.map((r) => ({ ...r, choice }));
  }
}

/** A province's own government named by the issuer's name, in the task's names and, beside them, the words they were read from. */
function ownNames(draft: Draft, own: (name: string) => string): Draft {
  const readings = readingsOf.get(draft)!;
  const rename = (readings: Reading[]) => {
    const seen = new Set<string>();
    return readings.map((r) => ({ ...r, value: own(r.value) })).filter((r) => !seen.has(r.value) && seen.add(r.value));
  };
  const mapped = { ...readings, responsible: rename(readings.responsible), coordinating: rename(readings.coordinating), directing: rename(readings.directing) };
  const task = { ...draft, responsible: mapped.responsible.map((r) => r.value), coordinating: mapped.coordinating.map((r) => r.value), directing: mapped.directing.map((r) => r.value) };
  readingsOf.set(task, mapped);
  return task;
}

const NAME_FIELDS = ['responsible', 'coordinating', 'directing'] as const;

/**
 * The task with its evidence: each value's words found again where it was
 * read, mapped to the file as read, a confidence per field and the reasons
 * for it.
 */
function grounded(doc: Doc, draft: Draft, locator: Locator): Task {
  const readings = readingsOf.get(draft)!;
  const toSource = (span: Region) => sourceSpan(doc, span.start, span.end);
  const locate = (f: TaskField) => (r: Reading) => (f === 'deadline' ? locator.phrase(r.ground!.region, r.value) : f === 'deliverable' ? locator.deliverable(r.ground!.region, r.value) : locator.name(r.ground!.region, r.value));
  const field = (f: TaskField) => groundField(f, readings[f], locate(f), locator, doc.messages, draft.span);
  const fields = Object.fromEntries(([...NAME_FIELDS, 'deadline', 'deliverable'] as const).map((f) => [f, field(f)])) as Record<TaskField, ReturnType<typeof groundField>>;
  const spans = (f: TaskField) => fields[f].spans.filter((s): s is Region => s !== null).map(toSource);
  const single = (f: TaskField) => spans(f)[0] ?? null;
  return {
    ...draft,
    evidence: { responsible: spans('responsible'), coordinating: spans('coordinating'), directing: spans('directing'), deadline: single('deadline'), deliverable: single('deliverable') },
    fieldConfidence: { responsible: fields.responsible.confidence, coordinating: fields.coordinating.confidence, directing: fields.directing.confidence, deadline: fields.deadline.confidence, deliverable: fields.deliverable.confidence },
    reasons: (Object.keys(fields) as TaskField[]).flatMap((f) => fields[f].reasons.map(({ start, end, ...r }) => ({ field: f, ...r, ...toSource({ start, end }) }))),
  };
}

/**
 * A province's Ủy ban nhân dân writes itself `Ủy ban nhân dân Tỉnh` /
 * `Thành phố` without its name: in its own documents that is the issuer.
 */
const OWN_LEVEL = new RegExp(`^(${foldName('Ủy ban nhân dân')} (?:tỉnh|thành phố))\\s+\\S`, 'u');

function ownGovernment(issuer: string | null): ((name: string) => string) | null {
  const level = issuer ? OWN_LEVEL.exec(foldName(issuer))?.[1] : undefined;
  return level ? (name) => (foldName(name) === level ? issuer! : name) : null;
}

/**
 * Who does what an item does not assign, as the genre says: a Công văn's or
 * Công điện's addressees; a Thông báo's body named in its closing formula
 * (`thông báo để Ủy ban nhân dân tỉnh Phú Thọ … biết, thực hiện`).
 */
function impliedDoers(doc: Doc): { names: string[]; region: Region | null } {
  const header = doc.header;
  if (header && ADDRESSED_KINDS.has(header.kind ?? '') && header.addressees.length) return { names: header.addressees, region: addresseeLines(doc.text) };
  const closing = CLOSING_ADDRESSEE.exec(doc.text);
  const first = closing ? findAgencies(closing[1])[0] : undefined;
  // `… để các cơ quan liên quan biết` names no one in particular.
  if (!closing || !first || first.start !== 0 || first.collective) return { names: [], region: null };
  const at = closing.indices![1][0];
  return { names: [first.name], region: { start: at, end: closing.indices![1][1] } };
}

const ADDRESSEES_OPEN = /^[ \t]*(?:[-•][ \t]*)?Kính gửi|(?<![\p{L}])điện[ \t]*:[ \t]*$/mu;
/** How far the addressee lines run after `Kính gửi` at most (read-header reads up to 40 lines). */
const ADDRESSEE_REACH = 4000;

/** Where the addressees stand: from `Kính gửi` (a Công điện's `… điện:`) on. */
function addresseeLines(text: string): Region | null {
  const opens = ADDRESSEES_OPEN.exec(text);
  return opens ? { start: opens.index, end: Math.min(text.length, opens.index + ADDRESSEE_REACH) } : null;
}

/** `Cơ quan chủ trì: …` — a field's label, then its value. */
const TASK_FIELD = /^nhiệm vụ/u;
/** An item's heading that only counts it: `Hoạt động 1`, `Nhiệm vụ 2`. */
const BARE_LABEL = /^(?:hoạt động|nhiệm vụ|nội dung|giải pháp)?\s*\d*\s*[.:]?$/u;

/**
 * A doer field's bodies: a list of names (`Bộ Công an, Bộ Tư pháp`), or
 * sentences that say who leads and who joins (`Sở Nội vụ chủ trì, phối hợp
 * với các sở …`; several, one per line, joined by `;`).
 */
function fieldDoers(value: string): { responsible: string[]; coordinating: string[] } {
  if (!/chủ trì|phối hợp/u.test(foldName(value))) return { responsible: cellAgencies(value), coordinating: [] };
  const responsible: string[] = [];
  const coordinating: string[] = [];
  for (const sentence of value.split(/\s*;\s*/u)) {
    const roles = readRoles(sentence);
    responsible.push(...(roles.responsible.length ? roles.responsible : cellAgencies(sentence.split(/\s+(?:chủ trì|phối hợp)/u)[0])));
    coordinating.push(...roles.coordinating);
  }
  return { responsible: unique(responsible), coordinating: unique(coordinating) };
}
const FIELD_LINE = /^([^:]{4,40}):\s*(.*)$/su;

interface Fields {
  values: Map<CellRole, string>;
  /** Where each value's line stands. */
  regions: Map<CellRole, Region>;
  /** The `Nhiệm vụ:` field's words, when written on its line. */
  task: { start: number; end: number } | null;
  /** The dashes under a `Nhiệm vụ:` field written alone: one task each. */
  items: Clause[];
}

/**
 * The fields of an item whose dash or lettered lines are `label: value` with a
 * table column's label, when at least two are (a `b) Cơ quan thực hiện:`
 * line over `- Đơn vị chủ trì: …` / `- Đơn vị phối hợp: …` is read through).
 */
function fieldLines(text: string, node: Clause): Fields | null {
  if (node.kind !== 'point' && node.kind !== 'subpoint' && node.kind !== 'letter' && node.kind !== 'dash') return null;
  const fields: Fields = { values: new Map(), regions: new Map(), task: null, items: [] };
  const set = (role: CellRole, value: string, region: Region) => {
    fields.values.set(role, value);
    fields.regions.set(role, region);
  };
  const read = (children: Clause[], nested: boolean) => {
    for (const child of children) {
      if (child.kind !== 'dash' && child.kind !== 'letter' && child.kind !== 'plus') continue;
      const raw = text.slice(child.start, child.end);
      const trimmed = raw.trim();
      const line = FIELD_LINE.exec(trimmed);
      const role = line ? columnRole(line[1]) : null;
      if (!line || !role || role === 'number') continue;
      const value = line[2].replace(/\s+/gu, ' ').trim().replace(/[.;,]+$/u, '');
      if (role === 'task') {
        // `Nhiệm vụ:` is the task; `Nội dung:` is too under a bare label (`a) Hoạt động 1`), else it describes the task the heading names.
        if (nested || !(TASK_FIELD.test(foldName(line[1])) || BARE_LABEL.test(foldName(text.slice(node.start, node.end).trim())))) continue;
        const at = child.start + (raw.length - raw.trimStart().length) + trimmed.length - line[2].length;
        if (fields.task || fields.items.length) continue;
        if (value) fields.task = trimmedSpan(text, at, lastEnd(child));
        else fields.items = child.children.filter((c) => c.kind === 'dash' || c.kind === 'plus');
      } else if (!value && role === 'deadline' && child.children.length) {
        // A time field over dated steps (`+ … trước ngày 15/12`, `+ … trước ngày 31/12`): the task is done with its last step.
        const last = child.children[child.children.length - 1];
        set(role, text.slice(last.start, lastEnd(last)), { start: last.start, end: lastEnd(last) });
      } else if (!value && role === 'responsible' && child.children.every((c) => !FIELD_LINE.test(text.slice(c.start, c.end).trim()) || !columnRole(FIELD_LINE.exec(text.slice(c.start, c.end).trim())![1]))) {
        // `- Cơ quan thực hiện:` over `+ Sở X chủ trì …` / `+ Sở Y đăng tải …`: each line names its doers.
        set(role, child.children.map((c) => text.slice(c.start, lastEnd(c)).trim()).join('; '), { start: child.start, end: child.children.length ? lastEnd(child.children[child.children.length - 1]) : child.end });
      } else if (!value && !nested && child.children.length) read(child.children, true);
      else if (value && !fields.values.has(role)) set(role, value, { start: child.start, end: child.end });
    }
  };
  read(node.children, false);
  const tasks = fields.task || fields.items.length ? 1 : 0;
  return fields.values.size + tasks >= 2 ? fields : null;
}

/** Where a clause's words end, its unmarked paragraphs included. */
function lastEnd(node: Clause): number {
  const paras = node.children.filter((c) => c.kind === 'para' && !c.children.length);
  return paras.length ? Math.max(node.end, paras[paras.length - 1].end) : node.end;
}

/**
 * The bodies a table cell names (`Sở Tài chính, Sở Nội vụ`, `UBND các xã,
 * phường`), canonical; words the gazetteer does not know stand as written,
 * a run under one `các` (`các cơ quan báo chí, phát thanh, truyền hình`) as
 * one collective. A cell that goes on to say what each does (`Bộ Công an
 * tiến hành rà soát …; các bộ …`) keeps only its names.
 */
function cellAgencies(cell: string): string[] {
  const words = cell.replace(/<br\s*\/?>|[*_]+/giu, ' ').replace(/\s+/gu, ' ').trim().replace(/[.;,]$/u, '');
  if (!words) return [];
  const names: string[] = [];
  let at = 0;
  let collective = false;
  for (const m of [...findAgencies(words), { start: words.length, end: words.length, name: '', written: '', collective: false }]) {
    const gap = words.slice(at, m.start);
    const widens = collective && /^,\s*\p{Ll}[^;]*$/u.exec(gap.replace(/(?:,|\s+và)?\s*$/u, ''));
    if (widens && !hasActionVerb(widens[0])) {
      // `các cơ quan báo chí, phát thanh, truyền hình khác`: the nouns after a collective widen it.
      names[names.length - 1] += widens[0].replace(/\s+$/u, '');
    } else {
      for (const part of gap.split(/\s*;\s*/u)) {
        const piece = part.replace(/^[\s,]+|[\s,]+$/gu, '').replace(/^và(?:\s+|$)|\s+và$/gu, '');
        const items = /^(?:các|những)\s/iu.test(piece) ? [piece] : piece.split(/\s*,\s*/u);
        for (const item of items) if (/\p{L}{2}/u.test(item) && !hasActionVerb(item)) names.push(modernUy(item.charAt(0).toUpperCase() + item.slice(1)));
      }
    }
    if (m.name) names.push(...bodiesOf(m));
    collective = Boolean(m.collective);
    at = m.end;
  }
  return unique(names);
}

/** The contract's deadline: a relative one counted from the signing gets its date from `issuedAt`. */
function asDeadline(chosen: ChosenDeadline | Deadline, issuedAt: string | null): Deadline {
  const { counted, ...deadline } = chosen as ChosenDeadline;
  return counted?.fromSigning && issuedAt && deadline.kind === 'relative' ? { ...deadline, date: countFrom(issuedAt, counted) } : deadline;
}

/**
 * The paragraphs that close the body of a notice: after its last numbered
 * point come the concluding paragraphs (`Năm 2026 là năm đầu … Các cơ quan,
 * đơn vị, địa phương phải hành động quyết liệt …`) and the closing formula
 * (`… thông báo để … biết, thực hiện.`). They conclude the whole body, not
 * that point: from the first one that does not carry on the point's words,
 * they stand at the top level.
 */
function closingParagraphs(text: string, root: Clause): Set<Clause> {
  // The body runs up to the recipients block or an appendix; its last clause must be a numbered point with no items.
  const end = root.children.findIndex((c) => c.kind === 'recipients' || c.kind === 'appendix');
  const last = root.children[(end < 0 ? root.children.length : end) - 1];
  if (last?.kind !== 'point' || last.children.some((c) => CONTAINER_KINDS.has(c.kind))) return new Set();
  const carried = continuation(text, last).length;
  return new Set(last.children.slice(carried).filter((c) => c.kind === 'para' && !c.children.length));
}

/** The paragraphs that carry on a point's words, up to a closing formula (`… thông báo để các đồng chí … biết, thực hiện`). */
function continuation(text: string, node: Clause): Clause[] {
  const paras: Clause[] = [];
  for (const child of node.children) {
    const words = text.slice(child.start, child.end);
    // A paragraph that names its own doer up front is a task of its own.
    if (child.kind !== 'para' || child.children.length || NOT_TASK.some((re) => re.test(foldName(words))) || namesOwnDoers(words)) break;
    paras.push(child);
  }
  return paras;
}

/** A paragraph whose subject, or the subject of a later sentence of it, is an agency: a task of its own. */
function namesOwnDoers(words: string): boolean {
  const roles = readRoles(words);
  return roles.subjectEnd > 0 || roles.sentenceDoers.length > 0;
}

const NUMBERED_KINDS = new Set(['section', 'part', 'article', 'point', 'subpoint', 'letter']);

/**
 * Where the background of a body ends: a lead-in ending in `:` right before
 * its first numbered point (`Để hoàn thành nhiệm vụ nêu trên, Tổng cục Thuế
 * yêu cầu …:`) closes it, so the dashes above it (what went well, what did
 * not) are the reasons for the points, not tasks. 0 when there is no such lead-in.
 */
function backgroundBefore(text: string, children: Clause[]): number {
  const first = children.findIndex((c) => NUMBERED_KINDS.has(c.kind));
  const lead = first > 0 ? children[first - 1] : null;
  return lead?.kind === 'para' && text.slice(lead.start, lead.end).trimEnd().endsWith(':') ? first - 1 : 0;
}

const PAST = wordsRe(cues.pastNarrative.map((w) => w.trim()));

/**
 * A sentence of the paragraph asks someone (`đề nghị bộ, ngành …`) or names
 * its doer (`Bộ X chủ trì …`, `Trên cơ sở …, Bộ X làm việc với …`) and does
 * not tell what was done before (`Bộ Nội vụ đã có Văn bản … đề nghị …`).
 */
function directsInPresent(words: string): boolean {
  return words.split(/(?<=[.!?])\s+(?=\p{Lu})/u).some((sentence) => {
    const folded = foldName(sentence);
    const asks = ASSIGNED_IN_WORDS.exec(folded);
    const roles = readRoles(sentence);
    const at = asks ? asks.index : roles.responsible.length ? roles.subjectEnd : -1;
    return at >= 0 && !PAST.test(folded.slice(0, at + 40)) && hasActionVerb(sentence);
  });
}

/**
 * `3. Chỉ đạo đầu mối … cập nhật nội dung. Bộ Tài chính gửi kèm bộ Cẩm nang
 * gồm:` over dashes: the last sentence lists what the letter encloses, and
 * the dashes under it are those enclosures, not tasks; the clause is its
 * words before that sentence.
 */
function withoutEnclosures(text: string, node: Clause): Clause {
  const own = text.slice(node.start, node.end).trimEnd();
  const sentences = [...own.matchAll(/(?:^|[.;]\s+)(?=\p{Lu})/gu)];
  const last = sentences.at(-1);
  if (!last || !ENCLOSURE.test(foldName(own.slice(last.index! + last[0].length)))) return node;
  const children = node.children.filter((c) => c.kind === 'para' || c.kind === 'sub');
  return { ...node, end: node.start + last.index! + (last.index ? 1 : 0), children };
}

/** Before the first item of the body, of a part or of an appendix. */
function isPreamble(parent: Clause, seenItem: boolean): boolean {
  return !seenItem && (parent.kind === 'root' || parent.kind === 'section' || parent.kind === 'part' || parent.kind === 'appendix');
}

/** A heading groups items: the root, a part, an appendix, or a point whose words end without punctuation. */
function isHeading(text: string, node: Clause): boolean {
  if (node.kind === 'root' || node.kind === 'section' || node.kind === 'part' || node.kind === 'appendix') return true;
  const own = text.slice(node.start, node.end).trim();
  // `1. Quán triệt … về nhiệm vụ quốc phòng:` over unmarked paragraphs introduces them: each is an item.
  const introduces = own.endsWith(':') && node.children.filter((c) => c.kind === 'para').length >= 2;
  return node.children.length > 0 && own.length < 240 && (introduces || !/[.;:!?…)]$/u.test(own));
}

/** A paragraph that is only a deadline for what stands above it. */
function afterItemsDeadline(words: string): Deadline | null {
  const folded = foldName(words.trim());
  if (folded.length > 200 || !AFTER_ITEMS.test(folded)) return null;
  return chooseDeadline(findDeadlines(words));
}

function partHeaded(doc: Doc, words: string): string | null {
  const wanted = foldName(words);
  const part = doc.root!.children.find((c) => c.kind === 'part' && foldName(doc.text.slice(c.start, c.end)).includes(wanted));
  return part?.path ?? null;
}

/** What a heading (the words of `region`) passes down to the items under it, with where it read each name and its deadline. */
function contextOf(text: string, region: Region, ctx: Context, node: Clause): Context {
  const head = text.slice(region.start, region.end).trim();
  const folded = foldName(head);
  let narrative = ctx.narrative;
  if (node.kind === 'section' || node.kind === 'part' || node.kind === 'point' || node.kind === 'subpoint' || node.kind === 'appendix') {
    // `I. MỤC ĐÍCH, YÊU CẦU`, `1. Mục tiêu`: what a plan aims at, not what it assigns.
    if (AIM_SECTION.test(folded.trim())) narrative = true;
    else if (DIRECTIVE_SECTION.test(folded)) narrative = false;
    else if (NARRATIVE_SECTION.test(folded)) narrative = true;
  }
  const roles = readRoles(head);
  // `Để …, thành phố Đà Nẵng cần tập trung thực hiện một số nội dung sau:` under `I. ĐÁNH GIÁ CHUNG`: the assessment ends where a lead-in assigns the points below it.
  if (narrative && node.kind === 'para' && (roles.responsible.length || roles.assigned.length) && head.trimEnd().endsWith(':')) narrative = false;
  if (!roles.responsible.length && !roles.assigned.length && node.kind !== 'root') {
    const named = headingDoer(head);
    if (named) roles.responsible = [named];
  }
  const deadline = chooseDeadline(findDeadlines(head));
  const addressedBy = roles.responsible.length ? 'heading' : roles.assigned.length ? 'request' : ctx.addressedBy;
  // `… yêu cầu các cấp ủy, tổ chức đảng:` hands the items below to those it names.
  if (!roles.responsible.length) roles.responsible = roles.assigned;
  const here: Ground = { region, found: 'heading' };
  return {
    responsible: roles.responsible.length ? roles.responsible : ctx.responsible,
    coordinating: roles.coordinating.length ? roles.coordinating : roles.responsible.length ? [] : ctx.coordinating,
    directing: roles.directing.length ? roles.directing : roles.responsible.length ? [] : ctx.directing,
    deadline: deadline ?? ctx.deadline,
    names: namesAt(ctx.names, [...roles.responsible, ...roles.coordinating, ...roles.directing], here),
    deadlineAt: deadline ? here : ctx.deadlineAt,
    narrative,
    addressedBy,
  };
}

const DOER_HEADING = new RegExp(
  `^(?:${[...grammar.doerHeadings, ...grammar.officeHolders, ...grammar.namedHeads, ...grammar.sectorHeads, ...grammar.localGovernment].map((h) => escapeRegExp(foldName(h))).join('|')})\\s`,
  'u',
);
const DOER_HEADING_LEAD = new RegExp(`^(?:${grammar.doerHeadingLeads.map(escapeRegExp).join('|')})\\s+`, 'u');

/**
 * A heading that is only a doer's name, which the gazetteer does not know
 * (`Trưởng Ban Chỉ đạo`, `Đối tượng thực hiện kiểm kê`, `Nhiệm vụ của Cơ quan
 * quản lý cấp trên`): short, one phrase, opening with a doer's head noun.
 */
function headingDoer(head: string): string | null {
  const words = head.replace(/[*_]+/gu, '').replace(/\s+/gu, ' ').trim().replace(/:$/u, '').trim();
  const lead = DOER_HEADING_LEAD.exec(foldName(words));
  const name = words.slice(lead ? lead[0].length : 0).split(/\s+-\s+/u)[0].trim();
  if (!name || name.length > 80 || /[.;,:!?()]/u.test(name) || !DOER_HEADING.test(foldName(name))) return null;
  return modernUy(name.charAt(0).toUpperCase() + name.slice(1));
}

/** Where the last sentence of a paragraph that ends in a colon starts; null for other paragraphs. */
function introSentence(text: string, para: Clause): number | null {
  const words = text.slice(para.start, para.end).trimEnd();
  if (!words.endsWith(':')) return null;
  // A `;` before a capital separates addressees (`… các Quận, Huyện; Thủ trưởng các Sở …:`), not sentences.
  const breaks = [...words.matchAll(/[.]\s+(?=\p{Lu})/gu)];
  return breaks.length ? para.start + breaks[breaks.length - 1].index! + 1 : para.start;
}

/**
 * Deadline sentences after the last sub-item (`Hoàn thành trong quý I/2026.`,
 * `Nhiệm vụ thường xuyên.`) are written for all the sub-items: they leave the
 * last one's text and flow to each.
 */
function sharedDeadline(text: string, last: Clause): { cut: number; deadline: Deadline } | null {
  const own = text.slice(last.start, last.end);
  let cut = -1;
  for (const b of [...own.matchAll(/[.;]\s+(?=\p{Lu})/gu)].reverse()) {
    if (!TAIL_DEADLINE.test(foldName(own.slice(b.index! + 1).trim()))) break;
    cut = b.index! + 1;
  }
  if (cut < 0) return null;
  const deadline = chooseDeadline(findDeadlines(own.slice(cut)));
  return deadline ? { cut: last.start + cut, deadline } : null;
}

function readTask(doc: Doc, node: Clause, start: number, end: number, ctx: Context, number: string, paraPath?: () => string): Draft | null {
  const span = trimmedSpan(doc.text, start, end);
  if (!span || ctx.narrative) return null;
  let words = doc.text.slice(span.start, span.end);
  // `Ghi nhận, biểu dương … . Giao X …`: the praise is not the task, what follows it may be.
  const praise = PRAISE.exec(foldName(words));
  if (praise) {
    const rest = trimmedSpan(doc.text, span.start + praise[0].length, span.end);
    if (!rest) return null;
    span.start = rest.start;
    words = doc.text.slice(span.start, span.end);
  }
  // Numbered sub-items and plus items are tasks by the contract's granularity, verb or not.
  const listed = node.kind === 'sub' || node.kind === 'plus';
  if (!isDirective(words, ctx, listed)) return null;
  const roles = readRoles(words);
  const merged = mergeRoles(roles, ctx);
  const written = ownDeadline(words);
  const own = written.deadline;
  const deadline = asDeadline(own ?? ctx.deadline ?? NO_DEADLINE, doc.header?.issuedAt ?? null);
  const clause = paraPath ? paraPath() : node.path;
  const confidence = merged.responsible.length ? (roles.responsible.length || ctx.responsible.length ? 0.9 : 0.7) : 0.5;
  const ownDeliverable = findDeliverable(words.slice(roles.subjectEnd), { listed });
  const task: Draft = {
    id: `${number}#${clause}`,
    clause,
    text: taskText(words),
    span,
    sourceSpan: sourceSpan(doc, span.start, span.end),
    responsible: merged.responsible,
    coordinating: merged.coordinating,
    directing: merged.directing,
    deadline,
    deliverable: ownDeliverable ?? ctx.report ?? null,
    confidence,
  };
  const inWords: Ground = { region: span, found: 'own' };
  const names = (role: (typeof NAME_FIELDS)[number]) => (merged.from[role] === 'own' ? readAt(merged[role], inWords) : flowed(merged[role], ctx));
  const responsible = names('responsible');
  // One reason for the field, on its first name's words.
  if (merged.choice && responsible.length) responsible[0].choice = merged.choice;
  readingsOf.set(task, {
    responsible,
    coordinating: names('coordinating'),
    directing: names('directing'),
    deadline: deadlineRead(deadline, own ? inWords : ctx.deadlineAt, written.choice),
    deliverable: deliverableRead(task.deliverable, ownDeliverable ? { region: { start: span.start + roles.subjectEnd, end: span.end }, found: 'own' } : (ctx.reportAt ?? null)),
  });
  if (!own) inherited.add(task);
  return task;
}

/** Tasks whose deadline flowed down rather than being written in their words. */
const inherited = new WeakSet<Draft>();

function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  const raw = text.slice(start, end);
  const s = start + (raw.length - raw.trimStart().length);
  const e = start + raw.trimEnd().length;
  return e > s ? { start: s, end: e } : null;
}

/**
 * An item's own words override what flows down from its header. Doers it
 * names later on (`… . Bộ X rà soát …`, `Giao Y …`, `Yêu cầu Z …`) join its
 * subject; without a subject they stand for the item's doers, unless a
 * heading above names the addressee outright (`d) Các cơ quan Trung ương và
 * địa phương`): under such a heading the items are the heading's, and a
 * sentence naming a collective inside one restates it.
 */
function mergeRoles(roles: Roles, ctx: Context): Merged {
  const named = unique([...roles.sentenceDoers, ...roles.assigned]);
  const ownWords = { responsible: 'own', coordinating: 'own', directing: 'own' } as const;
  // The item's own doers stand in for those a heading or lead-in named: a choice between two readings (the genre's default doers only wait for the task's own).
  const overrides = (names: string[]): Reading['choice'] => {
    const passed = ctx.responsible.filter((n) => ctx.names.get(n)?.found === 'heading' && !names.includes(n));
    return passed.length ? { ruleId: 'extract:own-doers', reason: `the task names its own doers; ${passed.map((n) => `"${n}"`).join(', ')} from above not taken` } : undefined;
  };
  if (roles.directedByContext) return { responsible: roles.responsible, coordinating: roles.coordinating, directing: ctx.responsible, from: { ...ownWords, directing: 'context' } };
  if (roles.responsible.length) {
    const responsible = unique([...roles.responsible, ...named]);
    return { responsible, coordinating: roles.coordinating, directing: roles.directing, from: ownWords, choice: overrides(responsible) };
  }
  if (named.length && (!ctx.responsible.length || ctx.addressedBy !== 'heading')) return { responsible: named, coordinating: roles.coordinating, directing: [], from: ownWords, choice: overrides(named) };
  return {
    responsible: ctx.responsible,
    coordinating: roles.coordinating.length ? roles.coordinating : ctx.coordinating,
    directing: ctx.directing,
    from: { responsible: 'context', coordinating: roles.coordinating.length ? 'own' : 'context', directing: 'context' },
    // Under a heading that names the addressee, doers named in the words restate it.
    choice: named.length ? { ruleId: 'extract:heading-doers', reason: `the heading above names the doers; ${named.map((n) => `"${n}"`).join(', ')} in the task read as restating them` } : undefined,
  };
}

interface Merged extends Pick<Roles, 'responsible' | 'coordinating' | 'directing'> {
  /** Whether each role's names are the task's own or passed down. */
  from: Record<'responsible' | 'coordinating' | 'directing', 'own' | 'context'>;
  choice?: Reading['choice'];
}

const unique = (names: string[]) => [...new Set(names)];

function isDirective(words: string, ctx: Context, listed: boolean): boolean {
  const folded = foldName(words);
  if (NOT_TASK.some((re) => re.test(folded))) return false;
  if (listed) return true;
  if (!hasActionVerb(words)) return false;
  // A statement of what has been done is a result, not a directive.
  const firstClause = folded.split(/[,;:]/u)[0];
  if (/(?<![\p{L}])(?:đã|vẫn còn|còn nhiều|chưa)(?![\p{L}])/u.test(firstClause) && !ctx.responsible.length) return false;
  return true;
}
