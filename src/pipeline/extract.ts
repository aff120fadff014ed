// Composes the stages: normalize -> sentences and clauses -> the regex pass for figures ->
// patterns and field rules (read/) -> indicators with spans in the original text -> their
// periods (period/pass.ts).
import type { DocumentDate, Indicator } from '../contract.js';
import type { PatternLibrary } from '../patterns/load.js';
import { splitSentences, type Section, type Sentence } from './clauses.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { normalize, toOriginal, wrapWidth, type Normalized } from './normalize.js';
import { clauseOf } from './read/figures.js';
import { readSentence, type Context, type Reading } from './read/index.js';
import { readTables, tableCell, type TableCell } from './read/table.js';
import { findQuantities, quantityRegex, shareListUnits, type Quantity } from './quantities.js';
import { configureVocabulary, segment, type Token } from './segment.js';
import { canonicalName } from './canonical.js';
import { readDocumentDate } from './period/date.js';
import { readPeriods, startPeriods, type PeriodState } from './period/pass.js';

export interface Extractor {
  library: PatternLibrary;
  lexicon: Lexicon;
  quantities: RegExp;
  /** the canonical name of each metric met so far: the same metrics come again and again */
  canonicalNames: Map<string, string>;
}

export function createExtractor(library: PatternLibrary): Extractor {
  const f = library.fragments;
  // Method phrases as adverbs, which a metric's phrase skips.
  configureVocabulary([
    ...f.words('SEGMENTER_NOUN').map((w) => [w, 'n'] as [string, string]),
    ...f.words('ACTION_VERB').map((w) => [w, 'v'] as [string, string]),
    ...f.words('METHOD_PHRASE').map((w) => [w, 'd'] as [string, string]),
  ]);
  return { library, lexicon: buildLexicon(library.fragments), quantities: quantityRegex(library.fragments), canonicalNames: new Map() };
}

/** Names remembered at most: a corpus of many millions of distinct metrics starts over. */
const CANONICAL_CACHE = 1 << 16;

function canonicalOf(ex: Extractor, metric: string): string {
  let name = ex.canonicalNames.get(metric);
  if (name === undefined) {
    if (ex.canonicalNames.size >= CANONICAL_CACHE) ex.canonicalNames.clear();
    name = canonicalName(ex.library.metricNames, ex.library.periods, ex.lexicon, metric);
    ex.canonicalNames.set(metric, name);
  }
  return name;
}

export interface ExtractOptions {
  explain?: boolean;
  /** every field rule that applies adds its id (for the rules' own tests) */
  fired?: Set<string>;
}

/** A value of a list spans from the list's verb (分别增长3.2%、6.4%), but no further back than this. */
const SPAN_REACH = 48;

/** The original characters of a chunk, indexed by code point. */
interface CodePoints {
  at(i: number): string;
  slice(from: number, to: number): string;
  length: number;
}

const SURROGATE = /[\ud800-\udfff]/;

function codePointsOf(chunk: string): CodePoints {
  // Most documents have no character beyond the BMP: code points are then UTF-16 units.
  if (!SURROGATE.test(chunk)) return { at: (i) => chunk[i] ?? '', slice: (from, to) => chunk.slice(from, to), length: chunk.length };
  const cps = Array.from(chunk);
  return { at: (i) => cps[i] ?? '', slice: (from, to) => cps.slice(from, to).join(''), length: cps.length };
}

function displayOf(norm: Normalized, original: CodePoints): (from: number, to: number) => string {
  return (from, to) => {
    let out = '';
    let last = -1;
    for (let i = from; i < to; i++) {
      const o = norm.start[i]!;
      if (o === last) continue;
      last = o;
      const ch = original.at(o);
      out += /\s/u.test(ch) ? ' ' : ch;
    }
    return out;
  };
}

/** Words of a range, segmented once: callers ask for the same few windows around each figure. */
function tokensOf(text: string): (from: number, to: number) => Token[] {
  const cache = new Map<number, Token[]>();
  return (from, to) => {
    if (to <= from) return [];
    const key = from * 0x100000 + (to - from);
    let tokens = cache.get(key);
    if (!tokens) {
      tokens = segment(text.slice(from, to));
      for (const t of tokens) {
        t.start += from;
        t.end += from;
      }
      cache.set(key, tokens);
    }
    return tokens;
  };
}

