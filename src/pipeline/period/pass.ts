// The period of every indicator of a chunk (docs/period.md), first that applies: time words
// before the figure in its clause or earlier in its segment; the words that open its sentence;
// those that opened an earlier sentence of its paragraph; the heading of its part; the title,
// else the report's opening line. The state carries what holds across the chunks of a document:
// its date, title, heading and the period of a paragraph a chunk ended inside.
import type { DocumentDate, Indicator, Period } from '../../contract.js';
import type { Sentence } from '../clauses.js';
import { findTimeWords, type TimeWords } from './expressions.js';
import { parseIso, resolve, type CalendarDate } from './resolve.js';
import { readScope, SCOPE_WINDOW } from './scope.js';
import type { PeriodVocabulary } from './vocabulary.js';
import type { RuleMeta } from '../read/rule.js';
import { periodClause, periodHeading, periodNone, periodOpener, periodOpening, periodParagraph, periodSentence, periodTitle } from './rules.js';

/** A period and the rule that gave it (for --explain and the rules' tests). */
interface Found {
  period: Period;
  rule: RuleMeta;
}

export interface PeriodState {
  date: CalendarDate | null;
  /** from the title lines, before the first line of body text (read with the first chunk) */
  title: Found | null;
  /** a title's two periods (2025年…执行情况与2026年计划): results hold in the first, goals in the last */
  titles: Found[];
  /** from the words that start the first line of body text */
  opening: Found | null;
  scopeRead: boolean;
  inBody: boolean;
  heading: Found | null;
  /** the words that opened a sentence, carried through the rest of its paragraph */
  paragraph: Found | null;
  /** the chunk read last ended inside a paragraph */
  openParagraph: boolean;
}

export function startPeriods(date: DocumentDate | null): PeriodState {
  return { date: date ? parseIso(date.value) : null, title: null, titles: [], opening: null, scopeRead: false, inBody: false, heading: null, paragraph: null, openParagraph: false };
}

export interface PeriodChunk {
  /** the normalized text of the chunk */
  text: string;
  sentences: readonly Sentence[];
  /** the original text of a normalized range */
  original(from: number, to: number): string;
  /** the chunk's first `n` code points of original text */
  start(n: number): string;
  /** the ids of the rules that applied, for the rules' tests */
  fired?: Set<string>;
}

// A numbered heading run into its paragraph: 四、2025年工作安排。
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/u;
const INLINE_HEADING = 32;

/**
 * Sets `period` (and, with --explain, explain.rules.period) of each indicator of a chunk.
 * `figureAt[k]` is where the figure of indicators[k] starts in the normalized text; both are in
 * reading order.
 */
