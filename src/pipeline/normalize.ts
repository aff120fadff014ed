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

function fold(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  return cp;
}

function isAsciiWord(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

/** The most common width of wrapped lines, when the text was laid out in fixed-width lines. */
export function wrapWidth(lines: string[]): number {
  const lengths = lines.map((l) => [...l.trim()].length).filter((n) => n >= 6);
  if (lengths.length < 5) return 0;
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const width of counts.keys()) {
    let c = 0;
    for (let w = width - 2; w <= width; w++) c += counts.get(w) ?? 0;
    if (c > bestCount || (c === bestCount && width > best)) {
      best = width;
      bestCount = c;
    }
  }
  return bestCount >= 0.3 * lengths.length && bestCount >= 5 ? best : 0;
}

function endsSentence(line: string): boolean {
  const chars = [...line.trim()];
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.has(chars[i]!)) i--;
  if (i < 0) return false;
  if (i < chars.length - 1 && !TERMINAL.has(chars[i]!)) return false;
  return TERMINAL.has(chars[i]!);
}

/** Whether the line break between lines `before` and `after` is layout, not structure. */
function isSoftBreak(before: string, after: string, width: number): boolean {
  const length = [...before.trim()].length;
  if (length === 0 || endsSentence(before)) return false;
  if (LIST_MARKER.test(after.trim())) return false;
  return length >= LONG_LINE || (width > 0 && length >= width - 3);
}

export function normalize(original: string): Normalized {
  const cps: number[] = [];
  for (const ch of original) cps.push(ch.codePointAt(0)!);
  const lines = original.split('\n');
  const width = wrapWidth(lines);

  // Per original line: its text, so a break can be judged by the lines on both sides.
  const lineOf: number[] = new Array(cps.length);
  {
    let line = 0;
    for (let i = 0; i < cps.length; i++) {
      lineOf[i] = line;
      if (cps[i] === 0x0a) line++;
    }
  }
  const nextNonEmpty = (from: number): string => {
    for (let l = from; l < lines.length; l++) if (lines[l]!.trim()) return lines[l]!;
    return '';
  };

  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      starts.push(from);
      ends.push(to);
    }
  };
  const lastOut = () => out[out.length - 1];

  let i = 0;
  while (i < cps.length) {
    const cp = cps[i]!;
    if (DROPPED.has(cp)) {
      i++;
      continue;
    }
    if (cp !== 0x0a && !SPACE.has(cp)) {
      emit(String.fromCodePoint(fold(cp)), i, i + 1);
      i++;
      continue;
    }
    // A run of whitespace: decide what, if anything, it leaves behind.
    const runStart = i;
    let firstNewline = -1;
    while (i < cps.length && (cps[i] === 0x0a || SPACE.has(cps[i]!) || DROPPED.has(cps[i]!))) {
      if (cps[i] === 0x0a && firstNewline < 0) firstNewline = i;
      i++;
    }
    const prev = lastOut();
    const next = i < cps.length ? String.fromCodePoint(fold(cps[i]!)) : undefined;
    if (prev === undefined || next === undefined || prev === '\n') continue;
    if (firstNewline >= 0) {
      const before = lines[lineOf[firstNewline]!]!;
      const after = nextNonEmpty(lineOf[firstNewline]! + 1);
      if (!isSoftBreak(before, after, width)) {
        emit('\n', firstNewline, firstNewline + 1);
        continue;
      }
    }
    if (isAsciiWord(prev) && isAsciiWord(next)) emit(' ', runStart, runStart + 1);
  }
  return {
    text: out.join(''),
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    originalLength: cps.length,
  };
}

/** Maps a [from, to) range of normalized UTF-16 units to original code points. */
export function toOriginal(n: Normalized, from: number, to: number): [number, number] {
  if (to <= from) return [n.start[from] ?? n.originalLength, n.start[from] ?? n.originalLength];
  return [n.start[from]!, n.end[to - 1]!];
}
