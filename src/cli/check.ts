// `extract check [DIR]`: re-extracts every NAME.txt that has a NAME.expected.json and reports
// what changed; `--update` rewrites the expectations. A PDF, a page or a Word file (NAME.pdf)
// has two golden files: NAME.pdf.expected.json and its derived text, NAME.pdf.txt, so that a
// change in the conversion shows as a change of text. Exit 0 unchanged, 1 differences, 2 errors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { diffDocuments, isUnchanged, summarize, type Change, type DocumentDiff } from '../check.js';
import { ExtractedDocument } from '../contract.js';
import { documentFromInput, type ReadDocument } from '../document.js';
import { detectFormat, formatOfName, HEAD_BYTES } from '../pipeline/convert/detect.js';
import type { Extractor } from '../pipeline/extract.js';
import { describeFsError, EXIT, UserError } from './errors.js';
import { writeFileAtomic } from './atomic.js';
import { derivedTextName } from './files.js';
import { withoutDerivedTexts } from './inputs.js';

export const EXPECTED_SUFFIX = '.expected.json';

export interface CheckOptions {
  update: boolean;
  /** no summary line when every fixture is unchanged */
  quiet?: boolean;
}

export interface CheckReport {
  lines: string[];
  exitCode: number;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function describeChange(c: Change, color: ChalkInstance): string[] {
  const where = (i: { span: [number, number]; text: string }) => `[${i.span[0]},${i.span[1]}) ${JSON.stringify(i.text)}`;
  const tuple = (i: ExtractedDocument['indicators'][number]) => `${i.metric} ${i.value}${i.upper !== undefined ? `-${i.upper}` : ''} ${i.unit}`;
  if (c.kind === 'added') return [color.green(`  + added   ${where(c.indicator)}: ${tuple(c.indicator)}`)];
  if (c.kind === 'removed') return [color.red(`  - removed ${where(c.indicator)}: ${tuple(c.indicator)}`)];
  return [
    color.yellow(`  ~ changed ${where(c.after)}: ${tuple(c.after)}`),
    ...c.fields.map((f) => `      ${f.field}: ${color.red(show(f.before))} -> ${color.green(show(f.after))}`),
  ];
}

export function describeDiff(name: string, diff: DocumentDiff, color: ChalkInstance): string[] {
  return [
    color.bold(`${name}: ${summarize(diff)}`),
    ...diff.document.map((f) => `  document ${f.field}: ${color.red(show(f.before))} -> ${color.green(show(f.after))}`),
    ...diff.indicators.flatMap((c) => describeChange(c, color)),
  ];
}

function readExpected(path: string): ExtractedDocument | string {
  try {
    const parsed = ExtractedDocument.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) return `is not an output document: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`;
    return parsed.data;
  } catch (e) {
    return e instanceof SyntaxError ? `is not valid JSON: ${e.message}` : describeFsError(e);
  }
}

/** NAME.expected.json for NAME.txt, NAME.pdf.expected.json for NAME.pdf. */
const expectationName = (file: string) => (file.endsWith('.txt') ? file.replace(/\.txt$/, '') : file) + EXPECTED_SUFFIX;

/** The first line where two texts differ, 1-based, with both versions of it. */
function firstDifference(expected: string, actual: string): { line: number; before: string; after: string } {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { line: i + 1, before: a[i] ?? '(end of text)', after: b[i] ?? '(end of text)' };
}

/** Compares a converted fixture's derived text with its golden file; writes it with --update. */
function checkDerivedText(dir: string, file: string, text: string, options: CheckOptions, color: ChalkInstance): { lines: string[]; state: 'same' | 'updated' | 'failed' } {
  const name = derivedTextName(file);
  const path = join(dir, name);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (old === text) return { lines: [], state: 'same' };
  const what =
    old === undefined
      ? [`${file}: has no ${name}, its derived text`]
      : (({ line, before, after }) => [`${file}: its derived text differs from ${name} at line ${line}:`, `      ${color.red(JSON.stringify(before))} -> ${color.green(JSON.stringify(after))}`])(firstDifference(old, text));
  if (!options.update) return { lines: [color.red(what[0]!), ...what.slice(1)], state: 'failed' };
  writeFileAtomic(path, text);
  return { lines: [...what, color.green(`  ${old === undefined ? 'wrote' : 'updated'} ${name}`)], state: 'updated' };
}

