// Composes the stages: normalize -> sentences and clauses -> the regex pass for figures ->
// patterns -> fields (metric, lists, ellipsis, subject, qualifier, target) -> indicators with
// spans in the original text.
import type { Direction, Indicator, Qualifier } from '../contract.js';
import type { PatternLibrary } from '../patterns/load.js';
import { splitSentences, type Clause, type Sentence } from './clauses.js';
import { endsWithVerb, listMembers, withoutDeed, phraseAfter, phraseBefore, qualifierOf, qualifierWordBefore, subjectIn, verbBefore, type Context, type Phrase } from './fields.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { matchFigure, type Figure } from './match.js';
import { normalize, toOriginal, wrapWidth, type Normalized } from './normalize.js';
import { findQuantities, quantityRegex, shareListUnits, type Quantity } from './quantities.js';
import { configureVocabulary, isWord, segment, type Token } from './segment.js';

export interface Extractor {
  library: PatternLibrary;
  lexicon: Lexicon;
  quantities: RegExp;
}

export function createExtractor(library: PatternLibrary): Extractor {
  const f = library.fragments;
  // Method phrases as adverbs, which a metric's phrase skips.
  configureVocabulary([
    ...f.words('SEGMENTER_NOUN').map((w) => [w, 'n'] as [string, string]),
    ...f.words('ACTION_VERB').map((w) => [w, 'v'] as [string, string]),
    ...f.words('METHOD_PHRASE').map((w) => [w, 'd'] as [string, string]),
  ]);
  return { library, lexicon: buildLexicon(library.fragments), quantities: quantityRegex(library.fragments) };
}

export interface ExtractOptions {
  explain?: boolean;
}

/** A figure with the fields attached, before it is mapped back to the original text. */
interface Reading {
  figure: Figure;
  /** the place the metric's phrase began with (江屿市 in 江屿市第一产业增加值) */
  place?: string;
  /** the place of a value in its list, from 0 */
  position?: number;
  qualifier?: Qualifier | null;
  metric: string;
  metricStart: number | null;
  metricEnd: number | null;
  direction: Direction | null;
  basis: string | null;
  unit: string;
  rules: Record<string, string>;
  /** the verb that gave a count its direction (净增), for the next thing of its list */
  deed?: [word: string, direction: Direction];
  /** the list members this figure's phrase split into, for the next clause's 分别 */
  members?: string[];
}

const LIST_GAP = /^(?:、|和|及|与|或|以及|,)$/u;
const SPAN_REACH = 48;

/** How far before a figure, and into its sentence's opening, a subject is looked for. */
const SUBJECT_WINDOW = 40;
const AVERAGE_ONLY = /^(?:年均|日均|月均|平均|人均|实际|名义)$/u;
const MEASURED_UNIT = /^(?:%|百分点|倍|元|美元|欧元|港元|日元|英镑|亿|吨|千克|公斤|公里|千米|米|平方米|平方公里|亩|公顷|千瓦|千瓦时|度|立方米)/u;
const RESPECTIVELY = /分别|均|都/u;
/**
 * …and right before the figure, which a count has no cue for: A、B各20家, 双双突破, and 均 for a
 * change or level (A、B均保持10%以上增长), not for a count (A和B均破亿度 stays one) nor 年均.
 */
const RESPECTIVELY_NEAR = /分别|各|双双/u;
const EACH_NEAR = /(?<![年人日月户亩平案])均/u;
const TOTAL = /^(?:总数|总量|总规模)$/u;
const UPGRADE = /^(?:提升|提高)/u;
const RATE_UNIT = /^(?:%|百分点|倍)$/u;

