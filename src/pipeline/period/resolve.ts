// Time words to ISO `from`/`to`, against the document's date and the period in force
// (docs/period.md). A year the text does not support is never guessed: from/to stay null.
import type { TimeWords } from './expressions.js';

/** A date as precise as the text gives it. */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

export interface Span {
  from: string | null;
  to: string | null;
}

export interface Context {
  date: CalendarDate | null;
  /** the period in force where the words stand (of the sentence, paragraph, heading or title) */
  force: Span | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parseIso(value: string): CalendarDate {
  const [y, m, d] = value.split('-').map(Number);
  return { year: y!, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

function isoOf(year: number, month?: number, day?: number): string {
  return `${year}${month ? `-${pad(month)}${day ? `-${pad(day)}` : ''}` : ''}`;
}

/** The single year a period lies in, or null (a plan of five years, or unknown). */
export function yearOf(span: Span | null): number | null {
  if (!span?.from || !span.to) return null;
  const a = Number(span.from.slice(0, 4));
  return a === Number(span.to.slice(0, 4)) ? a : null;
}

/** The months a period covers when it lies within one year and names them: [1, 3] for a quarter. */
function monthsOf(span: Span | null): [number, number] | null {
  if (!span?.from || !span.to || yearOf(span) === null) return null;
  const a = parseIso(span.from).month;
  const b = parseIso(span.to).month;
  return a && b ? [a, b] : null;
}

/** The last year a report looks back on: the year before its date in the first half-year (a work report of January), else the date's. */
function lastYearBack(date: CalendarDate): number {
  return date.month !== undefined && date.month <= 6 ? date.year - 1 : date.year;
}

/** The years the words name, before months are applied; null when the text cannot tell. */
function yearsOf(w: TimeWords, ctx: Context): [number, number] | null {
  const inForce = yearOf(ctx.force) ?? ctx.date?.year ?? null;
  const h = w.head;
  if (!h) return inForce === null ? null : [inForce, inForce];
  switch (h.kind) {
    case 'year':
    case 'plan':
      return [h.from, h.to];
    case 'whole':
      return inForce === null ? null : [inForce, inForce];
    case 'vague':
      return null;
    case 'ahead': {
      // The years after the last one a report looks back on (今后五年 in January 2026: 2026–2030).
      if (!ctx.date) return null;
      const last = lastYearBack(ctx.date);
      return [last + 1, last + h.years];
    }
    case 'relative': {
      const base = h.base === 'date' ? ctx.date?.year ?? null : inForce;
      return base === null ? null : [base + h.offset, base + h.offset];
    }
    case 'back': {
      // Without a date, the years end with the year in force (过去一年 under 2026年工作回顾).
      const last = ctx.date ? lastYearBack(ctx.date) : inForce;
      return last === null ? null : [last - h.years + 1, last];
    }
  }
}

/** Resolves time words; `from`/`to` are null where the text does not support a year. */
export function resolve(w: TimeWords, ctx: Context): Span {
  const years = yearsOf(w, ctx);
  if (!years) return { from: null, to: null };
  // 上年同期 in a report of the first quarter is the first quarter of the year before.
  const months = w.months ?? (w.sameTime ? monthsOf(ctx.force) : null);
  let from: string;
  let to: string;
  if (years[0] !== years[1] || !months) {
    from = isoOf(years[0]);
    to = isoOf(years[1]);
  } else {
    from = isoOf(years[0], months[0], w.days?.[0]);
    to = isoOf(years[1], months[1], w.days?.[1]);
  }
  if (w.point) from = to;
  if (w.since) {
    // From it to the document's date, in months when the date has one, else to an unknown end.
    const date = ctx.date;
    if (!date?.month) return { from, to: null };
    return { from: from.length === 4 ? `${from}-01` : from, to: isoOf(date.year, date.month) };
  }
  return { from, to };
}
