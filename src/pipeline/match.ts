// Pattern matching: each figure found by the regex pass is tried against the pattern library in
// order; the first pattern whose context, unit and numeral fit decides what the figure is.
import type { Direction } from '../contract.js';
import type { CompiledPattern, PatternLibrary } from '../patterns/load.js';
import type { Kind } from '../patterns/schema.js';
import type { Quantity } from './quantities.js';

export interface Figure {
  quantity: Quantity;
  pattern: CompiledPattern;
  kind: Kind;
  direction: Direction | null;
  basis: string | null;
  /** a subject the pattern itself names (全国 in 低于全国（0.25%）) */
  subject: string | null;
  /** normalized offset where the pattern's context before the figure starts */
  cueStart: number;
  /** normalized offset where the pattern's context after the figure ends */
  cueEnd: number;
  /** text the pattern captured as `share` (占全球10%: 全球) */
  share: string | null;
  /** a qualifier word the pattern captured as `qual`, away from the figure (接近全市总数的一半) */
  qualifier: string | null;
  /** the words that gave the direction and the basis, for --explain */
  words: { direction?: string; basis?: string };
}

/** How far around a figure the patterns look, in UTF-16 units. */
export const CONTEXT_BEFORE = 40;
export const CONTEXT_AFTER = 24;

function directionOf(groups: Record<string, string | undefined>, fixed: Direction | null | undefined): Direction | null {
  if (fixed !== undefined) return fixed;
  if (groups.up !== undefined) return 'up';
  if (groups.down !== undefined) return 'down';
  if (groups.flat !== undefined) return 'flat';
  return null;
}

function basisOf(groups: Record<string, string | undefined>): string | null {
  if (groups.yoy !== undefined) return 'yoy';
  if (groups.pop !== undefined) return 'pop';
  if (groups.benchmark !== undefined) return groups.benchmark;
  return null;
}

/** How far around a figure a `within` stretch may reach: idioms and names are short. */
const WITHIN_REACH = 16;

function withinMatches(pattern: CompiledPattern, text: string, clauseStart: number, clauseEnd: number, at: number): boolean {
  const re = pattern.within!;
  re.lastIndex = 0;
  const from = Math.max(clauseStart, at - WITHIN_REACH);
  const stretch = text.slice(from, Math.min(clauseEnd, at + WITHIN_REACH));
  for (const m of stretch.matchAll(re)) {
    const s = from + m.index;
    if (s <= at && at < s + m[0].length) return true;
  }
  return false;
}

/**
 * The patterns a figure's unit and numeral let it try, in order: the same few kinds of figure
 * come again and again, so the filter is worked out once per kind and library.
 */
const candidatesByLibrary = new WeakMap<PatternLibrary, Map<string | null, [arabic: CompiledPattern[], other: CompiledPattern[]]>>();

function candidates(library: PatternLibrary, q: Quantity): CompiledPattern[] {
  let byUnit = candidatesByLibrary.get(library);
  if (!byUnit) candidatesByLibrary.set(library, (byUnit = new Map()));
  let lists = byUnit.get(q.unit);
  if (!lists) {
    // A pattern that says nothing of units takes only figures that have one.
    const fits = library.patterns.filter((p) => (p.unit ? p.unit.test(q.unit ?? '') : q.unit !== null));
    lists = [fits.filter((p) => p.numeral !== 'chinese'), fits.filter((p) => p.numeral !== 'arabic')];
    byUnit.set(q.unit, lists);
  }
  return lists[q.numeral === 'arabic' ? 0 : 1];
}

/** The last code point of text[from, to), '' for an empty range. */
function lastCodePoint(text: string, from: number, to: number): string {
  if (to <= from) return '';
  const low = text.charCodeAt(to - 1);
  const high = to - 2 >= from ? text.charCodeAt(to - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return pair ? text.slice(to - 2, to) : text[to - 1]!;
}

/** The first pattern that fits the figure in its clause [clauseStart, clauseEnd). */
export function matchFigure(
  library: PatternLibrary,
  text: string,
  q: Quantity,
  clauseStart: number,
  clauseEnd: number,
  afterVerb: () => boolean,
  splitsWord: (at: number) => boolean,
): Figure | null {
  let verbBefore: boolean | undefined;
  const beforeFrom = Math.max(clauseStart, q.start - CONTEXT_BEFORE);
  let before: string | undefined;
  let after: string | undefined;
  const charBefore = lastCodePoint(text, beforeFrom, q.start);
  for (const p of candidates(library, q)) {
    if (p.beforeEnds && !p.beforeEnds.has(charBefore)) continue;
    if (p.figure && !p.figure.test(q.text)) continue;
    let groups: Record<string, string | undefined> = {};
    let cueStart = q.start;
    let cueEnd = q.end;
    if (p.before) {
      before ??= text.slice(beforeFrom, q.start);
      // A cue must be a word of its own: 为 in 行为 is not one, 为 after 平均 is.
      let offset = 0;
      let m = p.before.exec(before);
      while (m && m[0].length && splitsWord(beforeFrom + offset + m.index)) {
        offset += m.index + 1;
        m = p.before.exec(before.slice(offset));
      }
      if (!m) continue;
      groups = { ...m.groups };
      cueStart = beforeFrom + offset + m.index;
    }
    if (p.after) {
      after ??= text.slice(q.end, Math.min(clauseEnd, q.end + CONTEXT_AFTER));
      const m = p.after.exec(after);
      if (!m) continue;
      groups = { ...groups, ...m.groups };
      cueEnd = q.end + m[0].length;
    }
    if (p.within && !withinMatches(p, text, clauseStart, clauseEnd, q.start)) continue;
    if (p.verbBefore !== undefined && p.verbBefore !== (verbBefore ??= afterVerb())) continue;
    return {
      quantity: q,
      pattern: p,
      kind: p.kind,
      direction: directionOf(groups, p.direction),
      basis: basisOf(groups),
      subject: groups.subject ?? null,
      cueStart,
      cueEnd,
      share: groups.share ?? null,
      qualifier: groups.qual ?? null,
      words: { direction: groups.up ?? groups.down ?? groups.flat, basis: groups.yoy ?? groups.pop ?? groups.benchmark },
    };
  }
  return null;
}