/** The indicators of one reading: one for the figure, or one for each member that shares it. */
function indicatorsOf(r: Reading, sentence: Sentence, ctx: Context, norm: Normalized, original: CodePoints, explain: boolean, canonical: (metric: string) => string): Indicator[] {
  const q = r.figure.quantity;
  // A list of thousands of values must not give spans of thousands of characters.
  const spanStart = Math.max(Math.min(r.metricStart ?? r.figure.cueStart, r.figure.cueStart), r.position ? q.start - SPAN_REACH : 0);
  const spanEnd = Math.max(q.end, r.figure.cueEnd, r.metricEnd ?? 0);
  const [s, e] = toOriginal(norm, spanStart, spanEnd);
  const names = r.shared && r.members ? r.members : [r.metric];
  return names.map((metric, k) => {
    const indicator: Indicator = {
      metric,
      canonical: canonical(metric),
      value: q.value,
      ...(q.upper !== undefined ? { upper: q.upper } : {}),
      unit: r.unit,
      direction: r.direction,
      basis: r.basis,
      qualifier: r.qualifier ?? null,
      subject: r.subject ?? null,
      target: r.target!,
      period: null,
      span: [s, e],
      text: original.slice(s, e),
      pattern: r.figure.pattern.id,
    };
    if (explain) {
      const clause = clauseOf(sentence, q.start);
      const rules: Record<string, string> = {};
      for (const field of ['pattern', 'metric', 'direction', 'basis', 'qualifier', 'subject', 'target'] as const) {
        const ids = r.rules[field]?.map((id) => (r.shared && id === 'list.each-member#1' ? `list.each-member#${k + 1}` : id));
        if (ids?.length) rules[field] = ids.join(' + ');
      }
      indicator.explain = { clause: ctx.display(clause?.start ?? sentence.start, clause?.end ?? sentence.end), rules };
    }
    return indicator;
  });
}

/** The indicator of a table's cell; `at` maps an offset of the chunk's text to its code point. */
function indicatorOfCell(cell: TableCell, original: CodePoints, at: (unit: number) => number, explain: boolean, canonical: (metric: string) => string): Indicator {
  const span: [number, number] = [at(cell.start), at(cell.end)];
  const indicator: Indicator = {
    metric: cell.metric,
    canonical: canonical(cell.metric),
    value: cell.value,
    unit: cell.unit,
    direction: cell.direction,
    basis: null,
    qualifier: cell.qualifier,
    subject: null,
    target: cell.target,
    period: cell.period,
    span,
    text: original.slice(span[0], span[1]),
    pattern: tableCell.id,
  };
  if (explain) {
    const rules = Object.fromEntries(['pattern', ...tableCell.decides.filter((f) => f !== 'indicator')].map((f) => [f, tableCell.id]));
    indicator.explain = { clause: indicator.text, rules };
  }
  return indicator;
}

/** Code point offsets of a text's UTF-16 offsets (the same when it has no pair of surrogates). */
function codePointOffsets(text: string): (unit: number) => number {
  if (!SURROGATE.test(text)) return (unit) => unit;
  return (unit) => Array.from(text.slice(0, unit)).length;
}

