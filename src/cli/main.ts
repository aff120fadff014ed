// The command line: parses arguments, reads inputs, writes outputs. It never calls
// process.exit: execute() resolves to the exit code, so tests can run it in-process.
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { createExtractor, type Extractor } from '../pipeline/extract.js';
import { loadLibrary, PatternError } from '../patterns/load.js';
import { assertSafeUserPatterns } from '../patterns/redos.js';
import { describeFsError, EXIT, OutputError, UserError } from './errors.js';
import { writeTo } from './output.js';
import type { ReportOptions } from './report.js';
import { runExtract, type ExtractionOptions, type RunOptions } from './run.js';
import type { TableOptions } from './table.js';
import { makeChalk } from './view.js';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** stdout is a terminal */
  isTTY: boolean;
  /** stderr is a terminal: a long run shows its progress there */
  stderrIsTTY: boolean;
  /** colors when --color is auto: NO_COLOR and FORCE_COLOR, else whether stdout is a terminal */
  color: boolean;
  /** the terminal's width, when stdout is one */
  columns?: number;
}


const EXAMPLES = `
Examples:
  $ extract report.txt                      readable view on a terminal, JSON Lines in a pipe
  $ extract pdfs/ --out json/ --text-out json/  a folder of PDFs: NAME.pdf.json and NAME.pdf.txt
  $ extract page.html report.docx           web pages and Word files too, told by their content
  $ extract 'reports/**/*.txt' > out.ndjson  a quoted glob, expanded the same in every shell
  $ extract reports/ --out json/            one pretty NAME.json per document
  $ extract reports/ --format csv > t.csv    one row per indicator, for spreadsheets
  $ extract report reports/                 report.html, a page to check extractions by eye
  $ extract table reports/ --metric 地区生产总值 --target   one metric across many reports
  $ parallel --pipe --block 10M -k extract --input jsonl --jobs 1 < corpus.jsonl > out.jsonl
  $ cat report.txt | extract -              read stdin
  $ extract --special-files <(zcat a.txt.gz) a pipe or a device, read whole (at most 256 MB)
  $ extract a.txt | jq '.indicators[] | select(.direction=="down")'
  $ extract schema                          the JSON Schema of every output document
  $ extract check fixtures                  CI: do the fixtures still parse identically?

On a terminal, stderr shows a progress bar (documents done, MB/s, time left); never in a pipe
or with --quiet. Colors: on when stdout is a terminal; --color=always|never and --no-color
decide, else NO_COLOR=1 turns them off and FORCE_COLOR=1 on.

Exit codes: 0 success, 1 differences found by check, 2 usage or input errors.`;

const REPORT_EXAMPLES = `
Examples:
  $ extract report reports/                    report.html: every report of reports/
  $ extract report 'reports/**/*.pdf' -o 2024.html --title '2024 年报'
  $ extract report a.txt b.txt --patterns my-patterns/ --jobs 2
  $ extract report - -o stdin.html < a.txt     read stdin

The page needs nothing but itself (no network): it opens on the table of all indicators, with
filters; each document below it shows its text with every indicator highlighted and a chart of
its changes.`;

const TABLE_HELP = `
Columns: document, metric (its canonical name: synonyms and the place or time glued on taken
out, so one metric has one name across reports), value, unit, direction, basis, qualifier,
period and text; csv and jsonl add the metric as written, upper, subject, target and the
period's from and to.

Examples:
  $ extract table gov/*.txt --metric 地区生产总值 --target        each report's growth goal
  $ extract table gov/*.txt --metric 地区生产总值 --target --period 2026 --format md
  $ extract gov/*.txt > out.ndjson                                  extract once …
  $ extract table --from out.ndjson --metric '城镇调查失业率' --target --pivot --format csv > t.csv
  $ extract table --from out.ndjson --metric '.*可支配收入' --direction up --format table`;

/** A subcommand's options over those given before its name (\`extract --quiet report …\`): the
 * subcommand's win unless they are only its defaults. */
function withParentOptions<T>(command: Command): T {
  const merged: Record<string, unknown> = { ...command.parent!.opts() };
  for (const [key, value] of Object.entries(command.opts())) {
    if (command.getOptionValueSource(key) !== 'default' || !(key in merged)) merged[key] = value;
  }
  return merged as T;
}

