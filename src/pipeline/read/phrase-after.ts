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
  examples: [
    {
      text: '全省设立86个县（市、区）级矛盾调解中心。',
      gives: [
        { metric: '设立县（市、区）级矛盾调解中心', value: 86, unit: '个', text: '设立86个县（市、区）级矛盾调解中心' },
      ],
    },
    {
      text: '全县新建8个农村客运站（均位于偏远山区乡镇）。',
      gives: [
        { metric: '新建农村客运站', value: 8, unit: '个', text: '新建8个农村客运站' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全省设立86个县级矛盾调解中心。',
      gives: [
        { metric: '设立县级矛盾调解中心', value: 86, unit: '个', text: '设立86个县级矛盾调解中心' },
      ],
    },
  ],
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
  examples: [
    {
      text: '全市建成24个东江、西溪沿岸绿道驿站。',
      gives: [
        { metric: '建成东江、西溪沿岸绿道驿站', value: 24, unit: '个', text: '建成24个东江、西溪沿岸绿道驿站' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市建成24个沿江绿道驿站。',
      gives: [
        { metric: '建成沿江绿道驿站', value: 24, unit: '个', text: '建成24个沿江绿道驿站' },
      ],
    },
  ],
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
  examples: [
    {
      text: '全区现有126家养老机构、4300张养老床位。',
      gives: [
        { metric: '养老机构', value: 126, unit: '家', text: '126家养老机构' },
        { metric: '养老床位', value: 4300, unit: '张', text: '4300张养老床位' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区现有138家养老机构。',
      gives: [
        { metric: '养老机构', value: 138, unit: '家', text: '138家养老机构' },
      ],
    },
  ],
  apply(w) {
    return isPunct(at(w)!) || isNumeral(at(w)!) ? 'end' : 'pass';
  },
};

export const adverbLeftOut: ForwardRule = {
  id: 'after.adverb-left-out',
  description: 'Adverbs and words of time between the thing and what is said of it are left out (所长已兼任 → 所长兼任)',
  decides: ['metric'],
  examples: [
    {
      text: '全县36名社区民警已兼任村党组织副书记。',
      gives: [
        { metric: '社区民警兼任村党组织副书记', value: 36, unit: '名', text: '36名社区民警已兼任村党组织副书记' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县36名社区民警兼任村党组织副书记。',
      gives: [
        { metric: '社区民警兼任村党组织副书记', value: 36, unit: '名', text: '36名社区民警兼任村党组织副书记' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    return w.seenNoun && (t.tag === 'd' || w.lex.timeWords.has(t.word)) ? 'next' : 'pass';
  },
};

export const endBeforeFigure: ForwardRule = {
  id: 'after.end-before-figure',
  description: 'A conjunction or 等 before the next figure, or a preposition after the noun, ends the thing counted',
  decides: ['metric'],
  examples: [
    {
      text: '全区抽调45名民警在重点路段执勤。',
      gives: [
        { metric: '抽调民警', value: 45, unit: '名', text: '抽调45名民警' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区抽调45名民警执勤。',
      gives: [
        { metric: '抽调民警执勤', value: 45, unit: '名', text: '抽调45名民警执勤' },
      ],
    },
  ],
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
  examples: [
    {
      text: '全年拆除86处违法建筑。',
      gives: [
        { metric: '拆除违法建筑', value: 86, unit: '处', text: '拆除86处违法建筑' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年拆除违法建筑86处。',
      gives: [
        { metric: '拆除违法建筑', value: 86, unit: '处', text: '拆除违法建筑86处' },
      ],
    },
  ],
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
  examples: [
    {
      text: '全县排查安全隐患860处并全部整改到位。',
      gives: [
        { metric: '排查安全隐患', value: 860, unit: '处', text: '排查安全隐患860处' },
      ],
    },
    {
      text: '全区新建村级文化广场36座（含室内场馆）。',
      gives: [
        { metric: '新建村级文化广场', value: 36, unit: '座', text: '新建村级文化广场36座' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县排查出860处安全隐患。',
      gives: [
        { metric: '排查出安全隐患', value: 860, unit: '处', text: '排查出860处安全隐患' },
      ],
    },
  ],
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
  examples: [
    {
      text: '全市42个街道近9000名网格员参与排查。',
      gives: [
        { metric: '街道', value: 42, unit: '个', text: '42个街道' },
        { metric: '网格员参与排查', value: 9000, unit: '名', qualifier: 'nearly', text: '9000名网格员参与排查' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区18个社区约2600名志愿者参加演练。',
      gives: [
        { metric: '社区', value: 18, unit: '个', text: '18个社区' },
        { metric: '志愿者参加演练', value: 2600, unit: '名', qualifier: 'about', text: '2600名志愿者参加演练' },
      ],
    },
  ],
  apply(w) {
    const { lex } = w;
    const hangs = (t: Token) => lex.cueWords.has(t.word) || lex.lightVerbs.has(t.word) || lex.qualifierWords.has(t.word) || /^p/.test(t.tag);
    const before = w.kept.length;
    while (w.kept.length > 1 && hangs(w.kept[w.kept.length - 1]!)) w.kept.pop();
    return w.kept.length < before;
  },
};

export const predicateTail: Rule<ForwardWalk> = {
  id: 'after.predicate-tail',
  description: 'A word of how it fared (全覆盖, 显著, 明显) that closes the thing counted is not part of what it is (822所普通高中全覆盖, 20处重点区域环境面貌显著…)',
  decides: ['metric'],
  examples: [
    {
      text: '全省822所普通高中全覆盖。',
      gives: [
        { metric: '普通高中', value: 822, unit: '所', text: '822所普通高中' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全省822所普通高中参加评估。',
      gives: [
        { metric: '普通高中参加评估', value: 822, unit: '所', text: '822所普通高中参加评估' },
      ],
    },
  ],
  apply(w) {
    const before = w.kept.length;
    const last = () => w.kept[w.kept.length - 1]!;
    if (w.kept.length > 2 && last().word === '覆盖' && w.kept[w.kept.length - 2]!.word === '全') w.kept.splice(-2);
    while (w.kept.length > 1 && w.lex.predicateTails.has(last().word)) w.kept.pop();
    return w.kept.length < before;
  },
};

export const loneVerb: Rule<ForwardWalk> = {
  id: 'after.lone-verb',
  description: 'A verb alone after a count of people says what befell them (造成3人死亡)',
  decides: ['metric'],
  examples: [
    {
      text: '全年较大事故导致3人受伤。',
      gives: [
        { metric: '受伤', value: 3, unit: '人', text: '3人受伤' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年较大事故造成3人受伤送医。',
      gives: [
        { metric: '受伤送医', value: 3, unit: '人', text: '3人受伤送医' },
      ],
    },
  ],
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
  if (predicateTail.apply(w)) w.steps.push(predicateTail.id);
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
