// Reading a sentence's figures: the composition of the field rules, in the order they apply.
// Each family is one file of this folder; each file lists its rules in the order they are tried.
//
//   figures     which figures the patterns took are indicators          figures.ts
//   list value  one more value of the list before                        lists.ts (list.next-value)
//   phrase      the metric's words next to the figure                    metric.ts, phrase-before.ts, phrase-after.ts
//   naming      members of a list, or the metric carried from before     lists.ts, ellipsis.ts
//   direction   the verb of a deed (净增, 压减)                           direction.ts
//   basis       carried from the change before or a clause of comparison basis.ts
//   qualifier, subject, target: once the sentence's figures are read     qualifier.ts, subject.ts, target.ts
import type { PatternLibrary } from '../../patterns/load.js';
import type { Sentence } from '../clauses.js';
import type { Figure } from '../match.js';
import type { Quantity } from '../quantities.js';
import { BASIS_CARRY_RULES, BASIS_RULES, comparisonIn } from './basis.js';
import { DEED_RULES, DIRECTION_RULES } from './direction.js';
import { carryAverage, carryCasualty, carryList, carryMetric, carryPastShare, carryModifier, carryOwner, carryPlanShare, carryPreviousSentence, carryRateOfChange, carryTotal, carryWithoutDeed } from './ellipsis.js';
import { locateFigures, noUnit } from './figures.js';
import { eachMember, listLengths, member, memberWithVerb, nextValue, referredFigures, respectivelyEarlier } from './lists.js';
import { averageOnly, balancedName, notAName, PHRASE_RULES, shareOwner, shareWhole } from './metric.js';
import { decideQualifiers, qualifierWordBefore } from './qualifier.js';
import type { Draft, Located, Reading, SentenceReading } from './reading.js';
import { applyEach, firstApplying, noteFired, type Rule } from './rule.js';
import { decideSubjects } from './subject.js';
import { decideTargets } from './target.js';
import type { Context } from './words.js';

export type { Reading } from './reading.js';
export type { Context } from './words.js';

/** A name for a figure with none written: the members of a list, or the metric before. */
const NAMING_RULES: readonly Rule<Draft>[] = [carryCasualty, memberWithVerb, respectivelyEarlier, carryList, carryPastShare, carryWithoutDeed, carryAverage, carryMetric, carryPreviousSentence];
/** A name written, that borrows from the metric before. */
const LENDING_RULES: readonly Rule<Draft>[] = [carryPlanShare, carryTotal, carryRateOfChange, carryModifier, carryOwner];
/** A name written, that names several members. */
const SPLIT_RULES: readonly Rule<Draft>[] = [member, eachMember];

function draftOf(s: SentenceReading, l: Located): Draft | null {
  const figure = l.figure!;
  if (noUnit.apply({ q: l.q, figure })) {
    noteFired(s.ctx, noUnit);
    return null;
  }
  const d: Draft = {
    s, figure, q: l.q, clause: l.clause, from: l.from, unit: (l.q.unit ?? figure.pattern.assumeUnit)!,
    phraseEnd: figure.cueStart, respective: false, listed: false, values: s.following.get(l.q)!,
    phrase: null, name: '', direction: figure.direction, basis: figure.basis,
    shareOf: '', referred: null, eachMember: false, rules: { pattern: [figure.pattern.id] },
  };
  firstApplying(DIRECTION_RULES, d);
  firstApplying(BASIS_RULES, d);
  return d;
}

