// Field attachment: the metric as the shortest noun phrase next to a figure, found with the
// segmenter's words and parts of speech; the subject; the qualifier; list members.
import type { Qualifier } from '../contract.js';
import type { Lexicon } from './lexicon.js';
import type { Quantity } from './quantities.js';
import type { Token } from './segment.js';

/** What field attachment reads: the normalized text, the vocabulary, and the original characters. */
export interface Context {
  text: string;
  lex: Lexicon;
  /** the original characters of a normalized range, layout whitespace left out */
  display(from: number, to: number): string;
  /** the words of a normalized range, segmented in the context of their clause */
  tokens(from: number, to: number): Token[];
}

export interface Phrase {
  text: string;
  /** normalized offsets of the phrase */
  start: number;
  end: number;
  /** a place or body met at the phrase's left edge */
  subject?: string;
  /** the phrase after a figure starts with the thing counted, not with a verb */
  nounFirst?: boolean;
}

const PUNCT = /^[，,。；;：:、！!？?\s…—·]+$/u;
const OPEN = /^[“‘「『(（《【]$/u;
const CLOSE = /^[”’」』)）》】]$/u;
const PAIRS: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『', ')': '(', '）': '（', '》': '《', '】': '【' };
const DIGIT_START = /^[\d零〇一二两三四五六七八九十百千万]/u;
/** A span of time between a metric and its verb: 利润总额五年分别增长. */
const SPAN_OF_TIME = /^[\d零〇一二两三四五六七八九十百]+(?:年|个月|月|天|年来)$/u;

const isPunct = (t: Token) => PUNCT.test(t.word);
const THRESHOLD = /^(?:以上|以下|及以上)$/u;
const NEGATION = /^(?:未|不|无|没有|尚未)$/u;
const DENOMINATOR = /^(?:人|人口|户|名)$/u;
/** Service numbers inside a name: 接处110警情. */
const SERVICE_NUMBER = /^(?:110|119|120|122|12345|12315|12348|96110)$/;
/** A threshold written with a magnitude alone: 亿元以上项目. */
const MAGNITUDE_UNIT = /^[十百千万亿]+元$/u;
/** A number, not a word that starts with a numeral character (零工, 万众). */
const isNumeral = (t: Token) => /^\d/.test(t.word) || (t.tag === 'm' && DIGIT_START.test(t.word));
const isVerb = (t: Token) => /^v[dgi]?$/.test(t.tag) || t.tag === 'v';
const HAN = /^\p{Script=Han}+$/u;
// Words the dictionary does not know (tag x) are names and terms far more often than verbs.
const NUMERAL = /[\d零〇一二两三四五六七八九十百千万亿半几%‰]/u;
/** Words of place and time the tagger marks f that do not name things. */
const POSITION = /^(?:期间|以上|以下|之间|以内|之内|以来|前后|左右|上下|内外|中间|之中|当中|之后|之前|以后|以前|以外|之外)$/u;
const isNounLike = (t: Token) =>
  /^(n\w*|vn|an|j|l|i|b|eng|g|s|z\w*|k)$/.test(t.tag) ||
  (t.tag === 'f' && t.word.length >= 2 && !POSITION.test(t.word)) ||
  (t.tag === 'm' && !NUMERAL.test(t.word)) ||
  /^[A-Za-z][A-Za-z0-9.+-]*$/.test(t.word) ||
  (t.tag === 'x' && HAN.test(t.word));
const isAdjective = (t: Token) => t.tag === 'a' || t.tag === 'ad';

/** A one-character place word left by the segmenter after a name: 南湾|市. */
const PLACE_CHAR = /^[省市县区州镇乡]$/u;

/** An unknown word ending in a place suffix, 3 characters or more: 北岭县, 江屿市. */
function isPlaceName(t: Token, lex: Lexicon): boolean {
  return t.tag === 'x' && t.word.length >= 3 && /[省市县区州]$/u.test(t.word) && !lex.measureHeads.some((h) => t.word.endsWith(h));
}

function isPlace(t: Token, lex: Lexicon): boolean {
  if (lex.placeWhole.has(t.word)) return true;
  return t.tag === 'ns' && t.word.length >= 2 && !lex.actionVerbs.has(t.word) && !lex.areaWords.has(t.word) && !/[级型类式]$/u.test(t.word);
}

function joinTokens(ctx: Context, tokens: Token[]): string {
  return tokens.map((t) => ctx.display(t.start, t.end)).join('');
}

function trimPhrase(tokens: Token[]): Token[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && (/^(的|和|及|与|以及|或|、|之)$/.test(tokens[a]!.word) || isPunct(tokens[a]!))) a++;
  while (b > a && (/^(的|和|及|与|以及|或|、|了)$/.test(tokens[b - 1]!.word) || isPunct(tokens[b - 1]!))) b--;
  return tokens.slice(a, b);
}