function buildExtractor(options: { patterns?: string[]; builtinPatterns: boolean }): Extractor {
  try {
    const library = loadLibrary({ builtin: options.builtinPatterns, extraDirs: options.patterns });
    // A user's regex that could backtrack for ever stops the run before any output.
    assertSafeUserPatterns(library);
    return createExtractor(library);
  } catch (e) {
    if (e instanceof PatternError) throw new UserError(`pattern error: ${e.message}`);
    throw e;
  }
}

/** More threads than any machine this runs on has cores: a value above it is a mistake. */
const MAX_JOBS = 1024;

function jobCount(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_JOBS)) throw new UserError(`--jobs ${value === '' ? "''" : value}: give a whole number of threads from 1 to ${MAX_JOBS}`);
  return n;
}

function inputFormatOption(): Option {
  return new Option('--input-format <format>', 'auto: by content (%PDF, a zip archive, <html), then by extension, else text; or read every input as txt, pdf, html or docx')
    .choices(['auto', 'txt', 'pdf', 'html', 'docx'])
    .default('auto');
}

/** The options of every command that extracts: threads, formats, patterns, progress. */
function addExtractionOptions(command: Command): Command {
  return command
    .addOption(new Option('-j, --jobs <n>', 'extract on N threads (1 to 1024), this one and N-1 workers, but no more than there are cores and inputs (default: the number of cores, or one for files of under 2 MB in all); output keeps input order').argParser(jobCount))
    .addOption(inputFormatOption())
    .addOption(new Option('--patterns <dir...>', 'add the pattern files of DIR to the built-in library'))
    .option('--no-builtin-patterns', 'use only the pattern files given with --patterns')
    .option('--special-files', 'also read inputs that are no regular files (devices, FIFOs, sockets), each up to 256 MB')
    .option('-q, --quiet', 'no progress bar and no summary on stderr (errors are still reported)');
}

/** --color=auto|always|never and --no-color, over what the environment and the terminal say. */
function addColorOptions(command: Command): Command {
  return command
    .addOption(new Option('--color <when>', 'colors: auto (the default: on when stdout is a terminal, off with NO_COLOR=1, on with FORCE_COLOR=1), always or never').choices(['auto', 'always', 'never']))
    .option('--no-color', 'no colors (the same as --color=never)');
}

