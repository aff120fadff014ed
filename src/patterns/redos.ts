// Catastrophic backtracking (ReDoS) checks with recheck, so that no pattern can hang the tool on
// a hostile line. The built-in library is fixed: the test suite checks it (test/redos.test.ts).
// A user's pattern folder is new at every run: assertSafeUserPatterns() checks it as it loads.
import { sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Diagnostics, Parameters } from 'recheck';
import { quantityRegex } from '../pipeline/quantities.js';
import { BUILTIN_PATTERNS, PatternError, type CompiledPattern, type PatternLibrary } from './load.js';

/** The compiled regexes of a pattern, in the order the error for the first bad one names them. */
export const PATTERN_REGEX_FIELDS = ['before', 'after', 'unit', 'figure', 'within'] as const;
export type RegexField = (typeof PATTERN_REGEX_FIELDS)[number] | 'quantity';

/** One regex of the library and where it comes from. */
export interface RegexSite {
  /** the pattern file; for the quantity regex, the fragments it is built from */
  file: string;
  /** the pattern id, or "quantity" */
  id: string;
  field: RegexField;
  regex: RegExp;
}

export interface UnsafeRegex extends RegexSite {
  /** recheck's verdict: "exponential", "2nd degree polynomial" ... */
  complexity: string;
  /** the attack as a short JavaScript expression: 'a' + '0'.repeat(1651) + '\x00' */
  attack: string;
  /** the attack string itself */
  attackString: string;
}

/** A regex recheck could not decide (its time limit, or syntax it does not parse). */
export interface UncheckedRegex extends RegexSite {
  reason: string;
}

export interface RegexReport {
  unsafe: UnsafeRegex[];
  unchecked: UncheckedRegex[];
}

// The checker's own limit: a regex it cannot decide within it is reported as unchecked, never as
// a hang at load time.
const DEFAULT_PARAMS: Parameters = { timeout: 10_000 };

/** True for a pattern of the built-in folder. */
export function isBuiltinPattern(pattern: Pick<CompiledPattern, 'file'>): boolean {
  return pattern.file.startsWith(BUILTIN_PATTERNS + sep);
}

/**
 * Every regex of the library: each pattern's before, after, unit, figure and within, and (with
 * `quantity`) the one regex that finds amounts in the text, built from the fragments.
 */
export function regexSites(
  library: PatternLibrary,
  options: { patterns?: (p: CompiledPattern) => boolean; quantity?: boolean } = {},
): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const p of library.patterns) {
    if (options.patterns && !options.patterns(p)) continue;
    for (const field of PATTERN_REGEX_FIELDS) {
      const regex = p[field];
      if (regex) sites.push({ file: p.file, id: p.id, field, regex });
    }
  }
  if (options.quantity ?? true) {
    sites.push({ file: `${BUILTIN_PATTERNS}${sep}fragments.yaml`, id: 'quantity', field: 'quantity', regex: quantityRegex(library.fragments) });
  }
  return sites;
}

let checkSync: typeof import('recheck').checkSync | undefined;

/** recheck's diagnostics for one compiled regex (synchronous: it blocks while it checks). */
export function checkRegex(regex: RegExp, params: Parameters = {}): Diagnostics {
  // Loaded when first needed: most runs use only the built-in patterns, checked by the tests.
  checkSync ??= (createRequire(import.meta.url)('recheck') as typeof import('recheck')).checkSync;
  return checkSync(regex.source, regex.flags, { ...DEFAULT_PARAMS, ...params });
}

/** Checks the regexes of the given sites and sorts out the unsafe and the undecided ones. */
export function checkSites(sites: RegexSite[], params: Parameters = {}): RegexReport {
  const report: RegexReport = { unsafe: [], unchecked: [] };
  for (const site of sites) {
    const d = checkRegex(site.regex, params);
    if (d.status === 'vulnerable') {
      report.unsafe.push({ ...site, complexity: d.complexity.summary, attack: d.attack.pattern, attackString: d.attack.string });
    } else if (d.status === 'unknown') {
      const e = d.error;
      report.unchecked.push({ ...site, reason: e.kind === 'timeout' || e.kind === 'cancel' ? e.kind : `${e.kind}: ${e.message}` });
    }
  }
  return report;
}

/** Checks every regex of a loaded library (or of the patterns `patterns` selects). */
export function checkLibrary(
  library: PatternLibrary,
  options: { patterns?: (p: CompiledPattern) => boolean; quantity?: boolean; params?: Parameters } = {},
): RegexReport {
  return checkSites(regexSites(library, options), options.params);
}

/** The message of a PatternError for an unsafe regex. */
export function describeUnsafe(u: UnsafeRegex): string {
  return `super-linear regex (${u.complexity} backtracking; attack: ${u.attack})`;
}

/**
 * Stops a run whose user patterns (any pattern not from the built-in folder) have a regex that
 * backtracks super-linearly: throws a PatternError naming the file, the field and the attack.
 * The built-in patterns and the quantity regex are not checked again here: the tests do that.
 * A regex recheck cannot decide is let through (recheck's own limits must not refuse a pattern).
 */
export function assertSafeUserPatterns(library: PatternLibrary, params: Parameters = {}): void {
  const user = (p: CompiledPattern) => !isBuiltinPattern(p);
  if (!library.patterns.some(user)) return;
  // Checked one at a time, in library order, so that the first bad regex is the one reported
  // and the rest are not paid for.
  for (const site of regexSites(library, { patterns: user, quantity: false })) {
    const [u] = checkSites([site], params).unsafe;
    if (u) throw new PatternError(u.file, u.field, describeUnsafe(u));
  }
}
