// The document's own date, read from its opening lines and its last lines (docs/period.md):
// a line saying when the report was delivered (——2026年1月27日在…会议上), a line that is only a
// date (under the title or signed at the end), a dateline with a year (本报讯 2025年9月20日);
// else the year of a title that names one (关于2024年全省禁毒工作情况的通报). The text can be
// given whole or a piece at a time (a file read block by block): only its two ends are kept.
import type { DocumentDate } from '../../contract.js';

/** How much of each end of a document a date is looked for in, in code points. */
const OPENING = 2000;
const CLOSING = 400;

const DAY = '(?<y>(?:19|20)\\d{2})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日';
const DELIVERED = new RegExp(`(?<date>${DAY})\\s*(?:在|于)`, 'u');
// A line holding only a date, perhaps bracketed or after a dash, perhaps with the time or weekday.
const DATE_LINE = new RegExp(`^[ \\t\\u3000]*(?:——|—|-)?[（(]?[ \\t\\u3000]*(?<date>${DAY})(?:[ \\t\\u3000]*(?:\\d{1,2}[:：时]\\d{1,2}分?|星期.|周.))*[ \\t\\u3000]*[）)]?[ \\t\\u3000]*$`, 'gmu');
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
  if (month !== undefined && (month < 1 || month > 12 || day! < 1 || day! > 31)) return null;
  const at = m.index + m[0].indexOf(g.date!);
  const start = offset + codePoints(text.slice(0, at));
  const value = `${g.y}${month ? `-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : ''}`;
  return { text: g.date!, value, span: [start, start + codePoints(g.date!)] };
}

function first(re: RegExp, text: string, offset: number): DocumentDate | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? dateOf(text, m, offset) : null;
}

function last(re: RegExp, text: string, offset: number): DocumentDate | null {
  let found: DocumentDate | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) found = dateOf(text, m, offset) ?? found;
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
    return (
      first(DELIVERED, this.opening, 0) ??
      first(DATE_LINE, this.opening, 0) ??
      first(DATELINE, this.opening, 0) ??
      first(WIRE, this.opening, 0) ??
      last(DATE_LINE, closing, closingStart) ??
      titleYear(this.opening)
    );
  }
}

export function readDocumentDate(text: string): DocumentDate | null {
  const reader = new DateReader();
  reader.push(text);
  return reader.date();
}
