// `extract check [DIR]`: re-extracts every NAME.txt that has a NAME.expected.json and reports
// what changed; `--update` rewrites the expectations. Exit 0 unchanged, 1 differences, 2 errors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { diffDocuments, isUnchanged, summarize, type Change, type DocumentDiff } from '../check.js';
import { ExtractedDocument } from '../contract.js';
import { documentFromBytes } from '../document.js';
import type { Extractor } from '../pipeline/extract.js';
import { describeFsError, EXIT, UserError } from './errors.js';
import { writeFileAtomic } from './files.js';

export const EXPECTED_SUFFIX = '.expected.json';

export interface CheckOptions {
  update: boolean;
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

export function checkFixtures(dir: string, extractor: Extractor, options: CheckOptions, color: ChalkInstance): CheckReport {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    throw new UserError(`check: ${dir}: ${describeFsError(e)}`);
  }
  if (!isDir) throw new UserError(`check: ${dir}: not a directory`);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const lines: string[] = [];
  let unchanged = 0;
  let failed = false;
  let updated = 0;
  for (const file of texts) {
    const expectedPath = join(dir, file.replace(/\.txt$/, EXPECTED_SUFFIX));
    let actual: ExtractedDocument;
    try {
      actual = documentFromBytes(extractor, file, readFileSync(join(dir, file)));
    } catch (e) {
      lines.push(color.red(`${file}: cannot be extracted: ${(e as Error).message}`));
      failed = true;
      continue;
    }
    const pretty = JSON.stringify(actual, null, 2) + '\n';
    if (!existsSync(expectedPath)) {
      if (options.update) {
        writeFileAtomic(expectedPath, pretty);
        lines.push(color.green(`${file}: wrote ${file.replace(/\.txt$/, EXPECTED_SUFFIX)} (${actual.indicators.length} indicators)`));
        updated++;
      } else {
        lines.push(color.red(`${file}: has no ${file.replace(/\.txt$/, EXPECTED_SUFFIX)} (run extract check --update to write it)`));
        failed = true;
      }
      continue;
    }
    const expected = readExpected(expectedPath);
    if (typeof expected === 'string') {
      if (options.update) {
        writeFileAtomic(expectedPath, pretty);
        lines.push(color.green(`${file}: rewrote its expectation, which ${expected}`));
        updated++;
      } else {
        lines.push(color.red(`${file}: its expectation ${expected}`));
        failed = true;
      }
      continue;
    }
    const diff = diffDocuments(expected, actual);
    if (isUnchanged(diff)) {
      unchanged++;
      continue;
    }
    lines.push(...describeDiff(file, diff, color));
    if (options.update) {
      writeFileAtomic(expectedPath, pretty);
      lines.push(color.green(`  updated ${file.replace(/\.txt$/, EXPECTED_SUFFIX)}`));
      updated++;
    } else {
      failed = true;
    }
  }
  const summary = `check: ${texts.length} fixtures in ${dir}: ${unchanged} unchanged${updated ? `, ${updated} updated` : ''}${failed ? ', differences found' : ''}`;
  lines.push(failed ? color.red(summary) : summary);
  return { lines, exitCode: failed ? EXIT.differences : EXIT.ok };
}
