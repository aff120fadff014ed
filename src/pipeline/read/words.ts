// What the phrase rules ask of a word the segmenter gave: its kind (noun, verb, numeral,
// punctuation, place), brackets that pair, dates, and the text of a run of words.
import type { Lexicon } from '../lexicon.js';
import { segment, type Token } from '../segment.js';

/** What the phrase rules read: the normalized text, the vocabulary, and the original characters. */
export interface Context {
  text: string;
  lex: Lexicon;
  /** the original characters of a normalized range, layout whitespace left out */
  display(from: number, to: number): string;
  /** the words of a normalized range, segmented in the context of their clause */
  tokens(from: number, to: number): Token[];
  /** when set, every rule that applies adds its id (the rules' own tests read it) */
  fired?: Set<string>;
}

/** A run of words of the text: a metric, the thing counted, a verb. */
export interface Phrase {
  text: string;
  /** normalized offsets of the phrase */
  start: number;
  end: number;
  /** a place or body met at the phrase's left edge */
  subject?: string;
  /** the phrase after a figure starts with the thing counted, not with a verb */
  nounFirst?: boolean;
  /** the phrase rules that shaped it, for --explain */
  steps?: string[];
}

const PUNCT = /^[，,。；;：:、！!？?\s…—·]+$/u;
export const OPEN = /^[“‘「『(（《【]$/u;
export const CLOSE = /^[”’」』)）》】]$/u;
const PAIRS: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『', ')': '(', '）': '（', '》': '《', '】': '【' };
const DIGIT_START = /^[\d零〇一二两三四五六七八九十百千万]/u;
export const HAN = /^\p{Script=Han}+$/u;
// Words the dictionary does not know (tag x) are names and terms far more often than verbs.
const NUMERAL = /[\d零〇一二两三四五六七八九十百千万亿半几%‰]/u;

export const isPunct = (t: Token) => PUNCT.test(t.word);
/** A number, not a word that starts with a numeral character (零工, 万众). */
export const isNumeral = (t: Token) => /^\d/.test(t.word) || (t.tag === 'm' && DIGIT_START.test(t.word));
export const isVerb = (t: Token) => /^v[dgi]?$/.test(t.tag) || t.tag === 'v';
export const isDigits = (t: Token) => /^\d+$/.test(t.word);
export const isDigitsOrPoint = (t: Token) => /^[\d.]+$/.test(t.word);
export const isAdjective = (t: Token) => t.tag === 'a' || t.tag === 'ad';

export function isNounLike(t: Token, lex: Lexicon): boolean {
  return (
    /^(n\w*|vn|an|j|l|i|b|eng|g|s|z\w*|k)$/.test(t.tag) ||
    (t.tag === 'f' && t.word.length >= 2 && !lex.positionWords.has(t.word)) ||
    (t.tag === 'm' && !NUMERAL.test(t.word)) ||
    /^[A-Za-z][A-Za-z0-9.+-]*$/.test(t.word) ||
    (t.tag === 'x' && HAN.test(t.word))
  );
}

/** An unknown word ending in a place suffix, 3 characters or more: 北岭县, 江屿市. */
export function isPlaceName(t: Token, lex: Lexicon): boolean {
  return t.tag === 'x' && t.word.length >= 3 && lex.placeNameEnd.test(t.word) && !lex.measureHeads.some((h) => t.word.endsWith(h));
}

export function isPlace(t: Token, lex: Lexicon): boolean {
  if (lex.placeWhole.has(t.word)) return true;
  return t.tag === 'ns' && t.word.length >= 2 && !lex.actionVerbs.has(t.word) && !lex.areaWords.has(t.word) && !lex.notPlaces.has(t.word) && !/[级型类式]$/u.test(t.word);
}

/** The words of a text, segmented alone. */
export const wordsOf = (text: string): string[] => segment(text).map((t) => t.word);

export function joinTokens(ctx: Context, tokens: Token[]): string {
  return tokens.map((t) => ctx.display(t.start, t.end)).join('');
}

/** The words of a phrase without the function words and punctuation at its edges. */
export function trimPhrase(tokens: Token[], lex: Lexicon): Token[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && (lex.edgeStart.has(tokens[a]!.word) || isPunct(tokens[a]!))) a++;
  while (b > a && (lex.edgeEnd.has(tokens[b - 1]!.word) || isPunct(tokens[b - 1]!))) b--;
  return tokens.slice(a, b);
}

/** Index of the opening bracket or quote that the closing one at `close` pairs with, or -1. */
export function openerOf(tokens: Token[], close: number): number {
  const opener = PAIRS[tokens[close]!.word];
  for (let j = close - 1; j >= 0; j--) {
    if (tokens[j]!.word === opener) return j;
    if (/^[。；;]$/.test(tokens[j]!.word)) return -1;
  }
  return -1;
}

/** Index of the closing bracket or quote that the opening one at `open` pairs with, or -1. */
export function closerOf(tokens: Token[], open: number): number {
  const want = Object.keys(PAIRS).find((k) => PAIRS[k] === tokens[open]!.word);
  for (let j = open + 1; j < tokens.length; j++) {
    if (tokens[j]!.word === want) return j;
    if (/^[。；;，,]$/.test(tokens[j]!.word)) return -1;
  }
  return -1;
}

/** Where the run of tokens that pass `test` and ends at token `last` starts (`last + 1` if none). */
export function runStart(tokens: Token[], last: number, test: (t: Token) => boolean): number {
  let j = last + 1;
  while (j > 0 && test(tokens[j - 1]!)) j--;
  return j;
}

/** The word before the run of digits and points that ends at token i. */
export function wordBeforeDigits(tokens: Token[], i: number): string {
  return tokens[runStart(tokens, i - 1, isDigitsOrPoint) - 1]?.word ?? '';
}

/**
 * Where a date or a span of years that ends right before token `end` starts (到2030年, 2025年底,
 * 连续5年), or `end` if none does: not 年 of a name written with letters (PM2.5年均值).
 */
export function dateBefore(tokens: Token[], end: number, lex: Lexicon): number {
  let j = end - 1;
  if (!lex.dateEnds.has(tokens[j]?.word ?? '')) return end;
  j--;
  if (!tokens[j] || !isDigits(tokens[j]!)) return end;
  j = runStart(tokens, j, isDigitsOrPoint);
  if (/[A-Za-z]$/.test(tokens[j - 1]?.word ?? '')) return end;
  // …or a span of years before the verb: 连续5年保持, 5年增加.
  if (lex.dateLeads.has(tokens[j - 1]?.word ?? '')) j--;
  return j;
}