/** Index of the opening bracket or quote that the closing one at `close` pairs with, or -1. */
function openerOf(tokens: Token[], close: number): number {
  const opener = PAIRS[tokens[close]!.word];
  for (let j = close - 1; j >= 0; j--) {
    if (tokens[j]!.word === opener) return j;
    if (/^[。；;]$/.test(tokens[j]!.word)) return -1;
  }
  return -1;
}

function closerOf(tokens: Token[], open: number): number {
  const want = Object.keys(PAIRS).find((k) => PAIRS[k] === tokens[open]!.word);
  for (let j = open + 1; j < tokens.length; j++) {
    if (tokens[j]!.word === want) return j;
    if (/^[。；;，,]$/.test(tokens[j]!.word)) return -1;
  }
  return -1;
}

export type PhraseMode = 'count' | 'measure';

/** Where the run of tokens that pass `test` and ends at token `last` starts (`last + 1` if none). */
function runStart(tokens: Token[], last: number, test: (t: Token) => boolean): number {
  let j = last + 1;
  while (j > 0 && test(tokens[j - 1]!)) j--;
  return j;
}

const isDigits = (t: Token) => /^\d+$/.test(t.word);
const isDigitsOrPoint = (t: Token) => /^[\d.]+$/.test(t.word);

/** The word before the run of digits and points that ends at token i. */
function wordBeforeDigits(tokens: Token[], i: number): string {
  return tokens[runStart(tokens, i - 1, isDigitsOrPoint) - 1]?.word ?? '';
}

/**
 * Where a date or a span of years that ends right before token `end` starts (到2030年, 2025年底,
 * 连续5年), or `end` if none does: not 年 of a name written with letters (PM2.5年均值).
 */
function dateBefore(tokens: Token[], end: number): number {
  let j = end - 1;
  if (!/^(?:年|年度|月|月份|日|年底|年末|年初)$/u.test(tokens[j]?.word ?? '')) return end;
  j--;
  if (!tokens[j] || !isDigits(tokens[j]!)) return end;
  j = runStart(tokens, j, isDigitsOrPoint);
  if (/[A-Za-z]$/.test(tokens[j - 1]?.word ?? '')) return end;
  // …or a span of years before the verb: 连续5年保持, 5年增加.
  if (/^(?:到|至|连续|近)$/u.test(tokens[j - 1]?.word ?? '')) j--;
  return j;
}

/**
 * The noun phrase that ends at `end`, read right to left from there, no further than `from`.
 * In `count` mode the verb of what was done is kept (破获刑事案件); in `measure` mode a verb
 * inside a compound noun is kept (消费品零售总额) and the walk ends after a leading verb.
 */
/** How far before a figure the segmenter looks at first, and at most (UTF-16 units). */
const NEAR = 20;
const FAR = 64;

export function phraseBefore(ctx: Context, from: number, end: number, mode: PhraseMode, list = false): Phrase | null {
  if (end <= from) return null;
  const near = Math.max(from, end - NEAR);
  const first = readPhraseBefore(ctx, near, end, mode, list);
  // A walk that ran into the edge of a short window may have been cut: look further back.
  if (first.reachedStart && near > from) return readPhraseBefore(ctx, Math.max(from, end - FAR), end, mode, list).phrase;
  return first.phrase;
}

