// The state the field rules read and decide: a sentence being read, figure after figure, and
// the figure being read now (a draft), until it is a reading with every field decided.
import type { Direction, Qualifier } from '../../contract.js';
import type { Clause, Sentence } from '../clauses.js';
import type { Figure } from '../match.js';
import type { Quantity } from '../quantities.js';
import type { Field, RuleMeta } from './rule.js';
import type { Context, Phrase } from './words.js';

/** For each field, the ids of the rules that decided it, in the order they did (--explain). */
export type Explained = Partial<Record<Field | 'pattern', string[]>>;

/** A figure with its fields decided, before it is mapped back to the original text. */
export interface Reading {
  figure: Figure;
  metric: string;
  /** the list members this figure's phrase split into, for the next values and the next clause's 分别 */
  members?: string[];
  /** the place of a value in its list, from 0 */
  position?: number;
  /** normalized offsets of the metric's phrase, when it is written next to the figure */
  metricStart: number | null;
  metricEnd: number | null;
  unit: string;
  direction: Direction | null;
  basis: string | null;
  qualifier?: Qualifier | null;
  /** the place the metric's phrase began with (江屿市 in 江屿市第一产业增加值) */
  place?: string;
  subject?: string | null;
  target?: boolean;
  /** the verb that gave a count its direction (净增), for the next thing of its list */
  deed?: [word: string, direction: Direction];
  /** one indicator for each member, on the same figure (list.each-member) */
  shared: boolean;
  /** for a share of the previous metric (metric.share-owner), that metric */
  owner?: string;
  rules: Explained;
}

/** A figure found in the sentence, with what the patterns made of it (null: not an indicator). */
export interface Located {
  q: Quantity;
  clause: Clause;
  figure: Figure | null;
  /** where the text that belongs to this figure starts: its clause, or the figure before it */
  from: number;
}

export interface SentenceReading {
  ctx: Context;
  sentence: Sentence;
  located: Located[];
  /** for each figure, how many values stand in the list it starts */
  following: Map<Quantity, number>;
  /** for each figure, the next figure of the sentence that the patterns took, if any */
  nextFigure: Map<Quantity, Figure>;
  /** a clause that only says what the sentence's changes are measured against (与上年相比) */
  comparison: { basis: string; end: number } | null;
  readings: Reading[];
  lastMetric: string | null;
  /** the last metric of the sentence before, and the first of the paragraph, when this one goes on in it */
  metricBefore: string | null;
  paragraphHead: string | null;
  lastMembers: string[] | null;
  previous: { reading: Reading; clause: Clause } | null;
}

/** The figure being read. */
export interface Draft {
  s: SentenceReading;
  figure: Figure;
  q: Quantity;
  clause: Clause;
  from: number;
  unit: string;
  /** where the metric's phrase ends: before the pattern's words and a qualifier word (超78%) */
  phraseEnd: number;
  /** the figure gives each member of a list its own value (分别, 各, 均) */
  respective: boolean;
  /** the figure is one of a list */
  listed: boolean;
  /** how many values stand in the list this figure starts */
  values: number;
  /** the metric's phrase found next to the figure */
  phrase: Phrase | null;
  /** the metric's name, once decided */
  name: string;
  direction: Direction | null;
  basis: string | null;
  members?: string[];
  position?: number;
  deed?: [word: string, direction: Direction];
  /** 占 and the whole of a share (占地区生产总值比重) */
  shareOf: string;
  /** the figures of earlier clauses that 分别 names */
  referred: Reading[] | null;
  /** list.each-member gave the figure to every member */
  eachMember: boolean;
  /** an aside about the metric before (完成预算的101.8%): the figures after it go on with that metric */
  aside?: boolean;
  /** for a share of the previous metric (metric.share-owner), that metric */
  owner?: string;
  /** the thing written after a count, once looked for */
  thingAfter?: Phrase | null;
  rules: Explained;
}

/**
 * Records that `rule` decided `field` (with a detail such as the words it read): a metric is
 * built by one rule after another, every other field is decided by the last rule that sets it.
 */
export function decide(ctx: Context, rules: Explained, rule: RuleMeta, field: Field, detail?: string): void {
  const entry = !detail ? rule.id : detail.startsWith('#') ? rule.id + detail : `${rule.id} (${detail})`;
  if (field === 'metric') (rules.metric ??= []).push(entry);
  else rules[field] = [entry];
  ctx.fired?.add(rule.id);
}

/** Records the phrase rules that shaped a metric, after the rule that found it. */
export function decidePhrase(ctx: Context, rules: Explained, rule: RuleMeta, phrase: Phrase | null): void {
  decide(ctx, rules, rule, 'metric');
  if (phrase?.steps) rules.metric!.push(...phrase.steps);
}
