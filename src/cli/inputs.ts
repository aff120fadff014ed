// Turns command-line operands into an ordered list of inputs: files, globs (expanded by
// fast-glob, so a quoted glob works the same in every shell), directories (their *.txt, *.pdf,
// *.html, *.htm and *.docx) and `-` for stdin. Problems with one operand are reported and the others still run: a folder that
// cannot be listed is a problem of its operand, never an exception.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import type fg from 'fast-glob';
import { formatOfName } from '../pipeline/convert/detect.js';
import { describeFsError } from './errors.js';
import { fileIdentity } from './files.js';

/** fast-glob, loaded for the first glob or folder: a run on named files needs none. */
const fastGlob = (): typeof fg => createRequire(import.meta.url)('fast-glob');

export type Input = { kind: 'file'; path: string } | { kind: 'stdin' };

export interface Resolved {
  inputs: Input[];
  problems: { operand: string; reason: string }[];
}

const sortPaths = (paths: string[]) => [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A folder as the user would name it: relative to the working directory when inside it. */
function shown(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * fast-glob, but a folder it cannot list does not end the walk: the walk goes on without it
 * (suppressErrors) and the folders that failed are returned, so that they can be reported. Each
 * real folder is listed once, so that links that lead back up (d/self -> ../d) neither repeat its
 * files nor make the walk endless; entries are walked in name order, links after the rest, so
 * that which path lists a folder does not depend on the file system's order.
 */
function glob(pattern: string, options: fg.Options): { matches: string[]; unreadable: { path: string; error: unknown }[] } {
  const unreadable: { path: string; error: unknown }[] = [];
  const listed = new Set<string>();
  const readdirSync = ((path: fs.PathLike, opts?: { withFileTypes?: boolean }) => {
    try {
      const real = fs.realpathSync(path);
      if (listed.has(real)) return [];
      listed.add(real);
      const entries = fs.readdirSync(path, { withFileTypes: true }).sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || byName(a, b));
      return opts?.withFileTypes ? entries : entries.map((e) => e.name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ path: String(path), error: e });
      throw e;
    }
  }) as typeof fs.readdirSync;
  const matches = sortPaths(fastGlob().sync(pattern, { ...options, suppressErrors: true, fs: { readdirSync } }));
  return { matches, unreadable };
}

/** The files a folder gives: reports as text, PDF, HTML pages and Word files. */
export const FOLDER_PATTERN = '*.{txt,pdf,html,htm,docx}';
export const FOLDER_KINDS = '.txt, .pdf, .html, .htm or .docx';

/**
 * A folder's files without the derived texts of the converted ones beside them: NAME.pdf.txt,
 * as --text-out writes it, is NAME.pdf's text, which is read already.
 */
export function withoutDerivedTexts(names: string[]): string[] {
  const present = new Set(names);
  return names.filter((name) => {
    const converted = name.replace(/\.txt$/, '');
    return converted === name || !formatOfName(converted) || !present.has(converted);
  });
}

export function resolveInputs(operands: string[]): Resolved {
  const inputs: Input[] = [];
  const problems: Resolved['problems'] = [];
  // Each real file once, by the first path that names it (through a link, or as ./a.txt).
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = fileIdentity(path) ?? path;
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path });
  };
  for (const operand of operands) {
    if (operand === '-') {
      if (!seen.has('-')) inputs.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    if (operand === '') {
      problems.push({ operand: "''", reason: 'an empty name is not a file' });
      continue;
    }
    let stat;
    try {
      stat = fs.statSync(operand);
    } catch (e) {
      if (fastGlob().isDynamicPattern(operand)) {
        const { matches, unreadable } = glob(operand, { onlyFiles: true, dot: false });
        for (const u of unreadable) problems.push({ operand, reason: `cannot list the folder ${shown(u.path)}: ${describeFsError(u.error)}` });
        if (!matches.length && !unreadable.length) problems.push({ operand, reason: 'no file matches this pattern' });
        matches.forEach(add);
      } else {
        problems.push({ operand, reason: describeFsError(e) });
      }
      continue;
    }
    if (stat.isDirectory()) {
      const { matches, unreadable } = glob(FOLDER_PATTERN, { cwd: operand, onlyFiles: true, caseSensitiveMatch: false });
      if (unreadable.length) problems.push({ operand, reason: `cannot list this folder: ${describeFsError(unreadable[0]!.error)}` });
      else if (!matches.length) problems.push({ operand, reason: `directory has no ${FOLDER_KINDS} files` });
      withoutDerivedTexts(matches).map((f) => join(operand, f)).forEach(add);
    } else {
      add(operand);
    }
  }
  return { inputs, problems };
}
