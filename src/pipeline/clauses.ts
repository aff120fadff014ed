// Normalized text to sentences (。！？ and line breaks), segments (；) and clauses (，：).
// A short line with no closing punctuation is a heading; headings about plans open a part of
// the report in which figures are targets, and headings about results close it.
import { isWhitespace } from './normalize.js';

export interface Clause {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  clauses: Clause[];
}

export interface Sentence {
  start: number;
  end: number;
  segments: Segment[];
  /** the clauses of all its segments, in order */
  clauses: Clause[];
  heading: boolean;
  /** inside a part of the report about plans and goals */
  plan: boolean;
}

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END = codes('。！？!?\n');
const SEGMENT_END = codes('；;');
const CLAUSE_END = codes('，,：:');
const MAX_HEADING = 32;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.])/u;
/** An item of a list: ——经济增长。, 一是…, （一）…, 1.… */
const LIST_ITEM = /^(?:——|—|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.])/u;

export interface SectionRules {
  /** a heading that opens a part about plans */
  plan: RegExp;
  /** a heading that opens a part about results */
  review: RegExp;
  /** a sentence that states the goals: the plan starts with it */
  planSentence?: RegExp;
  /** how goals are written (增长6%左右, 控制在5.5%以内): on a line of a list of goals, before any heading, a plan starts */
  goalLanguage?: RegExp;
  /** a sentence that opens on a period gone by (“十四五”时期, 过去五年): a part about plans gives way to results */
  reviewOpening?: RegExp;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Where a text stands in its document's parts: carried from one chunk of a document to the next. */
export interface Section {
  /** inside a part about plans */
  plan: boolean;
  /** the latest year of a full date written so far (2026年1月21日), 0 if none */
  dateYear: number;
  /** a heading or a sentence of goals has said which part the text is in */
  known: boolean;
}

export interface Split {
  sentences: Sentence[];
  /** where the text ends */
  section: Section;
}

const FULL_DATE = /((?:19|20)\d{2})(?:年\d{1,2}月\d{1,2}日|-\d{2}-\d{2})/gu;
const YEAR = /((?:19|20)\d{2})年/gu;

/** The latest year of a full date in the text, or `year` if none is later. */
function latestDateYear(body: string, year: number): number {
  for (const m of body.matchAll(FULL_DATE)) year = Math.max(year, Number(m[1]));
  return year;
}

/**
 * A heading about plans that names only years before a date the document was written on
 * (二、2025年主要工作 under a report of 2026年1月21日) reviews them.
 */
function namesPastYears(heading: string, dateYear: number): boolean {
  const years = [...heading.matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length > 0 && years.every((y) => y < dateYear);
}

/** `section`: where the text starts (a chunk of a document may start inside a part about plans). */
export function splitSentences(text: string, sections: SectionRules, section: Section = { plan: false, dateYear: 0, known: false }): Split {
  let { plan, dateYear, known } = section;
  // The line the sentence is on opens a list of goals or results (——经济增长。…, 一是…).
  let listLine = false;
  const sentences: Sentence[] = [];
  let clauseStart = 0;
  let segments: Segment[] = [];
  let clauses: Clause[] = [];
  let lineStart = true;

  const closeClause = (end: number) => {
    const [s, e] = trimRange(text, clauseStart, end);
    if (e > s) clauses.push({ start: s, end: e });
  };
  const closeSegment = (end: number) => {
    closeClause(end);
    if (clauses.length) segments.push({ start: clauses[0]!.start, end: clauses[clauses.length - 1]!.end, clauses });
    clauses = [];
  };
  const closeSentence = (end: number, atLineEnd: boolean) => {
    closeSegment(end);
    if (segments.length) {
      const start = segments[0]!.start;
      const stop = segments[segments.length - 1]!.end;
      const body = text.slice(start, stop);
      const heading = lineStart && atLineEnd && [...body].length <= MAX_HEADING && !/[。！？!?；;]$/.test(body);
      if (heading) {
        // A heading about both (“十四五”发展成就和“十五五”主要目标) leaves the part as it was,
        // and so does a title, which may name a plan that the text only reports on; a numbered
        // heading (三、2026年工作安排) counts even when an excerpt starts with it.
        const past = namesPastYears(body, dateYear);
        const review = past || sections.review.test(body);
        const planned = !past && sections.plan.test(body);
        const title = sentences.length === 0 && !NUMBERED.test(body);
        if (review !== planned && !title) {
          plan = planned;
          known = true;
        }
      } else if (sections.planSentence?.test(body)) {
        plan = known = true;
      } else {
        if (lineStart) listLine = LIST_ITEM.test(body);
        // An excerpt that starts inside a list of goals: the goals' own language says so.
        if (!known && listLine && sections.goalLanguage?.test(body)) plan = known = true;
        else if (plan && sections.reviewOpening?.test(body)) plan = false;
      }
      dateYear = latestDateYear(body, dateYear);
      sentences.push({ start, end: stop, segments, clauses: segments.flatMap((g) => g.clauses), heading, plan: plan && !heading });
    }
    segments = [];
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Every boundary character is punctuation: skip the CJK ideographs at once.
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    if (SENTENCE_END.has(code)) {
      const atLineEnd = code === 0x0a;
      closeSentence(i, atLineEnd);
      lineStart = atLineEnd;
      clauseStart = i + 1;
    } else if (SEGMENT_END.has(code)) {
      closeSegment(i);
      clauseStart = i + 1;
    } else if (CLAUSE_END.has(code)) {
      closeClause(i);
      clauseStart = i + 1;
    }
  }
  closeSentence(text.length, true);
  return { sentences, section: { plan, dateYear, known } };
}
