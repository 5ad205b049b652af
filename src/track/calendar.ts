/**
 * `chidao calendar`: each dated deadline as an all-day iCalendar event
 * (RFC 5545, written by ical-generator), a recurring task as one event on its
 * first report day with an RRULE for the rest (the days status.ts counts).
 * An extended task sits on its latest deadline, the original in its
 * description; withdrawn tasks and those without a date are left out.
 */
import { createHash } from 'node:crypto';
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { Deadline } from '../schema.ts';
import type { StatusRow } from './rows.ts';
import { firstOccurrence, MONTHS } from './status.ts';

/** A plain date as the UTC midnight ical-generator writes back as that same DATE. */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

function repeating(recurrence: NonNullable<Deadline['recurrence']>) {
  if (recurrence === 'weekly') return { freq: ICalEventRepeatingFreq.WEEKLY };
  // The last day of every month, every third, sixth or twelfth one from the first.
  return { freq: ICalEventRepeatingFreq.MONTHLY, interval: MONTHS[recurrence], byMonthDay: [-1] };
}

/** Where the event goes: the task's deadline (as extended) or its first report day; null when it has none. */
function eventDay(row: StatusRow): string | null {
  const { kind, date, recurrence } = row.deadline;
  if (kind === 'recurring') return recurrence && row.issuedAt ? firstOccurrence(recurrence, row.issuedAt) : null;
  return (kind === 'by' || kind === 'relative') && date ? (row.extendedTo ?? date) : null;
}

export function calendar(rows: readonly StatusRow[], stamp: Date): string {
  const cal = ical({ name: 'chidao: hạn nhiệm vụ', prodId: { company: 'chidao', product: 'calendar', language: 'VI' } });
  // A document can hold the same task id twice (an extraction slip); each still gets its own UID.
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.category === 'đã rút') continue;
    const start = eventDay(row);
    if (!start) continue;
    const recurrence = row.deadline.kind === 'recurring' ? row.deadline.recurrence : null;
    const description = [
      `Nhiệm vụ ${row.id}`,
      row.text,
      `Chủ trì: ${row.responsible.join('; ') || '—'}`,
      row.coordinating.length ? `Phối hợp: ${row.coordinating.join('; ')}` : null,
      `Thời hạn: ${row.deadline.text ?? row.deadline.date}`,
      row.extensions ? `Gia hạn ${row.extensions} lần, hạn ban đầu ${row.deadline.date}` : null,
    ].filter(Boolean).join('\n');
    const key = `${row.source}\n${row.id}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    cal.createEvent({
      // Stable across runs, so a calendar that imports the file again updates its events instead of doubling them.
      id: `${createHash('sha256').update(nth > 1 ? `${key}\n${nth}` : key).digest('hex').slice(0, 32)}@chidao`,
      start: day(start),
      allDay: true,
      stamp,
      summary: `${row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text} [${row.id}]`,
      description,
      categories: [{ name: row.category }],
      repeating: recurrence ? repeating(recurrence) : null,
      x: { 'X-CHIDAO-TASK-ID': row.id },
    });
  }
  return cal.toString();
}