export function readPeriods(v: PeriodVocabulary, state: PeriodState, chunk: PeriodChunk, indicators: Indicator[], figureAt: readonly number[]): void {
  const { text, sentences } = chunk;
  const words = findTimeWords(v, text);
  const found = (w: TimeWords, force: Found | null, rule: RuleMeta): Found => {
    const said = chunk.original(w.start, w.end);
    return { period: { text: said, ...resolve(w, { date: state.date, force: force?.period ?? null }) }, rule };
  };
  const outer = () => state.paragraph ?? state.heading ?? state.title ?? state.opening;
  if (!state.scopeRead) readTitle(v, state, chunk.start(SCOPE_WINDOW));
  // A title of two periods gives a figure the one its kind says: results the first, goals the last.
  const fallback = (i: Indicator) => {
    const titled = state.title ?? (state.titles.length > 1 ? state.titles[i.target ? state.titles.length - 1 : 0]! : null);
    return state.paragraph ?? state.heading ?? titled ?? state.opening;
  };
  // In reading order of their figures (a table's cells are sorted in by their spans).
  const order = indicators.map((_, k) => k).sort((a, b) => figureAt[a]! - figureAt[b]! || a - b);
  let w = 0;
  let k = 0;
  let previousEnd = 0;
  sentences.forEach((s, index) => {
    const fresh = index === 0 ? !state.openParagraph || endsParagraph(text, 0, s.start) : endsParagraph(text, previousEnd, s.start);
    if (fresh) state.paragraph = null;
    previousEnd = s.end;
    while (w < words.length && words[w]!.start < s.start) w++;
    const inSentence: TimeWords[] = [];
    for (let j = w; j < words.length && words[j]!.start < s.end; j++) inSentence.push(words[j]!);
    const figures: number[] = [];
    while (k < order.length && figureAt[order[k]!]! < s.end) figures.push(order[k++]!);
    // The words nearest before the first figure open the sentence (记者11月17日获悉，10月份，…: 10月份);
    // in a sentence with none, the last that start a clause (锚定2035年…，今后五年…主要目标是：: 今后五年).
    const opener = figures.length
      ? inSentence.filter((t) => t.boundTo === null && t.end <= figureAt[figures[0]!]!).pop() ?? null
      : inSentence.filter((t) => t.boundTo === null && s.clauses.some((c) => c.start === t.start)).pop() ?? null;
    const openerFound = opener && found(opener, outer(), periodOpener);

    for (const f of figures) {
      const at = figureAt[f]!;
      const segment = s.segments.find((g) => at >= g.start && at < g.end) ?? s;
      // Words after the opener, before the figure, in its segment (those before the opener gave way to it).
      const after = Math.max(segment.start, opener ? opener.end : 0);
      const own = inSentence.filter((t) => t.end <= at && t.start >= after && (t.boundTo === null || t.boundTo === at)).pop();
      let chosen: Found | null;
      if (own) {
        const clause = s.clauses.find((c) => at >= c.start && at < c.end);
        chosen = found(own, opener && opener.start < own.start ? openerFound : outer(), clause && own.start >= clause.start ? periodClause : periodSentence);
      } else {
        chosen = openerFound ?? fallback(indicators[f]!);
      }
      const indicator = indicators[f]!;
      // A table's cell holds in its column's year (read/table.ts).
      if (indicator.period) continue;
      indicator.period = chosen ? { ...chosen.period } : null;
      const rule = chosen?.rule ?? periodNone;
      chunk.fired?.add(rule.id);
      if (indicator.explain) indicator.explain.rules.period = chosen ? `${rule.id} (${chosen.period.text})` : rule.id;
    }

    const body = text.slice(s.start, s.end);
    const heading = s.heading || (figures.length === 0 && body.length <= INLINE_HEADING && NUMBERED.test(body));
    if (heading) {
      // The title lines were read as written (readTitle); a numbered heading opens a part.
      if ((state.inBody || NUMBERED.test(body)) && inSentence.length) {
        const named: Found[] = [];
        for (const t of inSentence) named.push(found(t, named.at(-1) ?? state.heading ?? state.title ?? state.opening, periodHeading));
        state.heading = onePeriod(named);
      }
      state.paragraph = null;
    } else {
      state.inBody = true;
      // A breakdown by period (分季度看，一季度…，上半年…，前三季度…) sets none for the sentences after it.
      const others = inSentence.filter((t) => t !== opener && t.boundTo === null).length;
      if (openerFound && others < 2) state.paragraph = { ...openerFound, rule: periodParagraph };
    }
  });
  if (sentences.length) state.openParagraph = !endsParagraph(text, previousEnd, text.length);
}

/**
 * The period of words of time read one after the other (2026年主要预期目标 is one year); null
 * when they name two (“十五五”时期发展目标和2026年重点工作: a part about both has none).
 */
function onePeriod(named: Found[]): Found | null {
  const first = named[0];
  return first && named.every((f) => f.period.from === first.period.from && f.period.to === first.period.to) ? first : null;
}

/** Reads the title's and the opening line's periods from the start of the document's text. */
function readTitle(v: PeriodVocabulary, state: PeriodState, start: string): void {
  state.scopeRead = true;
  const scope = readScope(v, start);
  const named: Found[] = [];
  for (const { words, said } of scope.title) {
    const force = named.at(-1)?.period ?? null;
    named.push({ period: { text: said, ...resolve(words, { date: state.date, force }) }, rule: periodTitle });
  }
  state.title = onePeriod(named);
  if (!state.title) state.titles = named.filter((f, k) => named.findIndex((g) => g.period.from === f.period.from && g.period.to === f.period.to) === k);
  if (scope.opening) {
    const { words, said } = scope.opening;
    state.opening = { period: { text: said, ...resolve(words, { date: state.date, force: state.title?.period ?? null }) }, rule: periodOpening };
  }
}

/**
 * Whether a paragraph ends between two sentences: at a line break, unless the line ends in a
 * clause's punctuation (；，：), which text laid out in lines of a page breaks after too.
 */
function endsParagraph(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\n', from);
  if (at < 0 || at >= to) return false;
  return !/[；;，,：:]$/u.test(text.slice(Math.max(0, at - 1), at).trimEnd()) || text.slice(at + 1, to).includes('\n');
}
