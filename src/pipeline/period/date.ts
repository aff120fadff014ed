// The document's own date, read from its opening lines and its last lines (docs/period.md):
// a line saying when the report was delivered or passed (——2026年1月27日在…会议上), a line of
// metadata with a date (under the title, a paper's masthead, a page's 2025-11-18 07:05), a
// dateline with a year (本报讯 2025年9月20日), a date signed at the end (2025年4月3日, 2026年6月);
// else the year of a title that names one (关于2024年全省禁毒工作情况的通报). The text can be
// given whole or a piece at a time (a file read block by block): only its two ends are kept.
import type { DocumentDate } from '../../contract.js';

/** How much of each end of a document a date is looked for in, in code points. */
const OPENING = 2000;
const CLOSING = 400;

// A date of the text: 2026年1月27日, 2026年6月 (a month only where a line holds nothing else), or as a
// web page's meta line writes it, 2025-11-18 (also 2025/11/18, 2025.11.18).
const DAY = '(?<y>(?:19|20)\\d{2})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日';
const ISO_DAY = '(?<y>(?:19|20)\\d{2})(?<sep>[-/.])(?<m>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?!\\d)';
const MONTH = '(?<y>(?:19|20)\\d{2})\\s*年\\s*(?<m>\\d{1,2})\\s*月(?:\\s*(?<d>\\d{1,2})\\s*日)?';
const day = new RegExp(`(?<date>${DAY})`, 'u');
const isoDay = new RegExp(`(?<date>${ISO_DAY})`, 'u');
// A line about the session that heard or passed the report (——2026年1月27日在…会议上,
// （2026年1月23日…会议批准）, ——在…会议上（2026年1月9日）).
const DELIVERED = /会议|(?:日)\s*(?:在|于)/u;
// A line of metadata with a date and no sentence: under a title, or a page's or a paper's
// (沧澜日报　2025年10月22日　星期三　第01版, 2025年11月01日 08:12　来源：…).
const SENTENCE = /[，,。；;！？]/u;
const META_LINE = 80;
// A line holding only a date, perhaps bracketed or after a dash: a signature at the end.
const DATE_ONLY = new RegExp(`^[ \\t\\u3000]*(?:——|—|-)?[（(]?[ \\t\\u3000]*(?<date>${MONTH})[ \\t\\u3000]*[）)]?[ \\t\\u3000]*$`, 'u');
// 本报讯（记者 …）2025年9月20日, 新华社北京2025年3月5日电.
const DATELINE = new RegExp(`(?:本报讯|新华社|记者)[^\\n。]{0,40}?(?<date>${DAY})`, 'u');
const WIRE = new RegExp(`(?<date>${DAY})电`, 'u');
const TITLE_YEAR = /(?<date>(?<y>(?:19|20)\d{2})\s*年)/u;
// A line with a clause's punctuation, one ending in a colon (各位代表：) or a numbered heading
// (一、2025年工作回顾) is no longer the title.
const BODY_LINE = /[，,。；;！？]|[：:]\s*$|^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])/u;

const codePoints = (s: string) => {
  if (!/[\udc00-\udfff]/.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
};

/** The first `n` code points of `s`. */
function headOf(s: string, n: number): string {
  let units = 0;
  for (let k = 0; k < n && units < s.length; k++) units += s.codePointAt(units)! > 0xffff ? 2 : 1;
  return s.slice(0, units);
}

/** The last `n` code points of `s`, or fewer, never half a pair of surrogates. */
function tailOf(s: string, n: number): string {
  let start = Math.max(0, s.length - n);
  const c = s.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++;
  return s.slice(start);
}

function dateOf(text: string, m: RegExpExecArray, offset: number): DocumentDate | null {
  const g = m.groups!;
  const month = g.m === undefined ? undefined : Number(g.m);
  const day = g.d === undefined ? undefined : Number(g.d);
  if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) return null;
  const at = m.index + m[0].indexOf(g.date!);
  const start = offset + codePoints(text.slice(0, at));
  const pad = (n: number) => String(n).padStart(2, '0');
  const value = `${g.y}${month ? `-${pad(month)}${day ? `-${pad(day)}` : ''}` : ''}`;
  return { text: g.date!, value, span: [start, start + codePoints(g.date!)] };
}

function first(re: RegExp, text: string, offset: number): DocumentDate | null {
  const m = re.exec(text);
  return m ? dateOf(text, m, offset) : null;
}

/** The lines of a text with the code point each starts at. */
function* linesOf(text: string, offset: number): Generator<{ line: string; at: number }> {
  let at = offset;
  for (const line of text.split('\n')) {
    yield { line, at };
    at += codePoints(line) + 1;
  }
}

/** The first date of the opening, of the kind first in order: delivery, metadata, dateline. */
function openingDate(opening: string): DocumentDate | null {
  let meta: DocumentDate | null = null;
  let dateline: DocumentDate | null = null;
  for (const { line, at } of linesOf(opening, 0)) {
    const full = first(day, line, at) ?? first(isoDay, line, at);
    const metadata = full && [...line.trim()].length <= META_LINE && !SENTENCE.test(line);
    if (metadata && DELIVERED.test(line) && day.test(line)) return first(day, line, at);
    if (metadata && !meta) meta = full;
    dateline ??= first(DATELINE, line, at) ?? first(WIRE, line, at);
  }
  return meta ?? dateline;
}

/** The last line of the closing that is only a date: the signature. */
function closingDate(closing: string, offset: number): DocumentDate | null {
  let found: DocumentDate | null = null;
  for (const { line, at } of linesOf(closing, offset)) found = first(DATE_ONLY, line, at) ?? found;
  return found;
}

/** The year of the title: the lines before the first line of body text. */
function titleYear(opening: string): DocumentDate | null {
  let at = 0;
  for (const line of opening.split('\n')) {
    if (BODY_LINE.test(line)) break;
    const m = TITLE_YEAR.exec(line);
    if (m) return dateOf(opening.slice(at), m, codePoints(opening.slice(0, at)));
    at += line.length + 1;
  }
  return null;
}

/** Reads a document's date from the pieces of its text, in order. */
export class DateReader {
  private opening = '';
  private closing = '';
  private chars = 0;

  push(piece: string): void {
    if (codePoints(this.opening) < OPENING) this.opening = headOf(this.opening + piece, OPENING);
    this.closing = tailOf(this.closing + piece, CLOSING * 2);
    this.chars += codePoints(piece);
  }

  date(): DocumentDate | null {
    let closing = tailOf(this.closing, CLOSING);
    let closingStart = this.chars - codePoints(closing);
    // A line cut by the window's start is not a line of its own.
    const lineEnd = closing.indexOf('\n');
    const cut = closingStart === 0 ? 0 : lineEnd < 0 ? closing.length : lineEnd + 1;
    closingStart += codePoints(closing.slice(0, cut));
    closing = closing.slice(cut);
    return openingDate(this.opening) ?? closingDate(closing, closingStart) ?? titleYear(this.opening);
  }
}

export function readDocumentDate(text: string): DocumentDate | null {
  const reader = new DateReader();
  reader.push(text);
  return reader.date();
}
