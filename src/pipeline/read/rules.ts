// Every field rule, family by family, as the documentation and the tests see them.
import * as basis from './basis.js';
import * as direction from './direction.js';
import * as ellipsis from './ellipsis.js';
import * as figures from './figures.js';
import * as lists from './lists.js';
import * as metric from './metric.js';
import * as after from './phrase-after.js';
import * as before from './phrase-before.js';
import * as qualifier from './qualifier.js';
import type { RuleMeta } from './rule.js';
import * as subject from './subject.js';
import * as table from './table.js';
import * as target from './target.js';
import * as period from '../period/rules.js';

const isRule = (x: unknown): x is RuleMeta => typeof x === 'object' && x !== null && 'id' in x && 'examples' in x && 'decides' in x;

/** The rules a module exports, each once, in the order the module writes them. */
function rulesOf(module: Record<string, unknown>): RuleMeta[] {
  return [...new Set(Object.values(module).filter(isRule))];
}

export const FIELD_RULES: readonly RuleMeta[] = [figures, lists, before, after, metric, ellipsis, direction, basis, qualifier, subject, target, table, period].flatMap(rulesOf);

/** Whether an id names a field rule. */
export function isFieldRule(id: string): boolean {
  return FIELD_RULES.some((r) => r.id === id);
}