/** The fixtures of a folder: its texts and its PDFs, pages and Word files, without their derived texts. */
function fixturesOf(dir: string): string[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt') || formatOfName(f));
  return withoutDerivedTexts(names).sort();
}

export async function checkFixtures(dir: string, extractor: Extractor, options: CheckOptions, color: ChalkInstance): Promise<CheckReport> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    throw new UserError(`check: ${dir}: ${describeFsError(e)}`);
  }
  if (!isDir) throw new UserError(`check: ${dir}: not a directory`);
  const fixtures = fixturesOf(dir);
  if (!fixtures.length) throw new UserError(`check: ${dir}: no fixtures (.txt, .pdf, .html, .htm or .docx files)`);
  // A folder where no fixture has an expectation is said so once, not fixture by fixture.
  const noneExpected = !options.update && !fixtures.some((f) => existsSync(join(dir, expectationName(f))));
  const lines: string[] = [];
  const counts = { unchanged: 0, changed: 0, 'without expectation': 0, 'with a broken expectation': 0, 'not extracted': 0, updated: 0 };
  for (const file of fixtures) {
    counts[await checkFixture(dir, file, extractor, options, color, lines, !noneExpected)]++;
  }
  const failed = counts.changed + counts['without expectation'] + counts['with a broken expectation'] + counts['not extracted'] > 0;
  const parts = Object.entries(counts).filter(([name, n]) => n > 0 || name === 'unchanged').map(([name, n]) => `${n} ${name}`);
  const summary = noneExpected
    ? `check: none of the ${fixtures.length} fixtures in ${dir} has a NAME${EXPECTED_SUFFIX} to compare with: run \`extract check ${dir} --update\` to write them, read them, and commit them`
    : `check: ${fixtures.length} fixtures in ${dir}: ${parts.join(', ')}`;
  if (failed) lines.push(color.red(summary));
  else if (!options.quiet) lines.push(summary);
  return { lines, exitCode: failed ? EXIT.differences : EXIT.ok };
}

type Outcome = 'unchanged' | 'changed' | 'without expectation' | 'with a broken expectation' | 'not extracted' | 'updated';

/** Checks one fixture (its expectation and, for a converted one, its derived text), adding what
 * it finds to `lines` (a missing expectation only when `tellMissing`); with --update, writes
 * what differs. A fixture counts once, whatever differs in it. */
async function checkFixture(dir: string, file: string, extractor: Extractor, options: CheckOptions, color: ChalkInstance, lines: string[], tellMissing: boolean): Promise<Outcome> {
  const expectedName = expectationName(file);
  const expectedPath = join(dir, expectedName);
  let read: ReadDocument;
  try {
    const bytes = readFileSync(join(dir, file));
    read = await documentFromInput(extractor, file, bytes, file.endsWith('.txt') ? 'txt' : detectFormat(bytes.subarray(0, HEAD_BYTES), file));
  } catch (e) {
    lines.push(color.red(`${file}: cannot be extracted: ${(e as Error).message}`));
    return 'not extracted';
  }
  const actual = read.doc;
  let text: 'same' | 'updated' | 'failed' = 'same';
  if (actual.format) {
    const derived = checkDerivedText(dir, file, read.text, options, color);
    lines.push(...derived.lines);
    text = derived.state;
  }
  const pretty = JSON.stringify(actual, null, 2) + '\n';
  if (!existsSync(expectedPath)) {
    if (!options.update) {
      if (tellMissing) lines.push(color.red(`${file}: has no ${expectedName} (run extract check --update to write it)`));
      return 'without expectation';
    }
    writeFileAtomic(expectedPath, pretty);
    lines.push(color.green(`${file}: wrote ${expectedName} (${actual.indicators.length} indicators)`));
    return 'updated';
  }
  const expected = readExpected(expectedPath);
  if (typeof expected === 'string') {
    if (!options.update) {
      lines.push(color.red(`${file}: its expectation ${expected}`));
      return 'with a broken expectation';
    }
    writeFileAtomic(expectedPath, pretty);
    lines.push(color.green(`${file}: rewrote its expectation, which ${expected}`));
    return 'updated';
  }
  const diff = diffDocuments(expected, actual);
  if (isUnchanged(diff)) return text === 'same' ? 'unchanged' : text === 'updated' ? 'updated' : 'changed';
  lines.push(...describeDiff(file, diff, color));
  if (!options.update) return 'changed';
  writeFileAtomic(expectedPath, pretty);
  lines.push(color.green(`  updated ${expectedName}`));
  return 'updated';
}