function readPhraseBefore(ctx: Context, from: number, end: number, mode: PhraseMode, list: boolean): { phrase: Phrase | null; reachedStart: boolean } {
  const phrase = walkBack(ctx, from, end, mode, list);
  // The first word of a window cut out of a clause may be part of a word: reaching it is
  // reaching the edge.
  return { phrase: phrase.result, reachedStart: phrase.stoppedAt <= 0 };
}

function walkBack(ctx: Context, from: number, end: number, mode: PhraseMode, list: boolean): { result: Phrase | null; stoppedAt: number } {
  const { lex } = ctx;
  const tokens = ctx.tokens(from, end);
  let i = tokens.length - 1;
  // Between a metric and its figure: adverbs, particles, words of time (每年, 当年) and of goals.
  const skipped = (t: Token) =>
    t.tag === 'd' || t.tag.startsWith('u') || (t.tag === 't' && !lex.ageGroups.has(t.word)) || lex.determiners.has(t.word) || lex.timeWords.has(t.word) || lex.targetWords.has(t.word) || SPAN_OF_TIME.test(t.word);
  for (;;) {
    while (i >= 0 && skipped(tokens[i]!)) i--;
    // …and a date written between them: 产量(到)2030年达到….
    const date = dateBefore(tokens, i + 1);
    if (date === i + 1) break;
    i = date - 1;
  }
  const kept: Token[] = [];
  let subject: string | undefined;
  let seenNoun = false;
  while (i >= 0) {
    const t = tokens[i]!;
    // A threshold that sets the group measured belongs to it: 60岁以上|老年人被骗案件.
    const unitBefore = tokens[i - 1];
    if (THRESHOLD.test(t.word) && kept.length && unitBefore && (MAGNITUDE_UNIT.test(unitBefore.word) || (!isNumeral(unitBefore) && tokens[i - 2] && isNumeral(tokens[i - 2]!)))) {
      // The unit before it, and the digits before the unit (60|岁|以上, 亿元|以上).
      const j = runStart(tokens, i - 2, isNumeral);
      kept.unshift(...tokens.slice(j, i + 1));
      seenNoun = true;
      i = j - 1;
      continue;
    }
    // A per-capita denominator belongs to its measure: 每万人|发案率, 每10万人口|死亡率.
    if (isNumeral(t) && kept.length) {
      const j = runStart(tokens, i, isNumeral);
      // A denominator alone before the figure is passed over: 抽检量超每千人|6.6批次.
      if (tokens[j - 1]?.word === '每') {
        if (kept.some((k) => !DENOMINATOR.test(k.word))) kept.unshift(...tokens.slice(j - 1, i + 1));
        else kept.length = 0;
        i = j - 2;
        continue;
      }
    }
    // A note number in square brackets (产业［2］) is not part of the phrase.
    if (/^[\]］〕]$/u.test(t.word) && tokens[i - 1] && /^\d+$/.test(tokens[i - 1]!.word) && /^[\[［〔]$/u.test(tokens[i - 2]?.word ?? '')) {
      i -= 3;
      continue;
    }
    if (CLOSE.test(t.word)) {
      const j = openerOf(tokens, i);
      if (j < 0) break;
      kept.unshift(...tokens.slice(j, i + 1));
      seenNoun = true;
      i = j - 1;
      continue;
    }
    // 、 inside a list's phrase; and in a count of one figure, between the things it totals (网址、APP共1万个).
    // (and between verbs of one deed: 审结、执结案件)
    const joinsNouns = mode === 'count' && tokens[i - 1] && ((seenNoun && isNounLike(tokens[i - 1]!)) || (isVerb(tokens[i - 1]!) && kept[0] !== undefined && isVerb(kept[0])));
    if ((list || joinsNouns) && t.word === '、' && kept.length && tokens[i - 1] && (isNounLike(tokens[i - 1]!) || isVerb(tokens[i - 1]!) || CLOSE.test(tokens[i - 1]!.word))) {
      kept.unshift(t);
      i--;
      continue;
    }
    if (isPunct(t) || OPEN.test(t.word) || lex.targetWords.has(t.word)) break;
    // A prefix belongs to the noun after it: 非|化石能源 is not 化石能源.
    if (t.tag === 'h' && kept.length && isNounLike(kept[0]!)) {
      kept.unshift(t);
      i--;
      continue;
    }
    // 占全国比重: the place after 占 is the whole of a share, not the subject.
    if (lex.placeWhole.has(t.word) && tokens[i - 1]?.word === '占' && kept.length) {
      kept.unshift(tokens[i - 1]!, t);
      i -= 2;
      continue;
    }
    if (lex.placeWhole.has(t.word)) {
      if (lex.placeSubjects.has(t.word)) subject = t.word;
      break;
    }
    if (isDigits(t) && kept.length) {
      const j = runStart(tokens, i, isDigits);
      const digits = tokens.slice(j, i + 1);
      if (SERVICE_NUMBER.test(digits.map((d) => d.word).join('')) && tokens[j - 1] && HAN.test(tokens[j - 1]!.word)) {
        kept.unshift(...digits);
        i = j - 1;
        continue;
      }
    }
    // A number is the end, unless it is part of a name written with letters (PM2.5, 5G基站),
    // which the segmenter may cut at every letter, digit and point (P|M|2|.|5).
    if (/^[\d.]+$/.test(t.word) && (/[A-Za-z]$/.test(wordBeforeDigits(tokens, i)) || /^[A-Za-z]/.test(kept[0]?.word ?? ''))) {
      kept.unshift(t);
      seenNoun = true;
      i--;
      continue;
    }
    if (t.tag === 't' && lex.ageGroups.has(t.word)) {
      kept.unshift(t);
      seenNoun = true;
      i--;
      continue;
    }
    // A bare measure or deed (产值, 完成) after its topic and a light verb or adverb: 工业企业|实现|产值,
    // 预算收入|累计|完成. The topic names what is measured; the verb between is left out.
    const between = lex.lightVerbs.has(t.word) || (lex.timeWords.has(t.word) && t.word.length > 1);
    const bare = () => (kept.length === 1 && isVerb(kept[0]!)) || lex.measureHeads.includes(kept.map((k) => k.word).join(''));
    if (between && kept.length && tokens[i - 1] && isNounLike(tokens[i - 1]!) && !lex.placeWhole.has(tokens[i - 1]!.word) && bare()) {
      i--;
      continue;
    }
    if (lex.timeWords.has(t.word) || t.tag === 't' || /^\d/.test(t.word)) break;
    // 来 after a span of time is "since" (五年|来), which the segmenter leaves as a verb.
    if (t.word === '来' && tokens[i - 1] && (tokens[i - 1]!.tag === 't' || /[年月天]$/u.test(tokens[i - 1]!.word))) break;
    // 年 after a number is a date's (2025|年|总量).
    if (dateBefore(tokens, i + 1) !== i + 1) break;
    if (lex.determiners.has(t.word)) {
      if (!seenNoun) break;
      i--;
      continue;
    }
    // A conjunction or a measure word never ends a phrase: at the right edge it is a noun the
    // tagger misread (枫桥所, 充电桩).
    if ((t.tag === 'c' || t.tag === 'q') && kept.length === 0 && t.word.length === 1) {
      kept.unshift(t);
      seenNoun = true;
      i--;
      continue;
    }
    if (isVerb(t)) {
      if (lex.lightVerbs.has(t.word)) break;
      // A verb before a one-character noun is part of a compound word: 调解室, 服务站.
      const right = kept[0];
      if (right && isNounLike(right) && right.word.length === 1 && seenNoun) {
        kept.unshift(t);
        i--;
        continue;
      }
      // Inside a noun phrase a verb can modify (示范社区 after 省级): only a verb of what was
      // done, or one with no noun on its left, ends a count's phrase.
      const leftOf = tokens[i - 1];
      const modifier = !lex.actionVerbs.has(t.word) && leftOf && (isNounLike(leftOf) || leftOf.tag === 'b') && !lex.placeWhole.has(leftOf.word);
      if (mode === 'count' && seenNoun && modifier) {
        kept.unshift(t);
        i--;
        continue;
      }
      if (mode === 'count' && seenNoun) {
        const verbs = [t];
        i--;
        // …with a negation before them (未发现).
        const deedVerb = (k: number) => k >= 0 && ((isVerb(tokens[k]!) && !lex.lightVerbs.has(tokens[k]!.word)) || NEGATION.test(tokens[k]!.word));
        while (deedVerb(i)) verbs.unshift(tokens[i--]!);
        // Verbs of one deed joined by 、: 遣返、劝返嫌疑人.
        while (i >= 1 && tokens[i]!.word === '、' && deedVerb(i - 1)) {
          verbs.unshift(tokens[i--]!);
          while (deedVerb(i)) verbs.unshift(tokens[i--]!);
        }
        kept.unshift(...verbs);
        break;
      }
      // A verb right before the figure names the measure or the deed of its topic (发案,
      // 出口, 案件立案); one after a noun is the verb of a compound (消费品零售总额) when a
      // noun or a verb stands on its left too.
      const left = tokens[i - 1];
      kept.unshift(t);
      i--;
      const joined = left && (isNounLike(left) || NEGATION.test(left.word) || (isVerb(left) && !lex.lightVerbs.has(left.word)) || (list && (left.word === '、' || left.tag === 'c')));
      if (seenNoun && !joined) break;
      continue;
    }
    if (isNounLike(t) || isAdjective(t)) {
      kept.unshift(t);
      if (isNounLike(t)) seenNoun = true;
      i--;
      continue;
    }
    const left = tokens[i - 1];
    // A word of place between two nouns belongs to a term: 规上工业, 线上平台.
    if (t.tag === 'f' && seenNoun && left && isNounLike(left)) {
      kept.unshift(t);
      i--;
      continue;
    }
    // 用 before what is used is a word with it (用能, 用海, 用地), which the tagger splits as a preposition.
    if (t.word === '用' && kept.length && kept[0]!.word.length === 1) {
      kept.unshift(t);
      seenNoun = true;
      i--;
      continue;
    }
    // A negation belongs to what it negates: 未佩戴头盔的死亡者, 未发现复吸人员.
    if (NEGATION.test(t.word) && kept.length) {
      kept.unshift(t);
      i--;
      continue;
    }
    // An adverb between two nouns belongs to a term: 资金预后被骗率.
    if (t.tag === 'd' && seenNoun && left && isNounLike(left) && !lex.timeWords.has(t.word)) {
      kept.unshift(t);
      i--;
      continue;
    }
    if (t.word === '的' && seenNoun && left && (isNounLike(left) || isVerb(left))) {
      kept.unshift(t);
      i--;
      continue;
    }
    if ((t.tag === 'c' || t.word === '、') && (seenNoun || (list && kept.length)) && left && (isNounLike(left) || (list && isVerb(left))) && !lex.placeWhole.has(left.word)) {
      kept.unshift(t);
      i--;
      continue;
    }
    break;
  }
  const stoppedAt = i;
  let phrase = trimPhrase(kept);
  // A chain of verbs names a deed when nothing else does: 组织开展集中学习.
  const verbs = phrase.filter(isVerb);
  const deed = !phrase.some(isNounLike) && (verbs.length >= 2 || (verbs.length === 1 && (lex.actionVerbs.has(verbs[0]!.word) || lex.loneVerbs.has(verbs[0]!.word))));
  // A place at the left edge names whose figure it is, not what is measured (江屿市 …).
  const placeAhead = (p: Token[]) =>
    isPlace(p[0]!, lex) || isPlaceName(p[0]!, lex) || (p[0]!.tag === 'x' && PLACE_CHAR.test(p[1]!.word));
  while (phrase.length > 2 && placeAhead(phrase) && isNounLike(phrase[1]!)) {
    const place = PLACE_CHAR.test(phrase[1]!.word) ? 2 : 1;
    if (phrase.length <= place) break;
    subject = ctx.display(phrase[0]!.start, phrase[place - 1]!.end);
    phrase = phrase.slice(place);
  }
  if (!phrase.length || (!phrase.some(isNounLike) && !deed)) return { result: subject ? { text: '', start: end, end, subject } : null, stoppedAt };
  const textOf = joinTokens(ctx, phrase);
  if ([...textOf].length < 2) return { result: null, stoppedAt };
  return { result: { text: textOf, start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end, subject }, stoppedAt };
}