function colorOf(option: string | boolean | undefined, io: Io): boolean {
  if (option === false || option === 'never') return false;
  return option === 'always' || io.color;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('extract')
    .description('Extract every quantitative indicator of Chinese reports as grounded, normalized JSON tuples.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[inputs...]', 'files, folders (their *.txt, *.pdf, *.html, *.htm, *.docx), quoted globs, or - for stdin')
    .option('--json', 'write JSON Lines even on a terminal (the default when stdout is a pipe or file)')
    .addOption(new Option('-f, --format <format>', 'jsonl: one document a line; csv: one indicator a row, with a BOM for spreadsheets; view: the readable view').choices(['jsonl', 'csv', 'view']))
    .option('-o, --out <dir>', 'write one pretty-printed NAME.json per document into DIR instead of stdout (NAME.pdf.json for NAME.pdf)')
    .option('--resume', 'with --out: skip inputs whose NAME.json is current (made from the same bytes, with the same options, patterns and version)')
    .option('--all-documents', 'with --format csv: a row for each document without indicators too')
    .option('--explain', 'add to each indicator the clause it was read from and the ids of the rules that decided each field')
    .addOption(new Option('--input <kind>', 'files: the operands; jsonl: {"id":…,"text":…} lines on stdin, one result line each (an error record for a line that gives no document)').choices(['files', 'jsonl']).default('files'))
    .option('--text-out <dir>', 'write the text derived from each PDF, page or Word file to DIR/NAME.EXT.txt: the text its spans index');
  addExtractionOptions(program);
  addColorOptions(program)
    .addHelpText('after', EXAMPLES)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, w) => w(s.startsWith('error:') ? `extract: ${s.slice(7)}` : s),
    })
    .exitOverride()
    // Options after a subcommand are the subcommand's: `report … -o page.html` is not --out.
    .enablePositionalOptions()
    .action(async (operands: string[], options: Omit<RunOptions, 'color'> & { color?: string | boolean }) => {
      const run: RunOptions = { ...options, color: colorOf(options.color, io) };
      setExit(await runExtract(operands, run, buildExtractor(run), io));
    });

  const report = program
    .command('report')
    .description('write one self-contained HTML page: the table of all tuples, and every document with its indicators highlighted')
    .argument('<inputs...>', 'files, folders, quoted globs, or - for stdin')
    .option('-o, --out <file>', 'the HTML file to write', 'report.html')
    // The name --out had before it was named as the top level's.
    .addOption(new Option('--output <file>').hideHelp())
    .option('--title <title>', 'the page title', 'extract report');
  addExtractionOptions(report)
    .addHelpText('after', REPORT_EXAMPLES)
    .action(async (operands: string[]) => {
      const options = withParentOptions<ReportOptions & { output?: string }>(report);
      const { writeReport } = await import('./report.js');
      setExit(await writeReport(operands, { ...options, out: options.output ?? options.out }, buildExtractor(options), io));
    });

  const table = program
    .command('table')
    .description('one table of the indicators of many documents that pass the filters: rows, or one row per document with --pivot')
    .argument('[inputs...]', 'files, folders, quoted globs, or - for stdin (or --from documents already extracted)')
    .addOption(new Option('--from <file...>', 'read documents written by extract (JSON Lines, or NAME.json of --out; - for stdin) instead of extracting'))
    .option('--metric <regex>', "the whole canonical name (or the metric as written) matches REGEX: 地区生产总值, '.*失业率'")
    .option('--unit <unit>', 'the unit is exactly UNIT: %, 元, 百分点, 起 …')
    .addOption(new Option('--direction <direction>', 'up, down, flat, or none (a level or a count)').choices(['up', 'down', 'flat', 'none']))
    .option('--target', 'only goals, plans and forecasts')
    .option('--no-target', 'only results')
    .option('--period <period>', 'the period lies within YYYY[-MM[-DD]] or FROM..TO: 2026, 2025-01..2025-06')
    .option('--pivot', 'one row per document and one column per metric and unit (a fall is negative; several values are joined by "; ")')
    .addOption(new Option('-f, --format <format>', 'table: aligned columns (the default on a terminal); csv: for spreadsheets, with a BOM; md: Markdown; jsonl: one JSON row a line (the default in a pipe)').choices(['table', 'csv', 'md', 'jsonl']));
  addExtractionOptions(table)
    .addHelpText('after', TABLE_HELP)
    .action(async (operands: string[]) => {
      // The table's own options: --format, --target and the filters are not the top level's.
      const options = { ...withParentOptions<ExtractionOptions>(table), ...table.opts<TableOptions>() };
      const { runTable } = await import('./table.js');
      setExit(await runTable(operands, table.opts<TableOptions>(), options, () => buildExtractor(options), io));
    });

  const check = program
    .command('check')
    .description('re-extract every NAME.txt of DIR that has a NAME.expected.json (NAME.pdf, .html, .docx: NAME.pdf.expected.json and the derived NAME.pdf.txt) and show what changed')
    .argument('[dir]', 'the fixture folder', 'fixtures')
    .option('--update', 'rewrite the expectations (and write missing ones), reporting what changed')
    .option('-q, --quiet', 'no summary line when every fixture is unchanged');
  addColorOptions(check)
    .addHelpText('after', `
Exit codes: 0 every fixture unchanged, 1 differences or missing expectations, 2 errors.
In CI:  npx extract check fixtures`)
    .action(async (dir: string) => {
      const options = withParentOptions<ExtractionOptions & { update?: boolean; color?: string | boolean }>(check);
      const color = await makeChalk(colorOf(options.color, io));
      const { checkFixtures } = await import('./check.js');
      const result = await checkFixtures(dir, buildExtractor(options), { update: Boolean(options.update), quiet: Boolean(options.quiet) }, color);
      for (const line of result.lines) await writeTo(io.stdout, line + '\n');
      setExit(result.exitCode);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the output documents (generated from the zod schema)')
    .action(async () => {
      const { jsonSchema } = await import('../contract.js');
      await writeTo(io.stdout, JSON.stringify(jsonSchema(), null, 2) + '\n');
      setExit(EXIT.ok);
    });
  return program;
}

export async function execute(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UserError) {
      io.stderr.write(`extract: ${e.message}\n`);
      return e.exitCode;
    }
    // A file of `check --update`; stdout on a full disk: nothing more can be written there.
    // (Files are written through atomic.ts, whose failures are OutputErrors: a failed write
    // system call is a standard stream's.) A closed pipe is no error: bin/extract.js ends quietly.
    if (e instanceof OutputError) {
      io.stderr.write(`extract: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    const { syscall, code } = (e ?? {}) as NodeJS.ErrnoException;
    if (syscall === 'write' && code !== 'EPIPE') {
      io.stderr.write(`extract: stdout: ${describeFsError(e)}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