/** The first unit of the normalized text that comes from code point `at` of the original or after. */
function normalizedAt(norm: Normalized, at: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.start[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface ChunkResult {
  indicators: Indicator[];
  section: Section;
}

/** Extracts one chunk of a document; spans are code points of the chunk. */
function extractChunk(ex: Extractor, norm: Normalized, original: CodePoints, section: Section, periods: PeriodState, options: ExtractOptions): ChunkResult {
  const lex = ex.lexicon;
  const text = norm.text;
  const split = splitSentences(text, { plan: lex.planHeading, review: lex.reviewHeading, planSentence: lex.planSentence, goalLanguage: lex.goalLanguage, reviewOpening: lex.reviewOpening }, section);
  const ctx: Context = { text, lex, display: displayOf(norm, original), tokens: tokensOf(text), fired: options.fired };
  // Tables are read from the original text, whose layout keeps their cells apart; the figures
  // of their rows are not read again as sentences.
  const chunk = original.slice(0, original.length);
  const at = codePointOffsets(chunk);
  const canonical = (metric: string) => canonicalOf(ex, metric);
  const cells = readTables(chunk, ex.quantities).map((c) => indicatorOfCell(c, original, at, options.explain === true, canonical));
  if (cells.length) options.fired?.add(tableCell.id);
  const inTable = (q: Quantity) => cells.some((c) => norm.start[q.start]! >= c.span[0] && norm.start[q.start]! < c.span[1]);
  const all = findQuantities(text, ex.quantities).filter((q) => !cells.length || !inTable(q));
  shareListUnits(text, all, lex.timeUnits);
  const out: Indicator[] = [];
  // Where each indicator's figure starts in the normalized text, for the periods.
  const figureAt = new Map<Indicator, number>();
  let k = 0;
  // The last metric of the paragraph so far and its first, which a sentence that names none may go on with.
  const before: { last: string | null; head: string | null } = { last: null, head: null };
  let lastEnd = 0;
  for (const sentence of split.sentences) {
    if (sentence.heading || text.slice(lastEnd, sentence.start).includes('\n')) before.last = before.head = null;
    lastEnd = sentence.end;
    const inSentence: Quantity[] = [];
    while (k < all.length && all[k]!.start < sentence.start) k++;
    while (k < all.length && all[k]!.start < sentence.end) inSentence.push(all[k++]!);
    if (!inSentence.length) continue;
    const read = readSentence(ex.library, ctx, sentence, inSentence, before);
    before.last = read.lastMetric ?? before.last;
    before.head ??= read.readings[0]?.metric ?? null;
    for (const r of read.readings) {
      for (const indicator of indicatorsOf(r, sentence, ctx, norm, original, options.explain === true, canonical)) {
        out.push(indicator);
        figureAt.set(indicator, r.figure.quantity.start);
      }
    }
  }
  if (cells.length) {
    for (const c of cells) figureAt.set(c, normalizedAt(norm, c.span[0]));
    out.push(...cells);
    out.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  }
  const chunkText = { text, sentences: split.sentences, original: (from: number, to: number) => original.slice(...toOriginal(norm, from, to)), start: (n: number) => original.slice(0, n), fired: options.fired };
  readPeriods(ex.library.periods, periods, chunkText, out, out.map((i) => figureAt.get(i)!));
  return { indicators: out, section: split.section };
}

/** How much text is read at a time (UTF-16 units): a very large document goes chunk by chunk. */
export const CHUNK_SIZE = 1 << 16;
const SENTENCE_END = /[。！？!?]/u;

/**
 * Where the chunk of `text` that starts at `from` ends: after a sentence, at or after `size`
 * units, so that no sentence is split; a run with no sentence end is cut at twice the size.
 * With `more` (the text goes on past its end), -1 when the text read so far cannot tell yet.
 */
function chunkEnd(text: string, from: number, size: number, more: boolean): number {
  if (text.length - from <= size) return more ? -1 : text.length;
  let cut = -1;
  const limit = Math.min(text.length, from + 2 * size);
  for (let i = from + size; i < limit; i++) {
    const c = text[i]!;
    if (SENTENCE_END.test(c) || (c === '\n' && /[。！？!?；;:：]\s*$/u.test(text.slice(Math.max(from, i - 4), i)))) {
      cut = i + 1;
      break;
    }
  }
  if (cut < 0) {
    // The next unit decides whether a pair of surrogates is cut.
    if (more && text.length <= from + 2 * size) return -1;
    cut = limit;
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut++;
  return cut;
}

/** Where to cut a document into chunks (see chunkEnd): 0, the cuts, and its length. */
export function chunkBounds(text: string, size = CHUNK_SIZE): number[] {
  const bounds = [0];
  for (let from = 0; text.length - from > size; ) bounds.push((from = chunkEnd(text, from, size, false)));
  bounds.push(text.length);
  return bounds;
}

/** The indicators of a document given as its chunks in order, with spans in the whole document. */
function* extractSequence(ex: Extractor, chunks: Iterable<string>, width: number, date: DocumentDate | null, options: ExtractOptions): Generator<Indicator[]> {
  let section: Section = { plan: false, dateYear: 0, known: false };
  const periods = startPeriods(date);
  let base = 0;
  for (const chunk of chunks) {
    const cps = codePointsOf(chunk);
    const result = extractChunk(ex, normalize(chunk, width), cps, section, periods, options);
    section = result.section;
    if (base) for (const i of result.indicators) i.span = [i.span[0] + base, i.span[1] + base];
    base += cps.length;
    yield result.indicators;
  }
}

/** The indicators of a document, one chunk at a time, with spans in the whole document. */
export function extractChunks(ex: Extractor, original: string, options: ExtractOptions = {}, date = readDocumentDate(original)): Generator<Indicator[]> {
  const bounds = chunkBounds(original);
  return extractSequence(ex, bounds.slice(1).map((end, b) => original.slice(bounds[b], end)), wrapWidth(original), date, options);
}

/**
 * The same for a document too large to hold, given as pieces of its text in order (as a
 * streaming decoder gives them) and its wrap width and date, read beforehand: the chunks are the same.
 */
export function extractPieces(ex: Extractor, pieces: Iterable<string>, width: number, date: DocumentDate | null, options: ExtractOptions = {}): Generator<Indicator[]> {
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const piece of pieces) {
      buffer += piece;
      for (let cut = chunkEnd(buffer, 0, CHUNK_SIZE, true); cut >= 0; cut = chunkEnd(buffer, 0, CHUNK_SIZE, true)) {
        yield buffer.slice(0, cut);
        buffer = buffer.slice(cut);
      }
    }
    while (buffer) {
      const cut = chunkEnd(buffer, 0, CHUNK_SIZE, false);
      yield buffer.slice(0, cut);
      buffer = buffer.slice(cut);
    }
  }
  return extractSequence(ex, chunks(), width, date, options);
}

export function extractText(ex: Extractor, original: string, options: ExtractOptions = {}): Indicator[] {
  const out: Indicator[] = [];
  for (const batch of extractChunks(ex, original, options)) for (const i of batch) out.push(i);
  return out;
}
