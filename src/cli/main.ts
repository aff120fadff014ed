// The command line: parses arguments, reads inputs, writes outputs. It never calls
// process.exit: execute() resolves to the exit code, so tests can run it in-process.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { jsonSchema, type ExtractedDocument } from '../contract.js';
import { documentFromBytes } from '../document.js';
import { DecodeError } from '../pipeline/decode.js';
import { createExtractor, type Extractor } from '../pipeline/extract.js';
import { loadLibrary, PatternError } from '../patterns/load.js';
import { describeFsError, EXIT, UserError } from './errors.js';
import { checkFixtures } from './check.js';
import { outputName, writeFileAtomic } from './files.js';
import { resolveInputs, type Input } from './inputs.js';
import { makeChalk, renderDocument } from './view.js';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** stdout is a terminal */
  isTTY: boolean;
  /** colors on stderr/stdout views */
  color: boolean;
}

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const EXAMPLES = `
Examples:
  $ extract report.txt                      readable view on a terminal, JSON Lines in a pipe
  $ extract 'reports/**/*.txt' > out.ndjson  a quoted glob, expanded the same in every shell
  $ extract reports/ --out json/            one pretty NAME.json per document
  $ cat report.txt | extract -              read stdin
  $ extract a.txt | jq '.indicators[] | select(.direction=="down")'
  $ extract schema                          the JSON Schema of every output document
  $ extract check fixtures                  CI: do the fixtures still parse identically?

Exit codes: 0 success, 1 differences found by check, 2 usage or input errors.`;

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });
}

async function readStdin(stdin: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

interface RunOptions {
  json?: boolean;
  out?: string;
  explain?: boolean;
  patterns?: string[];
  builtinPatterns: boolean;
}

function buildExtractor(options: RunOptions): Extractor {
  try {
    return createExtractor(loadLibrary({ builtin: options.builtinPatterns, extraDirs: options.patterns }));
  } catch (e) {
    if (e instanceof PatternError) throw new UserError(`pattern error: ${e.message}`);
    throw e;
  }
}

async function runExtract(operands: string[], options: RunOptions, io: Io): Promise<number> {
  if (!operands.length) throw new UserError('no input given: name files, folders, globs, or - for stdin (see --help)');
  const extractor = buildExtractor(options);
  const { inputs, problems } = resolveInputs(operands);
  let failed = problems.length > 0;
  for (const p of problems) await write(io.stderr, `extract: ${p.operand}: ${p.reason}\n`);
  if (options.out) {
    const names = new Map<string, string>();
    for (const input of inputs) {
      const source = input.kind === 'stdin' ? '-' : input.path;
      const name = outputName(source);
      const other = names.get(name);
      if (other) throw new UserError(`--out: ${other} and ${source} would both write ${name}`);
      names.set(name, source);
    }
    mkdirSync(options.out, { recursive: true });
  }
  const asJson = options.json || !io.isTTY;
  const chalk = makeChalk(io.color);
  for (const input of inputs) {
    const doc = await readDocument(input, extractor, io, options);
    if (typeof doc === 'string') {
      failed = true;
      await write(io.stderr, `extract: ${doc}\n`);
      continue;
    }
    if (options.out) writeFileAtomic(join(options.out, outputName(doc.source)), JSON.stringify(doc, null, 2) + '\n');
    else if (asJson) await write(io.stdout, JSON.stringify(doc) + '\n');
    else await write(io.stdout, renderDocument(doc, chalk) + '\n');
  }
  return failed ? EXIT.usage : EXIT.ok;
}

/** The document of one input, or a one-line reason it could not be read. */
async function readDocument(input: Input, extractor: Extractor, io: Io, options: RunOptions): Promise<ExtractedDocument | string> {
  const source = input.kind === 'stdin' ? '-' : input.path;
  let bytes: Uint8Array;
  try {
    bytes = input.kind === 'stdin' ? await readStdin(io.stdin) : readFileSync(input.path);
  } catch (e) {
    return `${source}: ${describeFsError(e)}`;
  }
  try {
    return documentFromBytes(extractor, source, bytes, { explain: options.explain });
  } catch (e) {
    if (e instanceof DecodeError) return `${source}: ${e.message}`;
    throw e;
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('extract')
    .description('Extract every quantitative indicator of Chinese reports as grounded, normalized JSON tuples.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[inputs...]', 'files, folders (their *.txt), quoted globs, or - for stdin')
    .option('--json', 'write JSON Lines even on a terminal (the default when stdout is a pipe or file)')
    .option('-o, --out <dir>', 'write one pretty-printed NAME.json per document into DIR instead of stdout')
    .option('--explain', 'add to each indicator the clause it was read from and the rule behind each field')
    .addOption(new Option('--patterns <dir...>', 'add the pattern files of DIR to the built-in library'))
    .option('--no-builtin-patterns', 'use only the pattern files given with --patterns')
    .addHelpText('after', EXAMPLES)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, w) => w(s.startsWith('error:') ? `extract: ${s.slice(7)}` : s),
    })
    .exitOverride()
    .action(async (operands: string[], options: RunOptions) => setExit(await runExtract(operands, options, io)));

  program
    .command('check')
    .description('re-extract every NAME.txt of DIR that has a NAME.expected.json and show what changed')
    .argument('[dir]', 'the fixture folder', 'fixtures')
    .option('--update', 'rewrite the expectations (and write missing ones), reporting what changed')
    .addHelpText('after', `
Exit codes: 0 every fixture unchanged, 1 differences or missing expectations, 2 errors.
In CI:  npx extract check fixtures`)
    .action(async (dir: string, options: { update?: boolean }) => {
      const parent = program.opts<RunOptions>();
      const report = checkFixtures(dir, buildExtractor(parent), { update: Boolean(options.update) }, makeChalk(io.color));
      for (const line of report.lines) await write(io.stdout, line + '\n');
      setExit(report.exitCode);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the output documents (generated from the zod schema)')
    .action(async () => {
      await write(io.stdout, JSON.stringify(jsonSchema(), null, 2) + '\n');
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
    throw e;
  }
}
