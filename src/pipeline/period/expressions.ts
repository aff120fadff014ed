// The time expressions of a normalized text, read into what they say (a year, part of a year,
// a plan, a year relative to another …) but not yet resolved against the document's date.
// Left out: a time that is a basis (比上年), the time of a meeting or a dateline (1月16日上午), a
// year that names something else (全年目标, 上年结转), and anything inside a title in book-title
// marks (《2024—2027年行动方案》).
import type { Head, PeriodVocabulary } from './vocabulary.js';

export interface TimeWords {
  /** normalized offsets of the words */
  start: number;
  end: number;
  head: Head | null;
  /** the months of the year it names: [1, 6] for 上半年 */
  months: [number, number] | null;
  /** the first and last day, within `months` (10月1日至8日) */
  days: [number, number] | null;
  /** 截至8月底, 到2030年, 5月底前: a point, the end of what it names */
  point: boolean;
  /** 今年以来: from it to the document's date */
  since: boolean;
  /** 上年同期: the period in force, moved to the year it names */
  sameTime: boolean;
  /** where the figure starts that these words date alone (2020年的48.6%), else null */
  boundTo: number | null;
}

const FIGURE_START = /^[0-9零〇一二两三四五六七八九十百千]/u;

function headOf(v: PeriodVocabulary, g: Record<string, string | undefined>): Head | null {
  if (g.yearFrom) return { kind: 'year', from: Number(g.yearFrom), to: Number(g.yearTo) };
  if (g.year) return { kind: 'year', from: Number(g.year), to: Number(g.year) };
  if (g.relative) {
    const r = v.relative.get(g.relative)!;
    return { kind: 'relative', base: r.base, offset: r.offset };
  }
  if (g.back) return { kind: 'back', years: v.back.get(g.back)! };
  if (g.ahead) return { kind: 'ahead', years: v.ahead.get(g.ahead)! };
  if (g.whole) return { kind: 'whole' };
  if (g.vague) return { kind: 'vague' };
  if (g.plan) {
    const [from, to] = v.plans.get(g.plan)!;
    return v.planLast.has(g.planTime!) ? { kind: 'plan', from: to, to } : { kind: 'plan', from, to };
  }
  return null;
}

/** The book-title marks open at each offset: a time inside 《…》 is part of a name. */
function insideTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

/** Reads one match; null when it is not a period (a basis, a date, a bare 末). */
function readMatch(v: PeriodVocabulary, text: string, m: RegExpExecArray): TimeWords | null {
  // The second branch of the expression names its groups with `_` (vocabulary.ts).
  const groups = m.groups!;
  const g = new Proxy(groups, { get: (all, name: string) => all[name] ?? all[`${name}_`] });
  const start = m.index;
  const end = start + m[0].length;
  const head = headOf(v, g);
  let months: [number, number] | null = null;
  if (g.part) {
    if (!head && v.afterYearOnly.has(g.part)) return null;
    months = v.months.get(g.part)!;
  } else if (g.monthFrom) {
    months = [Number(g.monthFrom), Number(g.monthTo)];
  } else if (g.month) {
    months = [Number(g.month), Number(g.month)];
  }
  if (months && (months[0] < 1 || months[1] > 12 || months[0] > months[1])) return null;
  const days: [number, number] | null = g.day ? [Number(g.day), Number(g.dayTo ?? g.day)] : null;
  if (g.dayMonthTo && months) months = [months[0], Number(g.dayMonthTo)];
  if (days && (days[0] < 1 || days[1] > 31 || (months![0] === months![1] && days[0] > days[1]))) return null;
  if (days && !g.upTo && v.dayNotBefore.test(text.slice(end, end + 2))) return null;
  const before = text.slice(Math.max(0, start - 3), start);
  if (!g.upTo && (v.basisBefore.test(before) || (v.comparedBefore.test(before) && v.comparedAfter.test(text.slice(end, end + 8))))) return null;
  if ((head?.kind === 'whole' || head?.kind === 'relative') && v.notPeriodBefore.test(text.slice(end, end + 2))) return null;
  if (insideTitle(text, start)) return null;
  const after = text.slice(end, end + 2);
  return {
    start,
    end,
    head,
    months,
    days,
    point: Boolean(g.upTo || g.deadline || g.monthEnd),
    since: Boolean(g.since),
    sameTime: Boolean(g.sameTime),
    boundTo: after[0] === '的' && FIGURE_START.test(after.slice(1)) ? end + 1 : null,
  };
}

/**
 * Every time expression of `text`, in order. Each holds one of a few characters (年 月 季 期 末)
 * no more than EXPRESSION_REACH after its start: the expression is tried only where one may start,
 * a tenth of a report's text.
 */
export function findTimeWords(v: PeriodVocabulary, text: string): TimeWords[] {
  const out: TimeWords[] = [];
  const re = v.expressionAt;
  // Where the next expression may start: after the last one found and the positions tried.
  let next = 0;
  for (const key of text.matchAll(v.keys)) {
    const until = key.index! + 1;
    let at = Math.max(next, key.index! - v.reach);
    while (at < until) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) {
        at++;
        continue;
      }
      const words = readMatch(v, text, m);
      if (words) out.push(words);
      at = re.lastIndex;
    }
    next = Math.max(at, until);
  }
  return out;
}
