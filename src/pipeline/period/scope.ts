// The periods a whole report is about, read from its opening lines as written (docs/period.md):
// the title's (关于2025年第一季度全市道路交通安全形势的通报, not 2026年政府工作报告, whose
// year is when it is delivered) and the opening line's when it starts with one (2025年，全市…).
// Read from the original lines, so that a title run into the body by a page layout still counts.
import { findTimeWords, type TimeWords } from './expressions.js';
import type { PeriodVocabulary } from './vocabulary.js';

/** How much of a document's start is read for its title and opening line, in code points. */
export const SCOPE_WINDOW = 2000;

// A line with a clause's punctuation is body text; one ending in a colon greets (各位代表：); a
// numbered heading opens a part (一、2025年工作回顾).
const BODY_LINE = /[，,。；;！？]|^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|本报讯|新华社)/u;
const SALUTATION = /[：:]\s*$/u;
// A news dateline before the first sentence: 本报讯（记者 林某 通讯员 周某）, 新华社北京3月5日电.
const DATELINE = /^(?:本报讯|新华社[^（(，,。]{0,12}电|[^（(，,。]{0,12}讯)?[（(][^）)]{0,40}[）)]/u;
/** How far into the body the opening sentence is looked for. */
const OPENING_LINE = 200;

export interface ScopeWords {
  /** the words as written */
  said: string;
  words: TimeWords;
}

/** A line without its whitespace, with the offset in the line of each character kept. */
function compact(line: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (/\s/u.test(line[i]!)) continue;
    const c = line.charCodeAt(i);
    // Full-width digits read as half-width ones, as in the normalized text.
    text += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : line[i]!;
    at.push(i);
  }
  return { text, at };
}

/** The words of time of a line; a day is the date of the document or of its session, no period. */
function wordsOf(v: PeriodVocabulary, line: string): ScopeWords[] {
  const { text, at } = compact(line);
  return findTimeWords(v, text)
    .filter((words) => !words.days)
    .map((words) => ({ words, said: line.slice(at[words.start], at[words.end - 1]! + 1) }));
}

/**
 * The title's words of time (of its first line that names a period, when they name one period)
 * and those that start the opening line, from the start of a document.
 */
export function readScope(v: PeriodVocabulary, start: string): { title: ScopeWords[]; opening: ScopeWords | null } {
  const lines = start.split('\n');
  let k = 0;
  let title: ScopeWords[] = [];
  for (; k < lines.length && !BODY_LINE.test(lines[k]!) && !SALUTATION.test(lines[k]!); k++) {
    if (title.length || v.titlesNotPeriod.test(lines[k]!.replace(/\s/gu, ''))) continue;
    title = wordsOf(v, lines[k]!);
  }
  while (k < lines.length && (!lines[k]!.trim() || SALUTATION.test(lines[k]!))) k++;
  // The opening sentence may run over lines of a printed page, after a news dateline.
  const body = lines.slice(k).join('\n').slice(0, OPENING_LINE);
  const { text, at } = compact(body);
  const skip = DATELINE.exec(text)?.[0].length ?? 0;
  const first = findTimeWords(v, text.slice(skip))[0];
  const opening = first && first.start === 0 && !first.days ? { words: { ...first, start: first.start + skip, end: first.end + skip }, said: body.slice(at[first.start + skip], at[first.end + skip - 1]! + 1) } : null;
  return { title, opening };
}