/** What the words around the figure say of its list, its share and where its metric ends. */
function openDraft(d: Draft): void {
  const { ctx } = d.s;
  const { text, lex } = ctx;
  const { figure, q } = d;
  // The metric ends before the pattern's words and before a qualifier word (超78%).
  d.phraseEnd = figure.cueStart - (qualifierWordBefore(ctx, d.from, figure.cueStart)?.length ?? 0);
  const cue = text.slice(figure.cueStart, q.start);
  const near = text.slice(Math.max(d.from, q.start - 4), q.start);
  // 均 gives each member a change, a level or a rate, not a count (A和B均破亿度 stays one).
  d.respective = lex.respectively.test(cue) || lex.respectivelyNear.test(near) || ((figure.kind !== 'count' || lex.rateUnits.has(d.unit)) && lex.eachMember.test(near));
  d.listed = d.respective || d.values > 1;
  d.shareOf = figure.share === null ? '' : `占${figure.share.replace(/分别|均/gu, '').replace(/的$/u, '')}`;
}

/** Reads one figure that is not the next value of a list; false when it is no indicator after all. */
function readFigure(d: Draft): boolean {
  openDraft(d);
  applyEach(PHRASE_RULES, d);
  d.referred = referredFigures(d);
  shareOwner.apply(d);
  d.name = d.phrase?.text ?? '';
  averageOnly.apply(d);
  if (firstApplying(NAMING_RULES, d) === null && d.name) {
    firstApplying(LENDING_RULES, d);
    firstApplying(SPLIT_RULES, d);
  }
  firstApplying(DEED_RULES, d);
  if (d.direction !== null && d.basis === null) firstApplying(BASIS_CARRY_RULES, d);
  if (notAName.apply(d)) {
    noteFired(d.s.ctx, notAName);
    return false;
  }
  shareWhole.apply(d);
  balancedName.apply(d);
  return true;
}

/** Takes the draft as the sentence's next reading; `carries`: later figures may go on with its metric. */
function accept(s: SentenceReading, d: Draft, carries: boolean): void {
  const named = d.phrase?.text ? d.phrase : null;
  const reading: Reading = {
    figure: d.figure, metric: d.name, members: d.members, position: d.position,
    metricStart: named ? named.start : null, metricEnd: named ? named.end : null,
    unit: d.unit, direction: d.direction, basis: d.basis, place: d.phrase?.subject, deed: d.deed,
    shared: d.eachMember && !d.shareOf, owner: d.owner, rules: d.rules,
  };
  s.readings.push(reading);
  s.previous = { reading, clause: d.clause };
  if (!carries) return;
  s.lastMetric = d.members ? d.members[d.members.length - 1]! : d.name;
  if (d.members) s.lastMembers = d.members;
}

/** For each figure, the next one the patterns took: found once, from the last figure back. */
function nextFigures(located: Located[]): Map<Quantity, Figure> {
  const next = new Map<Quantity, Figure>();
  let after: Figure | null = null;
  for (let k = located.length - 1; k >= 0; k--) {
    const l = located[k]!;
    if (after) next.set(l.q, after);
    if (l.figure) after = l.figure;
  }
  return next;
}

/**
 * The indicators of one sentence: each figure the patterns took, with every field decided.
 * `before`: the last metric of the sentence before and the first of the paragraph, when this one goes on in it.
 */
export function readSentence(
  library: PatternLibrary,
  ctx: Context,
  sentence: Sentence,
  quantities: Quantity[],
  before: { last: string | null; head: string | null } = { last: null, head: null },
): { readings: Reading[]; lastMetric: string | null } {
  const located = locateFigures(library, ctx, sentence, quantities);
  const s: SentenceReading = {
    ctx, sentence, located, following: listLengths(ctx.text, ctx.lex, located), nextFigure: nextFigures(located), comparison: comparisonIn(ctx.text, sentence, ctx.lex),
    readings: [], lastMetric: null, lastMembers: null, previous: null, metricBefore: before.last, paragraphHead: before.head,
  };
  for (const l of located) {
    if (!l.figure) {
      s.previous = null;
      continue;
    }
    const d = draftOf(s, l);
    if (!d) continue;
    if (nextValue.apply(d)) accept(s, d, false);
    else if (readFigure(d)) accept(s, d, !d.aside);
  }
  decideQualifiers(s);
  decideSubjects(s);
  decideTargets(s);
  return { readings: s.readings, lastMetric: s.lastMetric };
}