/** The clause holding offset `at`, by binary search: a long sentence may have hundreds. */
function clauseOf(sentence: Sentence, at: number): Clause | undefined {
  const clauses = sentence.clauses;
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid]!;
    if (at < c.start) hi = mid - 1;
    else if (at >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/**
 * A bare rate or count (破案率, 破案数) takes the modifier of the sentence's previous metric:
 * 刑事案件发案数下降39.2%，破案率上升… is about 刑事案件破案率.
 */
function withSharedModifier(metric: string, previous: string | null, lex: Lexicon): string {
  if (!previous || previous.endsWith(metric)) return metric;
  // A total named alone is the total of what the previous metric counted: 新增文明村镇15个，总数达到96个.
  if (TOTAL.test(metric)) return withoutDeed(previous, lex, words) + metric;
  // A rate of change named alone (增速高于全省…) is the previous metric's.
  if (lex.rateWords.has(metric)) return previous + metric;
  if (!/[率数]$/u.test(metric) || [...metric].length > 3) return metric;
  const head = lex.measureHeads.find((h) => previous.endsWith(h) && previous.length > h.length + 1);
  const modifier = withoutDeed(head ? previous.slice(0, previous.length - head.length) : previous, lex, words);
  // Not from a measure, a deed (查处4.3万起，查处率…) or a word the metric already starts with.
  if (!modifier || /[率数]$/u.test(modifier) || [...modifier].length <= 2 || metric.startsWith(modifier)) return metric;
  // Only a measure of the same thing: 破案率 after 刑事案件…, not 入学率 after 参保率.
  const shares = [...metric.slice(0, -1)].some((c) => c !== '人' && previous.includes(c));
  return shares ? modifier + metric : metric;
}

function readFigures(ex: Extractor, ctx: Context, sentence: Sentence, quantities: Quantity[]): Reading[] {
  const { text, lex } = ctx;
  const readings: Reading[] = [];
  let lastMetric: string | null = null;
  let lastMembers: string[] | null = null;
  let previous: { reading: Reading; clause: Clause } | null = null;
  let regionFrom = sentence.start;
  let lastClause: Clause | undefined;

  const comparison = comparisonIn(text, sentence, lex);

  // First what each figure is, so that phrases stop at the next figure that counts.
  const located: { q: Quantity; clause: Clause; figure: Figure | null; from: number }[] = [];
  for (const q of quantities) {
    const clause = clauseOf(sentence, q.start);
    if (!clause) continue;
    if (clause !== lastClause) {
      regionFrom = clause.start;
      lastClause = clause;
    }
    const from = regionFrom;
    const found = matchFigure(ex.library, text, q, clause.start, clause.end, () => endsWithVerb(ctx, from, q.start), (at) => splitsWord(text, at));
    const figure = found?.kind === 'ignore' || totalsList(text.slice(from, q.start), q) ? null : found;
    if (figure) regionFrom = q.end;
    located.push({ q, clause, figure, from });
  }
  const following = listLengths(text, located);

  for (const { q, clause, figure, from } of located) {
    if (!figure) {
      previous = null;
      continue;
    }
    const unit = q.unit ?? figure.pattern.assumeUnit;
    if (!unit) continue;
    const rules: Record<string, string> = { pattern: figure.pattern.id };
    let metric: Phrase | null = null;
    let direction = figure.direction;
    let basis = figure.basis;
    let members: string[] | undefined;

    const gap = previous && previous.clause === clause ? text.slice(previous.reading.figure.quantity.end, q.start) : null;
    if (previous && gap !== null && LIST_GAP.test(gap) && figure.pattern.before === undefined) {
      // One more value of a list: 分别增长9.7%、15.3%.
      const prior = previous.reading;
      direction = prior.direction;
      basis = prior.basis;
      const index = (prior.position ?? 0) + 1;
      const name = prior.members?.[index] ?? prior.metric;
      readings.push({
        figure: { ...figure, pattern: prior.figure.pattern, kind: prior.figure.kind, cueStart: prior.figure.cueStart },
        metric: name,
        metricStart: null,
        metricEnd: null,
        direction,
        basis,
        unit,
        rules: { pattern: prior.figure.pattern.id, metric: prior.members ? `member ${index + 1} of the list` : 'carried from the previous value of the list', direction: 'from the list', basis: 'from the list' },
        members: prior.members,
        position: index,
      });
      previous = { reading: readings[readings.length - 1]!, clause };
      continue;
    }
    // The next member of a list whose values each have their verb: 分别下降3.9%和上升2.1%.
    const listedMember = previous && previous.clause === clause && previous.reading.members && figure.kind === 'change' && LIST_GAP.test(text.slice(previous.reading.figure.quantity.end, figure.cueStart)) ? previous.reading : null;

    // The metric ends before the pattern's words and before a qualifier word (超78%).
    const qualifierWord = qualifierWordBefore(ctx, from, figure.cueStart);
    const metricEnd = figure.cueStart - (qualifierWord?.length ?? 0);
    const cue = text.slice(figure.cueStart, q.start);
    const near = text.slice(Math.max(from, q.start - 4), q.start);
    const respective = RESPECTIVELY.test(cue) || RESPECTIVELY_NEAR.test(near) || (figure.kind !== 'count' && EACH_NEAR.test(near));
    const listed = respective || following.get(q)! > 1;
    if (figure.kind === 'count') {
      const next = located.find((l) => l.figure && l.q.start >= q.end)?.figure;
      const found = phraseAfter(ctx, q.end, Math.min(clause.end, Math.max(q.end, next?.cueStart ?? clause.end)));
      // After an amount of money or a rate comes what it was for, not what it counts.
      const thing = found && (found.nounFirst || !MEASURED_UNIT.test(unit)) ? found : null;
      if (thing) {
        const verb = thing.nounFirst ? verbBefore(ctx, from, metricEnd) : null;
        metric = verb ? { ...thing, text: verb.text + thing.text, start: verb.start } : thing;
        rules.metric = verb ? 'verb before the figure + the thing counted after it' : 'the thing counted after the figure';
      } else {
        // A share or rate with no verb of its own is a measure, not a deed.
        const mode = unit === '%' || unit === '百分点' ? 'measure' : 'count';
        metric = phraseBefore(ctx, from, metricEnd, mode, listed);
        if (metric?.text) rules.metric = mode === 'count' ? 'what was done, before the figure' : 'noun phrase before the figure';
      }
    }
    if (!metric && figure.kind !== 'count') {
      metric = phraseBefore(ctx, from, metricEnd, 'measure', listed);
      if (metric?.text) rules.metric = 'noun phrase before the figure';
      // …or the thing after it, for a change in things counted or measured (增加5000个招生计划) or
      // a level of things counted (在3000个小区设置回收机), not 迈上3万亿元台阶;
      // 提升 before them is work done on them (提升100所学校), a count with no direction.
      const thingAfter = figure.kind === 'change' ? !RATE_UNIT.test(unit) : !MEASURED_UNIT.test(unit);
      const after = metric?.text || !thingAfter ? null : phraseAfter(ctx, q.end, clause.end);
      if (after?.nounFirst) {
        const upgrade = figure.words.direction !== undefined && UPGRADE.test(figure.words.direction);
        metric = upgrade ? { ...after, text: figure.words.direction + after.text } : after;
        if (upgrade) direction = null;
        rules.metric = 'the thing counted after the figure';
      }
    }
    // 分别 with no metric of its own names the figures of the clauses before, in order.
    const referred = !metric?.text && RESPECTIVELY.test(text.slice(from, q.start)) ? figuresReferred(readings, following.get(q)!, clause) : null;
    // A share names its whole after the owner: 增加值 + 占地区生产总值比重.
    const shareOf = figure.share === null ? '' : `占${figure.share.replace(/分别|均/gu, '').replace(/的$/u, '')}`;
    if (shareOf && !metric?.text && lastMetric && !referred) metric = { text: lastMetric, start: figure.cueStart, end: figure.cueStart };

    // An average alone (年均增长4.7%) names no metric: the sentence's goes on.
    let name: string = metric?.text && !AVERAGE_ONLY.test(metric.text) ? metric.text : '';
    let position: number | undefined;
    if (listedMember && listedMember.members![(listedMember.position ?? 0) + 1]) {
      position = (listedMember.position ?? 0) + 1;
      members = listedMember.members;
      name = members![position]!;
      rules.metric = `member ${position + 1} of the list`;
    } else if (referred) {
      members = referred.map((r) => r.metric);
      name = members[0]!;
      rules.metric = 'the figures before 分别, in order';
    } else if (!name) {
      // The list of the previous clause goes on with 分别, or with as many values as it has members.
      if (lastMembers && (respective || following.get(q) === lastMembers.length)) {
        members = lastMembers;
        name = members[0]!;
        rules.metric = 'the list of the previous clause';
      } else if (lastMetric) {
        name = figure.kind === 'count' ? lastMetric : withoutDeed(lastMetric, lex, words);
        rules.metric = name === lastMetric ? 'carried from the previous clause' : 'carried from the previous clause, without its verb';
      }
    } else {
      const shared = withSharedModifier(name, lastMetric, lex);
      if (shared !== name) rules.metric = 'bare measure + the modifier of the previous metric';
      name = shared;
      if (respective || /、|和|及|与/u.test(name)) {
        const values = following.get(q)!;
        const split = values > 1 ? listMembers(name, values, lex, words) : respective ? listMembers(name, 'all', lex, words) : null;
        if (split) {
          members = split;
          name = split[0]!;
          rules.metric = values > 1 ? 'member 1 of the list' : 'each member of the list shares the figure';
        }
      }
    }
    // A count of a deed whose verb gives the way it moved (净增经营主体): the verb is the direction, not
    // the metric; the next thing of a list after 、 is counted by the same verb (净增A5户、B6户).
    let deed = figure.kind === 'count' && direction === null ? lex.deedDirections.find(([word]) => name.startsWith(word) && name.length > word.length) : undefined;
    const deedBefore = previous?.reading.deed;
    if (!deed && deedBefore && figure.kind === 'count' && direction === null && metric?.text && /^[、和及]$/u.test(text.slice(previous!.reading.figure.quantity.end, metric.start)) && !lex.actionVerbs.has(words(name)[0]!)) deed = deedBefore;
    if (deed) {
      direction = deed[1];
      if (name.startsWith(deed[0])) name = name.slice(deed[0].length);
      rules.direction = `from ${deed[0]}, the verb of the deed`;
    }
    // A change with no basis of its own takes the one of the change before it when it is listed
    // with it (同比分别下降3%和上升2%) or names no metric of its own (较去年同期减少415起，下降9.7%),
    // else the one a clause of the sentence before it says alone (与去年同期相比，…).
    if (direction !== null && basis === null) {
      const prior: { reading: Reading; clause: Clause } | null = previous && previous.reading.direction !== null && previous.reading.basis ? previous : null;
      const listedWith = prior && prior.clause === clause && /^(?:和|、|及|与)?$/u.test(text.slice(prior.reading.figure.quantity.end, figure.cueStart));
      if (prior && (listedWith || !metric?.text)) {
        basis = prior.reading.basis;
        rules.basis = listedWith ? 'from the change it is listed with' : 'from the change before it, of the same metric';
      } else if (comparison && comparison.end <= figure.cueStart) {
        basis = comparison.basis;
        rules.basis = 'from the clause of comparison before it';
      }
    }
    // A metric names something in Chinese, or is a Latin term in a Chinese clause (GDP增长5%):
    // A%0% or (est.) is not a report's figure.
    if (!name || !(HAN_ANY.test(name) || (LATIN_TERM.test(name) && HAN_ANY.test(text.slice(clause.start, clause.end))))) continue;
    if (shareOf) {
      name += shareOf;
      members = members?.map((m) => m + shareOf);
      rules.metric = `${rules.metric ?? 'noun phrase before the figure'}, + 占 and the whole`;
    }
    const reading: Reading = {
      figure,
      metric: name,
      place: metric?.subject,
      metricStart: metric?.text ? metric.start : null,
      metricEnd: metric?.text ? metric.end : null,
      direction,
      basis,
      unit,
      rules,
      members,
      position,
      deed,
    };
    readings.push(reading);
    previous = { reading, clause };
    lastMetric = members ? members[members.length - 1]! : name;
    if (members) lastMembers = members;
  }
  shareListQualifiers(readings, (r) => (r.figure.qualifier ? lex.qualifierWords.get(r.figure.qualifier) ?? null : qualifierOf(ctx, r.figure.quantity, clauseOf(sentence, r.figure.quantity.start)?.start ?? sentence.start)));
  return readings;
}

/** Where the first match of `re` in `text` ends, counted from `offset`; Infinity if none. */
function endOfMatch(re: RegExp, text: string, offset: number): number {
  const m = re.exec(text);
  return m ? offset + m.index + m[0].length : Infinity;
}

/** The first clause of a sentence that only says what its changes are measured against (与上年相比). */
function comparisonIn(text: string, sentence: Sentence, lex: Lexicon): { basis: string; end: number } | null {
  for (const c of sentence.clauses) {
    // Such a clause is short: 与上年同期相比 and its punctuation.
    if (c.end - c.start > 12) continue;
    const m = lex.comparisonClause.exec(text.slice(c.start, c.end).replace(/[\s，,；;：:]/gu, ''));
    if (m) return { basis: m.groups!.yoy !== undefined ? 'yoy' : 'pop', end: c.end };
  }
  return null;
}

/**
 * The figures of earlier clauses that a list of `count` values after 分别 refers to, in order
 * (查处案件120起，拘留45人，同比分别增长5%和3%): the last `count` readings, each a metric of its
 * own and not a value of a list.
 */
function figuresReferred(readings: Reading[], count: number, clause: Clause): Reading[] | null {
  if (count < 2 || readings.length < count) return null;
  const referred = readings.slice(-count);
  if (referred.some((r) => r.position || r.members || r.figure.quantity.end > clause.start)) return null;
  return new Set(referred.map((r) => r.metric)).size === count ? referred : null;
}

/**
 * Each reading's qualifier; a qualifier written after the last value of a list, or before the
 * first, covers every value of it (分别增长5%、6.5%左右: both about).
 */
function shareListQualifiers(readings: Reading[], own: (r: Reading) => Qualifier | null): void {
  for (const r of readings) r.qualifier = own(r);
  for (let a = 0; a < readings.length; ) {
    let b = a + 1;
    // The values of one list: members of one phrase, or values carried one after another.
    const sameList = (r: Reading) => r.figure.cueStart === readings[a]!.figure.cueStart && ((r.members === readings[a]!.members && r.members !== undefined) || r.position !== undefined);
    while (b < readings.length && sameList(readings[b]!)) b++;
    const first = readings[a]!;
    const last = readings[b - 1]!;
    if (b - a > 1 && last.qualifier && last.figure.quantity.post) for (let k = a; k < b - 1; k++) readings[k]!.qualifier ??= last.qualifier;
    // …and one written before the first (分别超98.5%和99%) covers them too.
    if (b - a > 1 && first.qualifier && !first.figure.quantity.post && !first.figure.quantity.approx) for (let k = a + 1; k < b; k++) readings[k]!.qualifier ??= first.qualifier;
    a = b;
  }
}

const HAN_CHAR = /^\p{Script=Han}$/u;
const HAN_ANY = /\p{Script=Han}/u;
const LATIN_TERM = /^[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]$/;
const words = (text: string) => segment(text).map((t) => t.word);

/**
 * Whether a count only totals the list written right before it (江北、城南、河西3个新区,
 * A、B、C等3家): as many items as the count, so it adds nothing the list did not say.
 */
function totalsList(before: string, q: Quantity): boolean {
  // Three items or more, written with 、: 和 and 及 also stand inside words (和谐, 及时).
  if (!Number.isInteger(q.value) || q.value < 3 || q.value > 12 || q.unit === null || q.unit === '%') return false;
  const items = before.replace(/(?:等|共|这|此)$/u, '').split('、');
  return items.length === q.value && items.every((item) => item.length > 0 && item.length <= 12);
}

/**
 * Whether position `at` falls inside a dictionary word that ends there (行|为), not between words;
 * not when the character before ends a word of its own (公路|由, not 路由).
 */
function splitsWord(text: string, at: number): boolean {
  const before = text[at - 1];
  const first = text[at];
  if (!before || !first || !HAN_CHAR.test(before)) return false;
  if (at >= 2 && HAN_CHAR.test(text[at - 2]!) && isWord(text[at - 2]! + before)) return false;
  const after = text[at + 1];
  return isWord(before + first) && !(after && isWord(first + after));
}

/**
 * Whether figure `b` is the next value of a list after the value `a` ends: 9.7%、15.3%, or a
 * change with a verb of its own (下降3.9%和上升2.1%).
 */
function listedAfter(text: string, aEnd: number, b: Figure): boolean {
  return LIST_GAP.test(text.slice(aEnd, b.quantity.start)) || (b.kind === 'change' && LIST_GAP.test(text.slice(aEnd, b.cueStart)));
}

/**
 * For each figure, how many values stand in the list it starts: 9.7%、15.3%和12% is three.
 * Counted once, from the last figure back, so a long list costs no more than a short one.
 */
function listLengths(text: string, located: { q: Quantity; clause: Clause; figure: Figure | null }[]): Map<Quantity, number> {
  const lengths = new Map<Quantity, number>();
  let next: { q: Quantity; clause: Clause; figure: Figure | null } | null = null;
  for (let k = located.length - 1; k >= 0; k--) {
    const l = located[k]!;
    if (!l.figure) continue;
    const joined = next && next.clause === l.clause && listedAfter(text, l.q.end, next.figure!);
    lengths.set(l.q, joined ? lengths.get(next!.q)! + 1 : 1);
    next = l;
  }
  return lengths;
}

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

interface ChunkResult {
  indicators: Indicator[];
  plan: boolean;
}

/** Extracts one chunk of a document; spans are code points of the chunk. */
function extractChunk(ex: Extractor, norm: Normalized, original: CodePoints, plan: boolean, options: ExtractOptions): ChunkResult {
  const lex = ex.lexicon;
  const text = norm.text;
  const split = splitSentences(text, { plan: lex.planHeading, review: lex.reviewHeading, planSentence: lex.planSentence }, plan);
  const ctx: Context = { text, lex, display: displayOf(norm, original), tokens: tokensOf(text) };
  const all = findQuantities(text, ex.quantities);
  shareListUnits(text, all, lex.timeUnits);
  const out: Indicator[] = [];
  let k = 0;
  for (const sentence of split.sentences) {
    const inSentence: Quantity[] = [];
    while (k < all.length && all[k]!.start < sentence.start) k++;
    while (k < all.length && all[k]!.start < sentence.end) inSentence.push(all[k++]!);
    if (!inSentence.length) continue;
    const readings = readFigures(ex, ctx, sentence, inSentence);
    const opening = sentence.clauses[0]!;
    let sentenceSubject: string | null = null;
    // Where the sentence first names a plan: figures after it are targets. Found once, not per figure.
    const sentenceText = text.slice(sentence.start, sentence.end);
    const cueAt = endOfMatch(lex.targetCue, sentenceText, sentence.start);
    const levelCueAt = endOfMatch(lex.targetCueLevel, sentenceText, sentence.start);
    for (const r of readings) {
      const q = r.figure.quantity;
      const clause = clauseOf(sentence, q.start);
      const subject: string | null =
        r.figure.subject ??
        r.place ??
        subjectIn(ctx, Math.max(clause?.start ?? sentence.start, (r.metricStart ?? r.figure.cueStart) - SUBJECT_WINDOW), r.metricStart ?? r.figure.cueStart) ??
        (clause !== opening ? subjectIn(ctx, opening.start, Math.min(opening.end, opening.start + SUBJECT_WINDOW, r.metricStart ?? r.figure.cueStart)) : null) ??
        sentenceSubject;
      sentenceSubject = subject;
      const target =
        r.figure.pattern.target === true || sentence.plan || cueAt <= q.start || ((r.figure.kind !== 'count' || q.post !== null) && levelCueAt <= q.start);
      // A value of a list spans from the list's verb (分别增长3.2%、6.4%), but no further back than
      // SPAN_REACH: a list of thousands of values must not give spans of thousands of characters.
      const spanStart = Math.max(Math.min(r.metricStart ?? r.figure.cueStart, r.figure.cueStart), r.position ? q.start - SPAN_REACH : 0);
      const spanEnd = Math.max(q.end, r.figure.cueEnd, r.metricEnd ?? 0);
      const [s, e] = toOriginal(norm, spanStart, spanEnd);
      const names = r.members && r.rules.metric === 'each member of the list shares the figure' ? r.members : [r.metric];
      for (const metric of names) {
        const indicator: Indicator = {
          metric,
          value: q.value,
          ...(q.upper !== undefined ? { upper: q.upper } : {}),
          unit: r.unit,
          direction: r.direction,
          basis: r.basis,
          qualifier: r.qualifier ?? null,
          subject,
          target,
          span: [s, e],
          text: original.slice(s, e),
          pattern: r.figure.pattern.id,
        };
        if (options.explain) {
          indicator.explain = {
            clause: ctx.display(clause?.start ?? sentence.start, clause?.end ?? sentence.end),
            rules: {
              direction: r.figure.words.direction ? `from ${r.figure.words.direction}` : r.direction ? 'from the list' : `none: a ${r.figure.kind}`,
              basis: r.figure.words.basis ? `from ${r.figure.words.basis}` : r.basis ? 'from the list' : 'none written',
              qualifier: r.qualifier ? `from ${r.figure.quantity.post ?? (r.figure.quantity.approx ? '余/多' : 'the word before the figure')}` : 'none written',
              ...r.rules,
              target: r.figure.pattern.target ? 'the pattern is a target' : sentence.plan ? 'in a part of the report about plans' : target ? 'a word of plan before the figure' : 'no word of plan',
              subject: subject ? 'place or body named in the sentence' : 'none named',
            },
          };
        }
        out.push(indicator);
      }
    }
  }
  return { indicators: out, plan: split.plan };
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
function* extractSequence(ex: Extractor, chunks: Iterable<string>, width: number, options: ExtractOptions): Generator<Indicator[]> {
  let plan = false;
  let base = 0;
  for (const chunk of chunks) {
    const cps = codePointsOf(chunk);
    const result = extractChunk(ex, normalize(chunk, width), cps, plan, options);
    plan = result.plan;
    if (base) for (const i of result.indicators) i.span = [i.span[0] + base, i.span[1] + base];
    base += cps.length;
    yield result.indicators;
  }
}

/** The indicators of a document, one chunk at a time, with spans in the whole document. */
export function extractChunks(ex: Extractor, original: string, options: ExtractOptions = {}): Generator<Indicator[]> {
  const bounds = chunkBounds(original);
  return extractSequence(ex, bounds.slice(1).map((end, b) => original.slice(bounds[b], end)), wrapWidth(original), options);
}

/**
 * The same for a document too large to hold, given as pieces of its text in order (as a
 * streaming decoder gives them) and its wrap width, read beforehand: the chunks are the same.
 */
export function extractPieces(ex: Extractor, pieces: Iterable<string>, width: number, options: ExtractOptions = {}): Generator<Indicator[]> {
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
  return extractSequence(ex, chunks(), width, options);
}

export function extractText(ex: Extractor, original: string, options: ExtractOptions = {}): Indicator[] {
  const out: Indicator[] = [];
  for (const batch of extractChunks(ex, original, options)) for (const i of batch) out.push(i);
  return out;
}