/** The phrase after a counted figure: the thing counted, and what is said of it (281名民警进班子). */
export function phraseAfter(ctx: Context, start: number, to: number): Phrase | null {
  const { lex } = ctx;
  if (to <= start) return null;
  const tokens = ctx.tokens(start, Math.min(to, start + 28));
  let i = 0;
  while (i < tokens.length && tokens[i]!.word === '的') i++;
  const first = tokens[i];
  const second = tokens[i + 1];
  // A bracket right after the figure is an aside (180座（含…）), not the thing counted.
  if (first && /^[（(]$/u.test(first.word)) return null;
  // An adverb (相对集中居住农户) or the passive 被 (两次被评为…) may open what is said.
  const openerFirst = (first?.tag === 'd' || first?.word === '被') && second && !isPunct(second);
  // (A word the tagger calls a numeral but holds none, 大宗, may open it.)
  if (!first || isPunct(first) || (/^[pducrq]/.test(first.tag) && !openerFirst) || isNumeral(first) || (first.tag === 'm' && !(HAN.test(first.word) && isNounLike(first)))) return null;
  const kept: Token[] = [];
  let length = 0;
  let seenNoun = false;
  for (; i < tokens.length && length < 24; i++) {
    const t = tokens[i]!;
    if (OPEN.test(t.word)) {
      const j = closerOf(tokens, i);
      // A short bracket after a noun is part of it: 县（市、区）, 套（间）; a long one is an aside.
      if (j < 0 || (seenNoun && t.word !== '“' && tokens[j]!.end - t.start > 8)) break;
      kept.push(...tokens.slice(i, j + 1));
      length += (tokens[j]!.end - tokens[i]!.start);
      seenNoun = true;
      i = j;
      continue;
    }
    // 、 joins the modifiers of one noun (黄浦江、苏州河滨水驿站) unless a figure follows it.
    if (t.word === '、' && seenNoun && tokens[i + 1] && !isNumeral(tokens[i + 1]!) && !isPunct(tokens[i + 1]!)) {
      kept.push(t);
      length += 1;
      continue;
    }
    if (isPunct(t) || isNumeral(t)) break;
    // Adverbs between the thing and what is said of it are left out: 所长已兼任 -> 所长兼任.
    if (seenNoun && (t.tag === 'd' || lex.timeWords.has(t.word))) continue;
    if ((t.tag === 'c' || t.word === '等') && (!tokens[i + 1] || isNumeral(tokens[i + 1]!))) break;
    if (t.tag === 'p' && seenNoun) break;
    kept.push(t);
    length += t.word.length;
    if (isNounLike(t)) seenNoun = true;
  }
  let phrase = trimPhrase(kept);
  // What the next figure's verb says is not part of this one's phrase: …优良率达|100%.
  const dangling = (t: Token) => lex.cueWords.has(t.word) || lex.lightVerbs.has(t.word) || lex.qualifierWords.has(t.word) || /^p/.test(t.tag);
  while (phrase.length > 1 && dangling(phrase[phrase.length - 1]!)) phrase = phrase.slice(0, -1);
  // 造成3人死亡: the verb alone says what befell them.
  const lone = phrase.length === 1 && lex.loneVerbs.has(phrase[0]!.word);
  if (!phrase.length || (!seenNoun && !lone)) return null;
  const head = phrase[0]!;
  return {
    text: joinTokens(ctx, phrase),
    start: head.start,
    end: phrase[phrase.length - 1]!.end,
    nounFirst: isNounLike(head) || isAdjective(head) || OPEN.test(head.word),
  };
}

function verbsEndingAt(tokens: Token[], last: number, lex: Lexicon): Token[] {
  const verbs: Token[] = [];
  for (let i = last; i >= 0 && isVerb(tokens[i]!) && !lex.lightVerbs.has(tokens[i]!.word); i--) verbs.unshift(tokens[i]!);
  return verbs;
}

/**
 * The verb of what was done before a figure: right before it (建成61个, 配备89名), or at the
 * head of the list the figure closes or belongs to (建立领导包案、每日研判等5项制度;
 * 制定工作计划、5个子方案).
 */
export function verbBefore(ctx: Context, from: number, end: number): Phrase | null {
  const { lex } = ctx;
  if (end <= from) return null;
  const tokens = ctx.tokens(Math.max(from, end - 24), end);
  let i = tokens.length - 1;
  while (i >= 0 && (tokens[i]!.word === '了' || tokens[i]!.word === '共' || lex.determiners.has(tokens[i]!.word))) {
    if (tokens[i]!.word === '等' || tokens[i]!.word === '等等') break;
    i--;
  }
  let verbs: Token[] = [];
  const listed = i >= 0 && /^(等|等等|、|和|及)$/.test(tokens[i]!.word);
  if (listed) {
    const head = tokens.findIndex((t) => isVerb(t) && !lex.lightVerbs.has(t.word));
    if (head >= 0 && head < i) {
      let last = head;
      while (last + 1 < i && isVerb(tokens[last + 1]!) && !lex.lightVerbs.has(tokens[last + 1]!.word)) last++;
      verbs = tokens.slice(head, last + 1);
    }
  } else {
    verbs = verbsEndingAt(tokens, i, lex);
  }
  if (!verbs.length) return null;
  return { text: joinTokens(ctx, verbs), start: verbs[0]!.start, end: verbs[verbs.length - 1]!.end };
}

/** Whether the text before `end` (from `from`) ends with a verb: 建成两个…, not 八类案件. */
export function endsWithVerb(ctx: Context, from: number, end: number): boolean {
  return verbBefore(ctx, from, end) !== null;
}

/** The qualifier word that ends the text before `end`, if it is a whole word (超, not 签约). */
export function qualifierWordBefore(ctx: Context, from: number, end: number): string | null {
  const m = ctx.lex.qualifierBefore.exec(ctx.text.slice(Math.max(from, end - 6), end));
  if (!m) return null;
  const tokens = ctx.tokens(Math.max(from, end - 8), end);
  const last = tokens[tokens.length - 1];
  // 签约 ends with 约 but is a word of its own; 收入超 may be cut 收|入超, and still qualifies,
  // and so does a qualifier of several words (不|低于).
  const start = end - m[0].length;
  if (!last || !(last.word.endsWith(m[0]) || tokens.some((t) => t.start === start))) return null;
  return ctx.lex.qualifierFalseFriends.has(last.word) ? null : m[0];
}

export function qualifierOf(ctx: Context, q: Quantity, from: number): Qualifier | null {
  const prefix = qualifierWordBefore(ctx, from, q.start);
  if (prefix) return ctx.lex.qualifierWords.get(prefix) ?? null;
  const lex = ctx.lex;
  if (q.approx) return 'over';
  if (q.post) return lex.qualifierWords.get(q.post) ?? null;
  return null;
}

/** The subject named before a figure: the last place or body word (全市, 西宁市, 城北公安分局). */
export function subjectIn(ctx: Context, from: number, to: number): string | null {
  if (to <= from) return null;
  const stretch = ctx.text.slice(from, to);
  if (!ctx.lex.subjectEnd.test(stretch)) return null;
  let found: string | null = null;
  for (const m of stretch.matchAll(ctx.lex.subjectWords)) found = ctx.display(from + m.index, from + m.index + m[0].length);
  return found;
}

/**
 * A metric carried to a level drops the deed at its edges, a whole word: 案例新增9个、累计达到
 * 79个 -> 案例; 生产总值 keeps its 生产.
 */
export function withoutDeed(metric: string, lex: Lexicon, words: (text: string) => string[]): string {
  const parts = words(metric);
  if (parts.length < 2) return metric;
  if (lex.actionVerbs.has(parts[0]!)) return parts.slice(1).join('');
  if (lex.actionVerbs.has(parts[parts.length - 1]!)) return parts.slice(0, -1).join('');
  return metric;
}

/**
 * The head a list member shares with the last member, which alone writes it out: the longest
 * of what follows the character the member ends with (经开区、高新区规模以上工业产值 ->
 * 规模以上工业产值; 国家级、部级创新平台 -> 创新平台) and, when the last member ends in a
 * measure, that measure or its final word (侵财案件破案率 -> 破案率, 初中入学率 -> 入学率). A
 * head starts where a word starts.
 */
function sharedHead(member: string, lastWords: string[], lex: Lexicon): string {
  // A member that ends in a measure of its own (事故起数和死亡人数) shares nothing.
  if (lex.measureHeads.some((h) => member.endsWith(h)) || /[数率量额值]$/u.test(member)) return '';
  const last = lastWords.join('');
  const starts = new Set<number>();
  let at = 0;
  for (const w of lastWords) {
    starts.add(at);
    at += w.length;
  }
  // The last word counts as a measure (入学率), or after a bare modifier (刑事、治安案件), not as
  // a thing a whole member names (示范社区、示范村).
  const measure = lex.measureHeads.find((h) => last.endsWith(h) && last.length > h.length);
  const candidates = measure || [...member].length <= 2 ? [measure ?? '', lastWords[lastWords.length - 1] ?? ''] : [];
  const tail = member[member.length - 1]!;
  for (let i = last.indexOf(tail); i >= 0 && i < last.length - 1; i = last.indexOf(tail, i + 1)) candidates.push(last.slice(i + 1));
  // …or what follows a modifier as long as this member, when that is a short word or starts as
  // this member does (生猪、家禽|年出栏量; 涉诈、涉毒|警情; not 国际友城、外国驻穗|总领馆), and the
  // rest is a word that does not repeat the member's end (not 命案、侵财|案件破案率) nor opens a quote.
  const rest = last.slice(member.length);
  if ((member.length <= 2 || (member.length <= 4 && last.startsWith(member[0]!))) && rest && !rest.startsWith(tail) && HAN.test(rest[0]!)) candidates.push(rest);
  let head = '';
  for (const c of candidates) if (c.length > head.length && c.length < last.length && starts.has(last.length - c.length)) head = c;
  return head;
}

/**
 * Splits the noun phrase of a list (A、B和C增加值) into `count` members, or into all of its
 * members (A和B均…), each with the head that only the last one writes out. Null when the
 * phrase does not split that way.
 */
export function listMembers(phrase: string, count: number | 'all', lex: Lexicon, words: (text: string) => string[]): string[] | null {
  // 城乡 names two members: 城乡居民收入分别增长5%、7% is 城镇居民收入 and 农村居民收入.
  if (count === 2 && phrase.startsWith('城乡') && phrase.length > 2 && !/、|和|及|与/u.test(phrase)) return [`城镇${phrase.slice(2)}`, `农村${phrase.slice(2)}`];
  let parts = phrase.split('、');
  if (count === 'all' || parts.length < count) {
    const last = parts.pop()!;
    parts = [...parts, ...last.split(/以及|和|及|与/u)];
  }
  if ((count === 'all' ? parts.length < 2 : parts.length !== count) || parts.some((p) => !p)) return null;
  const lastWords = words(parts[parts.length - 1]!);
  return parts.map((p, k) => (k < parts.length - 1 ? p + sharedHead(p, lastWords, lex) : p));
}
