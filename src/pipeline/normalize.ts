// Clean-up with an offset map. Full-width ASCII becomes half-width; layout whitespace inside
// Chinese text goes (`同 比 下 降 4.09%`, `破案数同比上升\n466.2%`); a line break that ends a
// paragraph or a headline stays as one "\n". Every UTF-16 unit of the result remembers the
// code-point range of the original it came from, so spans map back exactly.

export interface Normalized {
  text: string;
  /** original code-point offset where normalized unit i starts */
  start: Int32Array;
  /** original code-point offset where normalized unit i ends */
  end: Int32Array;
  /** length of the original in code points */
  originalLength: number;
}

const DROPPED = new Set([0xfeff, 0x200b, 0x200c, 0x200d, 0x2060, 0x00ad]);
const SPACE = new Set([0x20, 0x09, 0x0b, 0x0c, 0x0d, 0xa0, 0x3000, 0x2002, 0x2003, 0x2009, 0x202f]);
const TERMINAL = new Set([...'。！？!?；;：:…']);
const CLOSERS = new Set([...'”’」』)）】》"\'']);
const LIST_MARKER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，,、]|——|[-•·●○■□▪]\s*)/u;
const LONG_LINE = 30;
const FULL_WIDTH_COMMA = 0xff0c;

/** A line read a piece at a time: its code points once trimmed, without holding it (a line may be 100 MB). */
interface LineScan {
  /** code points from the first one that is not whitespace */
  length: number;
  /** code points of the whitespace at the end so far */
  trailing: number;
  /** the last code unit read, for surrogate pairs split between pieces */
  prev: number;
}

const newLine = (): LineScan => ({ length: 0, trailing: 0, prev: 0 });

/**
 * Whitespace as /\s/ and String.prototype.trim have it (WhiteSpace, the Zs spaces and the line
 * terminators), tested on the code unit: most text is far above these ranges.
 */
export const isWhitespace = (c: number) =>
  c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);

/** Reads units [from, to) of `text`, none of them a line break, into the line. */
function scanLine(line: LineScan, text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const second = c >= 0xdc00 && c <= 0xdfff && line.prev >= 0xd800 && line.prev <= 0xdbff;
    line.prev = c;
    if (second) continue;
    const blank = isWhitespace(c);
    if (blank && line.length === 0) continue;
    line.length++;
    line.trailing = blank ? line.trailing + 1 : 0;
  }
}

const trimmedLength = (line: LineScan) => line.length - line.trailing;

function codePointLength(line: string): number {
  const scan = newLine();
  scanLine(scan, line, 0, line.length);
  return trimmedLength(scan);
}

/**
 * The most common width of wrapped lines, when the text was laid out in fixed-width lines: the
 * text is given a piece at a time (push), and the width asked for after the last piece.
 */
export class WrapWidth {
  private readonly counts = new Map<number, number>();
  /** lines of 6 code points or more */
  private lines = 0;
  private line = newLine();

  push(piece: string): void {
    let from = 0;
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', from)) {
      scanLine(this.line, piece, from, at);
      this.endLine();
      from = at + 1;
    }
    scanLine(this.line, piece, from, piece.length);
  }

  private endLine(): void {
    const n = trimmedLength(this.line);
    this.line = newLine();
    if (n < 6) return;
    this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
    this.lines++;
  }

  width(): number {
    this.endLine();
    if (this.lines < 5) return 0;
    let best = 0;
    let bestCount = 0;
    for (const width of this.counts.keys()) {
      let c = 0;
      for (let w = width - 2; w <= width; w++) c += this.counts.get(w) ?? 0;
      if (c > bestCount || (c === bestCount && width > best)) {
        best = width;
        bestCount = c;
      }
    }
    return bestCount >= 0.3 * this.lines && bestCount >= 5 ? best : 0;
  }
}

export function wrapWidth(text: string): number {
  const w = new WrapWidth();
  w.push(text);
  return w.width();
}

/** Whether a line ends with closing punctuation, perhaps inside closing quotes or brackets. */
function endsSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isWhitespace(line.charCodeAt(i))) i--;
  while (i >= 0 && CLOSERS.has(line[i]!)) i--;
  // TERMINAL and CLOSERS hold characters of one UTF-16 unit each.
  return i >= 0 && TERMINAL.has(line[i]!);
}

