// Loads the pattern library: fragments.yaml and one pattern per *.yaml file, validated with zod
// and compiled once. A broken file stops the load with its path, the field and the problem.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import { FragmentError, Fragments, REQUIRED_SETS } from './fragments.js';
import { lastCharacters } from './last-chars.js';
import { fileSchemas, type FragmentFile, type Kind, type MetricFile, type PatternFile, type PeriodFile } from './schema.js';
import type { Direction } from '../contract.js';
import { compileMetricNames, type MetricNames } from '../pipeline/canonical.js';
import { compilePeriods, type PeriodVocabulary } from '../pipeline/period/vocabulary.js';

export const BUILTIN_PATTERNS = resolve(dirname(fileURLToPath(import.meta.url)), '../../patterns');
const FRAGMENTS_FILE = 'fragments.yaml';
/** Vocabulary that is not a pattern: the words of time and the names of metrics. */
const VOCABULARY_DIR = 'vocabulary';
const VOCABULARY_KINDS = ['periods', 'metrics'] as const;

export class PatternError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}${field ? `: ${field}` : ''}: ${problem}`);
  }
}

export interface CompiledPattern {
  id: string;
  order: number;
  kind: Kind;
  file: string;
  before?: RegExp;
  /** what `before` can end on: a figure after any other character skips the pattern (last-chars.ts) */
  beforeEnds: Set<string> | null;
  after?: RegExp;
  within?: RegExp;
  figure?: RegExp;
  unit?: RegExp;
  assumeUnit?: string;
  numeral: 'arabic' | 'chinese' | 'any';
  verbBefore?: boolean;
  direction?: Direction | null;
  target?: boolean;
  source: PatternFile;
}

export interface PatternLibrary {
  fragments: Fragments;
  patterns: CompiledPattern[];
  /** patterns/vocabulary/periods.yaml: the words of time */
  periods: PeriodVocabulary;
  /** patterns/vocabulary/metrics.yaml: synonyms of metric names */
  metricNames: MetricNames;
}

function zodProblem(file: string, error: z.ZodError): PatternError {
  const issue = error.issues[0]!;
  return new PatternError(file, issue.path.join('.') || '(top level)', issue.message);
}

/** The schema of each kind of file in a pattern folder. */
const SCHEMA_OF = {
  fragments: () => fileSchemas().FragmentFile,
  pattern: () => fileSchemas().PatternFile,
  periods: () => fileSchemas().PeriodFile,
  metrics: () => fileSchemas().MetricFile,
} satisfies Record<string, () => z.ZodType>;
type FileKind = keyof typeof SCHEMA_OF;
interface FileData {
  fragments: FragmentFile;
  pattern: PatternFile;
  periods: PeriodFile;
  metrics: MetricFile;
}

/**
 * The built-in pattern files parsed and validated at build time (dist/patterns.json), so that a
 * process or a worker neither parses YAML nor loads zod at every start. An entry counts only
 * while its file has the same size and modification time; anything else is read and validated
 * from the YAML itself.
 */
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const PARSED_CACHE = join(DIST, 'patterns.json');
type ParsedCache = Record<string, { size: number; mtimeMs: number; data: unknown }>;
let parsedCache: ParsedCache | undefined;

/** A record the build writes into dist/, or an empty one where there is none (a checkout not built). */
function builtRecord<T>(file: string): Record<string, T> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>;
  } catch {
    return {};
  }
}

function cached(file: string): unknown {
  parsedCache ??= builtRecord(PARSED_CACHE);
  const entry = parsedCache[file];
  if (!entry) return undefined;
  try {
    const st = statSync(file);
    return st.size === entry.size && st.mtimeMs === entry.mtimeMs ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes dist/patterns.json for the built-in folder (scripts/build-dict.mjs calls it). */
export function writeParsedCache(): void {
  const entries: ParsedCache = {};
  const vocabulary = VOCABULARY_KINDS.map((kind) => [join(BUILTIN_PATTERNS, VOCABULARY_DIR, `${kind}.yaml`), kind] as const);
  const files = [[join(BUILTIN_PATTERNS, FRAGMENTS_FILE), 'fragments'] as const, ...vocabulary, ...patternFiles(BUILTIN_PATTERNS).map((f) => [f, 'pattern'] as const)];
  for (const [file, kind] of files) {
    const st = statSync(file);
    entries[file] = { size: st.size, mtimeMs: st.mtimeMs, data: validate(file, kind, parseYaml(file, readFileSync(file, 'utf8'))) };
  }
  writeFileSync(PARSED_CACHE, JSON.stringify(entries));
  parsedCache = undefined;
  // What each built-in `before` regex can end on, by its source: reading the regexes at every
  // start would cost more than looking this up.
  const ends: EndsCache = {};
  for (const { before } of loadLibrary().patterns) {
    if (!before) continue;
    const last = lastCharacters(before.source);
    ends[before.source] = last && [...last];
  }
  writeFileSync(ENDS_CACHE, JSON.stringify(ends));
}

/** dist/before-ends.json: the characters each built-in `before` regex can end on, by its source. */
const ENDS_CACHE = join(DIST, 'before-ends.json');
type EndsCache = Record<string, string[] | null>;
let endsCache: EndsCache | undefined;

function beforeEndsOf(source: string): Set<string> | null {
  endsCache ??= builtRecord(ENDS_CACHE);
  const hit = endsCache[source];
  if (hit === undefined) return lastCharacters(source);
  return hit && new Set(hit);
}

function validate<K extends FileKind>(file: string, kind: K, raw: unknown): FileData[K] {
  const parsed = SCHEMA_OF[kind]().safeParse(raw);
  if (!parsed.success) throw zodProblem(file, parsed.error);
  return parsed.data as FileData[K];
}

/** Larger than any pattern file a person writes: a file this large is something else. */
const MAX_PATTERN_FILE = 1 << 20;

/** A file of a pattern folder, parsed and validated, from the build's cache when it is current. */
function readFile<K extends FileKind>(file: string, kind: K): FileData[K] {
  const hit = cached(file);
  if (hit !== undefined) return hit as FileData[K];
  let text: string;
  try {
    // A device or a FIFO could be read for ever: only a regular file is read, and only if small.
    const stat = statSync(file);
    if (!stat.isFile()) throw new PatternError(file, '', 'not a regular file');
    if (stat.size > MAX_PATTERN_FILE) throw new PatternError(file, '', 'larger than 1 MB, too large for a pattern file');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof PatternError) throw e;
    throw new PatternError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return validate(file, kind, parseYaml(file, text));
}

function parseYaml(file: string, text: string): unknown {
  // yaml is loaded only here: a run from the build's cache needs none.
  const yaml = createRequire(import.meta.url)('yaml') as typeof Yaml;
  try {
    return yaml.parse(text);
  } catch (e) {
    const detail = e instanceof yaml.YAMLParseError ? e.message.split('\n')[0]! : (e as Error).message;
    throw new PatternError(file, '', `is not valid YAML: ${detail}`);
  }
}

function compile(fragments: Fragments, file: string, field: string, source: string, wrap: (s: string) => string, flags = 'u'): RegExp {
  let expanded: string;
  try {
    expanded = fragments.expand(source);
  } catch (e) {
    throw new PatternError(file, field, (e as Error).message);
  }
  try {
    return new RegExp(wrap(expanded), flags);
  } catch (e) {
    throw new PatternError(file, field, `does not compile: ${(e as Error).message}`);
  }
}

export function loadFragments(dir: string): Fragments {
  const file = join(dir, FRAGMENTS_FILE);
  const data = readFile(file, 'fragments');
  let fragments: Fragments;
  try {
    fragments = new Fragments(data);
  } catch (e) {
    if (e instanceof FragmentError) throw new PatternError(file, e.fragment, e.message);
    throw e;
  }
  for (const name of REQUIRED_SETS) {
    if (!fragments.has(name)) throw new PatternError(file, name, `the word set {${name}} is required`);
  }
  return fragments;
}

/** A file of a vocabulary folder, validated by its schema and compiled. */
function vocabularyFile<K extends (typeof VOCABULARY_KINDS)[number], T>(dir: string, kind: K, compile: (file: FileData[K]) => T): T {
  const file = join(dir, `${kind}.yaml`);
  const data = readFile(file, kind);
  try {
    return compile(data);
  } catch (e) {
    throw new PatternError(file, '', (e as Error).message);
  }
}

/** The words of time and the names of metrics (patterns/vocabulary/ by default). */
export function loadVocabulary(dir = join(BUILTIN_PATTERNS, VOCABULARY_DIR)): Pick<PatternLibrary, 'periods' | 'metricNames'> {
  return {
    periods: vocabularyFile(dir, 'periods', compilePeriods),
    metricNames: vocabularyFile(dir, 'metrics', compileMetricNames),
  };
}

export function patternFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== FRAGMENTS_FILE)
    .sort()
    .map((f) => join(dir, f));
}

function compilePattern(fragments: Fragments, file: string, p: PatternFile): CompiledPattern {
  const before = p.before === undefined ? undefined : compile(fragments, file, 'before', p.before, (s) => `(?:${s})$`);
  return {
    id: p.id,
    order: p.order,
    kind: p.kind,
    file,
    before,
    beforeEnds: before ? beforeEndsOf(before.source) : null,
    after: p.after === undefined ? undefined : compile(fragments, file, 'after', p.after, (s) => `^(?:${s})`),
    figure: p.figure === undefined ? undefined : compile(fragments, file, 'figure', p.figure, (s) => s),
    within: p.within === undefined ? undefined : compile(fragments, file, 'within', p.within, (s) => s, 'gu'),
    unit: p.unit === undefined ? undefined : compile(fragments, file, 'unit', p.unit, (s) => `^(?:${s})$`),
    assumeUnit: p.assumeUnit,
    numeral: p.numeral,
    verbBefore: p.verbBefore,
    direction: p.direction,
    target: p.target,
    source: p,
  };
}

/**
 * The built-in library, optionally with a user's pattern folders added to it or replacing it.
 * Fragments always come from the built-in folder: user patterns use the same vocabulary.
 */
export function loadLibrary(options: { builtin?: boolean; extraDirs?: string[] } = {}): PatternLibrary {
  const fragments = loadFragments(BUILTIN_PATTERNS);
  const dirs = [...(options.builtin === false ? [] : [BUILTIN_PATTERNS]), ...(options.extraDirs ?? [])];
  const patterns: CompiledPattern[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let files: string[];
    try {
      files = patternFiles(dir);
    } catch (e) {
      throw new PatternError(dir, '', `is not a readable folder of pattern files (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    for (const file of files) {
      const pattern = compilePattern(fragments, file, readFile(file, 'pattern'));
      const other = seen.get(pattern.id);
      if (other) throw new PatternError(file, 'id', `"${pattern.id}" is already the id of ${other}`);
      seen.set(pattern.id, file);
      patterns.push(pattern);
    }
  }
  patterns.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return {
    fragments,
    patterns,
    ...loadVocabulary(),
  };
}
