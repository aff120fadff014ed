// A field rule: one named decision in the reading of a figure (which words are its metric,
// which way it moved, against what ...), with the sentences that show it apply and not apply.
// The rules of a family live in one file of src/pipeline/read/, in the order they are tried;
// test/rules.test.ts runs every example, as test/patterns.test.ts runs the patterns'.
import type { ExpectedIndicatorInput } from '../../patterns/schema.js';
import type { Context } from './words.js';

/** What a rule can decide: a field of the tuple, or whether the figure is an indicator at all. */
export type Field = 'indicator' | 'metric' | 'direction' | 'basis' | 'qualifier' | 'subject' | 'target' | 'period';

export interface RuleExample {
  text: string;
  /** every indicator the text gives, in order (the span's text, the tuple) */
  gives: ExpectedIndicatorInput[];
  /** read with the patterns of test/rule-patterns added to the built-in ones (a rule about a pattern's own fields) */
  withRulePatterns?: boolean;
}

export interface RuleMeta {
  /** family.name: the family is the file the rule lives in */
  id: string;
  /** one line: what the rule decides, and when */
  description: string;
  decides: readonly Field[];
  /** texts in which the rule applies, with what they give */
  examples: readonly RuleExample[];
  /** texts in which it does not, though they come close, with what they give */
  counterexamples: readonly RuleExample[];
}

export interface Rule<S, R = boolean> extends RuleMeta {
  /** checks the rule's condition on the state; when it holds, decides and says so */
  apply(state: S): R;
}

/** Records that a rule applied, for the rules' tests. */
export function noteFired(ctx: Context, rule: RuleMeta): void {
  ctx.fired?.add(rule.id);
}

/** Tries the rules in order until one applies; returns it, or null. */
export function firstApplying<S>(rules: readonly Rule<S>[], state: S): Rule<S> | null {
  for (const rule of rules) if (rule.apply(state)) return rule;
  return null;
}

/** Tries every rule in order; each checks its own condition against what those before decided. */
export function applyEach<S>(rules: readonly Rule<S>[], state: S): void {
  for (const rule of rules) rule.apply(state);
}
