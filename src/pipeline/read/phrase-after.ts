// The phrase after a figure (the thing counted: 建成61个|智慧安防小区, 281名|民警进班子) and the
// verb of a deed before one (建成|61个), read with the segmenter's words.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment.js';
import type { Rule } from './rule.js';
import type { Verdict } from './phrase-before.js';
import { HAN, OPEN, closerOf, isAdjective, isNounLike, isNumeral, isPunct, isVerb, joinTokens, trimPhrase, type Context, type Phrase } from './words.js';

/** The walk from the figure rightwards. */
export interface ForwardWalk {
  lex: Lexicon;
  tokens: Token[];
  i: number;
  kept: Token[];
  /** characters kept so far */
  length: number;
  seenNoun: boolean;
  steps: string[];
}

type ForwardRule = Rule<ForwardWalk, Verdict>;

const at = (w: ForwardWalk, k = 0) => w.tokens[w.i + k];

export const bracketedAfter: ForwardRule = {
  id: 'after.bracketed',
  description: 'A short bracket after a noun is part of it (县（市、区）, 套（间）); a long one is an aside that ends the phrase',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    const t = at(w)!;
    if (!OPEN.test(t.word)) return 'pass';
    const j = closerOf(w.tokens, w.i);
    if (j < 0 || (w.seenNoun && t.word !== '“' && w.tokens[j]!.end - t.start > 8)) return 'end';
    w.kept.push(...w.tokens.slice(w.i, j + 1));
    w.length += w.tokens[j]!.end - t.start;
    w.seenNoun = true;
    w.i = j;
    return 'next';
  },
};

export const modifiersJoined: ForwardRule = {
  id: 'after.modifiers-joined',
  description: '、 joins the modifiers of one noun (黄浦江、苏州河滨水驿站) unless a figure follows it',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    const next = at(w, 1);
    if (at(w)!.word !== '、' || !w.seenNoun || !next || isNumeral(next) || isPunct(next)) return 'pass';
    w.kept.push(at(w)!);
    w.length += 1;
    return 'next';
  },
};

export const endAfter: ForwardRule = {
  id: 'after.end-edge',
  description: 'Punctuation or a number ends the thing counted',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    return isPunct(at(w)!) || isNumeral(at(w)!) ? 'end' : 'pass';
  },
};

export const adverbLeftOut: ForwardRule = {
  id: 'after.adverb-left-out',
  description: 'Adverbs and words of time between the thing and what is said of it are left out (所长已兼任 → 所长兼任)',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    const t = at(w)!;
    return w.seenNoun && (t.tag === 'd' || w.lex.timeWords.has(t.word)) ? 'next' : 'pass';
  },
};

export const endBeforeFigure: ForwardRule = {
  id: 'after.end-before-figure',
  description: 'A conjunction or 等 before the next figure, or a preposition after the noun, ends the thing counted',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    const t = at(w)!;
    const next = at(w, 1);
    if ((t.tag === 'c' || t.word === '等') && (!next || isNumeral(next))) return 'end';
    return t.tag === 'p' && w.seenNoun ? 'end' : 'pass';
  },
};

export const wordAfter: ForwardRule = {
  id: 'after.word',
  description: 'Any other word is part of the thing counted and what is said of it',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    const t = at(w)!;
    w.kept.push(t);
    w.length += t.word.length;
    if (isNounLike(t, w.lex)) w.seenNoun = true;
    return 'next';
  },
};

const FORWARD_RULES: readonly ForwardRule[] = [bracketedAfter, modifiersJoined, endAfter, adverbLeftOut, endBeforeFigure, wordAfter];

/** Whether the first word after the figure can open the thing counted, or that a rule says it cannot. */
export const noThingAfter: Rule<{ first?: Token; second?: Token; lex: Lexicon }> = {
  id: 'after.no-thing',
  description: 'No thing is counted after a figure followed by an aside in brackets, punctuation, a function word or a number',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply({ first, second, lex }) {
    if (!first) return true;
    // A bracket right after the figure is an aside (180座（含…）), not the thing counted.
    if (/^[（(]$/u.test(first.word)) return true;
    // An adverb (相对集中居住农户) or the passive 被 (两次被评为…) may open what is said.
    const opener = (first.tag === 'd' || first.word === '被') && second && !isPunct(second);
    // (A word the tagger calls a numeral but holds none, 大宗, may open it.)
    return isPunct(first) || (/^[pducrq]/.test(first.tag) && !opener) || isNumeral(first) || (first.tag === 'm' && !(HAN.test(first.word) && isNounLike(first, lex)));
  },
};

export const dangling: Rule<ForwardWalk> = {
  id: 'after.dangling',
  description: "What the next figure's verb, qualifier or preposition says is not part of this one's thing (…优良率达|100%)",
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    const { lex } = w;
    const hangs = (t: Token) => lex.cueWords.has(t.word) || lex.lightVerbs.has(t.word) || lex.qualifierWords.has(t.word) || /^p/.test(t.tag);
    const before = w.kept.length;
    while (w.kept.length > 1 && hangs(w.kept[w.kept.length - 1]!)) w.kept.pop();
    return w.kept.length < before;
  },
};

export const loneVerb: Rule<ForwardWalk> = {
  id: 'after.lone-verb',
  description: 'A verb alone after a count of people says what befell them (造成3人死亡)',
  decides: ['metric'],
  examples: [],
  counterexamples: [],
  apply(w) {
    return w.kept.length === 1 && w.lex.loneVerbs.has(w.kept[0]!.word);
  },
};

/** The phrase after a counted figure: the thing counted, and what is said of it (281名民警进班子). */
export function phraseAfter(ctx: Context, start: number, to: number): Phrase | null {
  const { lex } = ctx;
  if (to <= start) return null;
  const tokens = ctx.tokens(start, Math.min(to, start + 28));
  const w: ForwardWalk = { lex, tokens, i: 0, kept: [], length: 0, seenNoun: false, steps: [] };
  while (w.i < tokens.length && tokens[w.i]!.word === '的') w.i++;
  if (noThingAfter.apply({ first: tokens[w.i], second: tokens[w.i + 1], lex })) {
    ctx.fired?.add(noThingAfter.id);
    return null;
  }
  for (; w.i < tokens.length && w.length < 24; w.i++) {
    let verdict: Verdict = 'pass';
    for (const rule of FORWARD_RULES) {
      if ((verdict = rule.apply(w)) !== 'pass') {
        w.steps.push(rule.id);
        break;
      }
    }
    if (verdict === 'end') break;
  }
  w.kept = trimPhrase(w.kept, lex);
  if (dangling.apply(w)) w.steps.push(dangling.id);
  const lone = loneVerb.apply(w);
  if (lone) w.steps.push(loneVerb.id);
  const steps = [...new Set(w.steps)];
  if (ctx.fired) for (const id of steps) ctx.fired.add(id);
  if (!w.kept.length || (!w.seenNoun && !lone)) return null;
  const head = w.kept[0]!;
  return {
    text: joinTokens(ctx, w.kept),
    start: head.start,
    end: w.kept[w.kept.length - 1]!.end,
    nounFirst: isNounLike(head, lex) || isAdjective(head) || OPEN.test(head.word),
    steps,
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