/** Whether the line break between lines `before` and `after` is layout, not structure. */
function isSoftBreak(before: string, after: string, width: number): boolean {
  const length = codePointLength(before);
  if (length === 0 || endsSentence(before)) return false;
  if (LIST_MARKER.test(after.trimStart())) return false;
  return length >= LONG_LINE || (width > 0 && length >= width - 3);
}

// Most characters are far above these ranges: test cheaply before asking the sets.
const isSpace = (c: number) => (c <= 0x20 || (c >= 0xa0 && (c < 0x2100 || c === 0x3000 || c === 0xfeff))) && (c === 0x0a || SPACE.has(c) || DROPPED.has(c));

/** `width`: the document's wrap width, when `original` is one chunk of a larger document. */
export function normalize(original: string, width = wrapWidth(original)): Normalized {
  const n = original.length;
  const out = new Uint16Array(n);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  let length = 0;
  let cp = 0; // code-point offset of original[i]
  let lineStart = 0; // UTF-16 offset where the current original line starts
  const emit = (code: number, from: number, to: number) => {
    out[length] = code;
    starts[length] = from;
    ends[length] = to;
    length++;
  };

  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      emit(c, cp, cp + 1);
      emit(original.charCodeAt(i + 1), cp, cp + 1);
      i += 2;
      cp++;
      continue;
    }
    if (!isSpace(c)) {
      emit(c === FULL_WIDTH_COMMA ? commaBetween(length ? out[length - 1]! : 0, original.charCodeAt(i + 1)) : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c, cp, cp + 1);
      i++;
      cp++;
      continue;
    }
    if (DROPPED.has(c)) {
      i++;
      cp++;
      continue;
    }
    // A run of whitespace: decide what, if anything, it leaves behind.
    const runCp = cp;
    let newlineAt = -1; // UTF-16 offset of the run's first line break
    let newlineCp = -1;
    let wideAt = -1; // code-point offset of an ideographic space in the run
    while (i < n && isSpace(original.charCodeAt(i))) {
      if (original.charCodeAt(i) === 0x3000 && wideAt < 0) wideAt = cp;
      if (original.charCodeAt(i) === 0x0a) {
        if (newlineAt < 0) {
          newlineAt = i;
          newlineCp = cp;
        }
      }
      i++;
      cp++;
    }
    const prev = length ? out[length - 1]! : -1;
    if (prev < 0 || i >= n || prev === 0x0a) {
      if (newlineAt >= 0) lineStart = original.lastIndexOf('\n', i - 1) + 1;
      continue;
    }
    const next = original.charCodeAt(i);
    if (newlineAt >= 0) {
      const before = original.slice(lineStart, newlineAt);
      lineStart = original.lastIndexOf('\n', i - 1) + 1;
      const lineEnd = original.indexOf('\n', i);
      const after = original.slice(lineStart, lineEnd < 0 ? n : lineEnd);
      if (!isSoftBreak(before, after, width)) {
        emit(0x0a, newlineCp, newlineCp + 1);
        continue;
      }
    }
    // Inside a line, an ideographic space separates two phrases of a headline: 破获934起　受骗率….
    if (wideAt >= 0 && newlineAt < 0) emit(commaBetween(prev, next), wideAt, wideAt + 1);
    else if (isAsciiWordCode(prev) && isAsciiWordCode(next >= 0xff01 && next <= 0xff5e ? next - 0xfee0 : next)) emit(0x20, runCp, runCp + 1);
  }
  let text = '';
  for (let k = 0; k < length; k += 8192) text += String.fromCharCode.apply(null, out.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  return { text, start: starts.subarray(0, length), end: ends.subarray(0, length), originalLength: cp };
}

const isDigitCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/**
 * The comma that separates two phrases: ',' as full-width forms fold, but '，' between two digits,
 * where ',' would join two numbers into one (1/10，4386万 is not 10,438).
 */
function commaBetween(prev: number, next: number): number {
  return isDigitCode(prev) && isDigitCode(next) ? FULL_WIDTH_COMMA : 0x2c;
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Maps a [from, to) range of normalized UTF-16 units to original code points. */
export function toOriginal(n: Normalized, from: number, to: number): [number, number] {
  if (to <= from) return [n.start[from] ?? n.originalLength, n.start[from] ?? n.originalLength];
  return [n.start[from]!, n.end[to - 1]!];
}
