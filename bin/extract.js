#!/usr/bin/env node
// The process: argv in, exit code out. Everything else is in dist/cli/main.js.
import { execute } from '../dist/cli/main.js';

// A closed pipe (extract … | head) ends the run quietly, as other Unix tools do: exit 0 and not
// a word on stderr. stderr may be the closed pipe too (extract … 2>&1 | head). The run stops at
// its next write, and its workers finish the job in hand first: a worker stopped inside the
// segmenter's native code would abort the whole process. Any other error of a stream (a full
// disk) fails that next write, which says so.
let closed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') closed = true;
  });
}

// Colors unless --color or --no-color say otherwise: https://no-color.org, then FORCE_COLOR.
const color = process.env.NO_COLOR ? false : process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY);
try {
  process.exitCode = await execute(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color,
    columns: process.stdout.columns,
  });
} catch (e) {
  if (!closed && e?.code !== 'EPIPE') {
    process.stderr.write(`extract: internal error (a bug; please report it with the input):\n${e?.stack ?? e}\n`);
    process.exitCode = 70;
  }
}
if (closed) process.exitCode = 0;
