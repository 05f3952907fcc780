import { InputError } from '../errors.js';

const DAY_MS = 86_400_000;

/** The longest window a report may cover; retention is usually far shorter. */
export const MAX_REPORT_DAYS = 3_650;

/** The UTC days a report covers and the matching `[since, until)` store window. */
export interface ReportWindow {
  days: number;
  since: number;
  /** Exclusive: one millisecond after `now`, so a question recorded at `now` counts. */
  until: number;
  /** Every UTC day in the window, `YYYY-MM-DD`, oldest first. */
  dayList: string[];
}

/**
 * The last `days` UTC calendar days up to and including `now`'s day. Whole days,
 * so the first bar of the chart is not a partial day; days are UTC to match the store.
 */
export function reportWindow(days: number, now: number): ReportWindow {
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
    throw new InputError(`days must be a whole number from 1 to ${MAX_REPORT_DAYS} (got ${days})`);
  }
  if (!Number.isFinite(now) || now < 0) throw new InputError(`now must be an epoch time in milliseconds (got ${now})`);
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const since = today - (days - 1) * DAY_MS;
  const dayList = Array.from({ length: days }, (_, i) => utcDay(since + i * DAY_MS));
  return { days, since, until: now + 1, dayList };
}

/** `YYYY-MM-DD` of an epoch time, in UTC. */
export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}
