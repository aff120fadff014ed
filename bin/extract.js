#!/usr/bin/env node
// The process: argv in, exit code out. Everything else is in dist/cli/main.js.
import { execute } from '../dist/cli/main.js';

// A closed pipe (extract … | head) ends the run quietly, as other Unix tools do: exit 0 and not
// a word on stderr. stderr may be the closed pipe too (extract … 2>&1 | head).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

const color = process.env.NO_COLOR ? false : process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY);
try {
  process.exitCode = await execute(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stdout.isTTY),
    color,
    columns: process.stdout.columns,
  });
} catch (e) {
  process.stderr.write(`extract: internal error (a bug; please report it with the input):\n${e?.stack ?? e}\n`);
  process.exitCode = 70;
}
