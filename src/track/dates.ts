/**
 * Plain calendar dates as `YYYY-MM-DD` strings: compared as strings, counted
 * in whole days through UTC midnights, so no time zone moves a deadline.
 */
import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((d) => toIso(fromIso(d)) === d, 'a date that exists');

const fromIso = (date: string): Date => new Date(`${date}T00:00:00Z`);
const toIso = (date: Date): string => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

export function addDays(date: string, days: number): string {
  const d = fromIso(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number => Math.round((fromIso(to).getTime() - fromIso(from).getTime()) / 86_400_000);

/** The last day of the month `months` after the one holding `date`. */
export function endOfMonth(date: string, months = 0): string {
  const d = fromIso(date);
  return toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)));
}

/** Today where the user is: the date on their calendar, not UTC's. */
export function today(): string {
  const now = new Date();
  return toIso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}
