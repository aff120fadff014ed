// npm run bench [-- PATH] [--runs N] [--mb N]: the tool end to end against its floors, in one run.
// Builds a corpus of at least --mb megabytes (default 20) by repeating PATH's *.txt (default
// ../shared/gov/corpus), each copy with its own header line so that no cache can help, then
// times the built CLI (dist/, run `npm run build` first), two --jobs 1 processes at once on the
// two halves of the corpus (the most two cores give on this machine), cold start beside bare
// `node -e 0`, and, in this process, nodejieba `cut` of the whole text (its own dictionary, then
// the trimmed one), the tool's own cut with its trie, and the single regex pass over the same
// text. Figures are medians; the ratios are checked against their targets, misses marked, exit 0.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/extract.js');
const MB = 1024 * 1024;

// ---- arguments -------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const die = (message) => {
  console.error(`bench: ${message}`);
  process.exit(2);
};
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = argv.splice(i, 2);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) die(`${name} wants a whole number of 1 or more, got ${value}`);
  return n;
};
const RUNS = Math.max(3, option('--runs', 3));
const TARGET_MB = option('--mb', 20);
const SOURCE = resolve(argv[0] ?? join(ROOT, '../shared/gov/corpus'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const since = (t0) => (performance.now() - t0) / 1000;

// ---- the corpus ------------------------------------------------------------------------------
function sourceFiles(path) {
  if (!existsSync(path)) die(`${path}: no such file or folder`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true })
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(path, f));
}

const sources = sourceFiles(SOURCE).map((f) => ({ name: relative(SOURCE, f).replaceAll('/', '_') || 'input.txt', text: readFileSync(f, 'utf8') }));
if (!sources.length) die(`${SOURCE}: no .txt files`);
const work = mkdtempSync(join(tmpdir(), 'extract-bench-'));
const corpusDir = join(work, 'corpus');
mkdirSync(corpusDir);
const files = []; // { path, bytes }
let totalBytes = 0;
for (let copy = 1; totalBytes < TARGET_MB * MB; copy++) {
  for (const s of sources) {
    const bytes = Buffer.from(`第${copy}份副本\n${s.text}`, 'utf8');
    const path = join(corpusDir, `c${String(copy).padStart(4, '0')}-${s.name}`);
    writeFileSync(path, bytes);
    files.push({ path, bytes });
    totalBytes += bytes.length;
  }
}
// The corpus in two halves of alternate files, for the parallel ceiling below.
const halves = [join(work, 'half-a'), join(work, 'half-b')];
for (const h of halves) mkdirSync(h);
files.forEach((f, k) => writeFileSync(join(halves[k % 2], f.path.slice(corpusDir.length + 1)), f.bytes));
const jsonl = join(work, 'corpus.jsonl');
const jsonlFd = openSync(jsonl, 'w');
for (const f of files) writeSync(jsonlFd, JSON.stringify({ id: f.path, text: f.bytes.toString('utf8') }) + '\n');
closeSync(jsonlFd);
const small = join(work, 'small.txt');
writeFileSync(small, '今年全县地区生产总值达到328.6亿元，同比增长6.2%；一般公共预算收入12.4亿元，下降3.1%。\n'.repeat(3));

// ---- the CLI as a child process --------------------------------------------------------------
// Peak RSS of the whole process (workers included) and its CPU time: GNU time's %M %U %S when
// there is one, else the child's own getrusage reported at exit by a preloaded one-liner.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const USAGE_HOOK =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write(`\\n${u.maxRSS} ${u.userCPUTime/1e6} ${u.systemCPUTime/1e6}\\n`)})";
const RSS_METHOD = GNU_TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS at exit';

// Other processes on the machine disturb the timings: the CPU the whole machine spent during a
// run (Linux /proc/stat, in clock ticks of 1/100 s) minus the child's own is theirs.
const busyTicks = () => {
  if (!existsSync('/proc/stat')) return NaN;
  // cpu  user nice system idle iowait irq softirq steal (guest time is counted in user already)
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4];
};

/** Runs the CLI once: wall seconds, peak RSS in MB, and how many cores other processes kept busy. */
function runTool(args, { stdin = '/dev/null', stdout = '/dev/null' } = {}) {
  const node = [process.execPath, ...(GNU_TIME ? [] : ['--import', USAGE_HOOK]), BIN, ...args];
  const [cmd, ...rest] = GNU_TIME ? [GNU_TIME, '-f', '%M %U %S', ...node] : node;
  const fdIn = openSync(stdin, 'r');
  const fdOut = openSync(stdout, 'w');
  return new Promise((done, fail) => {
    const busy0 = busyTicks();
    const t0 = performance.now();
    const child = spawn(cmd, rest, { cwd: ROOT, stdio: [fdIn, fdOut, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = since(t0);
      const busy = (busyTicks() - busy0) / 100;
      closeSync(fdIn);
      closeSync(fdOut);
      const lines = stderr.trimEnd().split('\n');
      const [rssKb, user, system] = lines.pop().split(' ').map(Number);
      if (code !== 0) return fail(new Error(`extract ${args.join(' ')} exited ${code}:\n${lines.join('\n')}`));
      done({ seconds, rssMb: rssKb / 1024, others: Math.max(0, (busy - user - system) / seconds) });
    });
  });
}

let disturbed = existsSync('/proc/stat') ? 0 : NaN;

/** Median wall seconds of `node -e 0`: what any Node program costs to start here. */
async function timeBareNode(runs) {
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await new Promise((done, fail) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('error', fail).on('close', done));
    seconds.push(since(t0));
  }
  return median(seconds);
} // the most cores others kept busy in a timed run

async function timeTool(label, args, io, runs = RUNS) {
  const seconds = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const r = await runTool(args, io);
    seconds.push(r.seconds);
    rss.push(r.rssMb);
    if (r.others > disturbed) disturbed = r.others;
    process.stderr.write(`  ${label} run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB, others ${r.others.toFixed(2)} cores\n`);
  }
  return { seconds: median(seconds), rssMb: Math.max(...rss) };
}

// ---- floors, in this process -----------------------------------------------------------------
/** Median seconds of fn() over RUNS runs. */
function timeHere(label, fn) {
  const seconds = [];
  for (let i = 0; i < RUNS; i++) {
    const [busy0, cpu0, t0] = [busyTicks(), process.cpuUsage(), performance.now()];
    fn();
    seconds.push(since(t0));
    const cpu = process.cpuUsage(cpu0);
    const others = Math.max(0, ((busyTicks() - busy0) / 100 - (cpu.user + cpu.system) / 1e6) / seconds.at(-1));
    if (others > disturbed) disturbed = others;
    process.stderr.write(`  ${label} run ${i + 1}/${RUNS}: ${seconds.at(-1).toFixed(2)} s, others ${others.toFixed(2)} cores\n`);
  }
  return median(seconds);
}

async function floors() {
  const { decode } = await import(join(ROOT, 'dist/pipeline/decode.js'));
  const { quantityRegex, findQuantities } = await import(join(ROOT, 'dist/pipeline/quantities.js'));
  const { loadLibrary } = await import(join(ROOT, 'dist/patterns/load.js'));
  const regex = quantityRegex(loadLibrary().fragments);
  let figures = 0;
  const regexSeconds = timeHere('regex pass', () => {
    figures = 0;
    for (const f of files) figures += findQuantities(decode(f.bytes).text, regex).length;
  });

  // nodejieba's own dictionary, as the figures measure it, then the trimmed one that
  // src/pipeline/segment.ts loads (dist/dict), in the same process one after the other.
  const nodejieba = createRequire(join(ROOT, 'package.json'))('nodejieba');
  const cutAll = () => {
    for (const f of files) for (const line of decode(f.bytes).text.split('\n')) if (line) nodejieba.cut(line);
  };
  const cut = (label, dict) => {
    const t0 = performance.now();
    nodejieba.load(dict);
    const loadSeconds = since(t0);
    return { loadSeconds, seconds: timeHere(label, cutAll) };
  };
  const cutDefault = cut('nodejieba cut, its dictionary', {});
  const dictDir = join(ROOT, 'dist/dict');
  const trimmed = existsSync(join(dictDir, 'jieba.dict.utf8')) && existsSync(join(dictDir, 'tiny.utf8'));
  const cutTrimmed = trimmed ? cut('nodejieba cut, trimmed dictionary', { dict: join(dictDir, 'jieba.dict.utf8'), idfDict: join(dictDir, 'idf.utf8'), stopWordDict: join(dictDir, 'tiny.utf8') }) : null;
  // The same cut as the tool makes it (src/pipeline/segment.ts): JavaScript over dist/dict/words.bin.
  const { segment } = await import(join(ROOT, 'dist/pipeline/segment.js'));
  const ownCut = timeHere("the tool's own cut", () => {
    for (const f of files) for (const line of decode(f.bytes).text.split('\n')) if (line) segment(line);
  });
  return { regexSeconds, figures, cutDefault, cutTrimmed, ownCut };
}

/**
 * What two cores give here at best: two independent --jobs 1 processes, each on half the
 * corpus, at the same time. Wall seconds until both are done, median of RUNS.
 */
async function twoProcesses() {
  const seconds = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await Promise.all(halves.map((h) => runTool(['--jobs', '1', '--json', h])));
    seconds.push(since(t0));
    process.stderr.write(`  two processes on halves run ${i + 1}/${RUNS}: ${seconds.at(-1).toFixed(2)} s\n`);
  }
  return median(seconds);
}

// ---- the run ---------------------------------------------------------------------------------
const corpusMb = totalBytes / MB;
process.stderr.write(`bench: ${corpusMb.toFixed(1)} MB in ${files.length} files (${sources.length} sources) under ${work}\n`);
try {
  // One untimed run writes the output once, to count indicators (and warm the page cache).
  const outFile = join(work, 'jobs1.jsonl');
  await runTool(['--jobs', '1', '--json', corpusDir], { stdout: outFile });
  const docs = readFileSync(outFile, 'utf8').trimEnd().split('\n');
  const indicators = docs.reduce((n, line) => n + JSON.parse(line).indicators.length, 0);

  const jobs1 = await timeTool('--jobs 1', ['--jobs', '1', '--json', corpusDir]);
  const jobs2 = await timeTool('--jobs 2', ['--jobs', '2', '--json', corpusDir]);
  const lines1 = await timeTool('--input jsonl --jobs 1', ['--input', 'jsonl', '--jobs', '1'], { stdin: jsonl });
  const lines2 = await timeTool('--input jsonl --jobs 2', ['--input', 'jsonl', '--jobs', '2'], { stdin: jsonl });
  const cold = await timeTool('cold start', [small], {}, Math.max(5, RUNS));
  const bare = await timeBareNode(Math.max(5, RUNS));
  const pair = await twoProcesses();
  const floor = await floors();

  const rate = (s) => corpusMb / s;
  const ratio = (x, min, max) => (x >= (min ?? -Infinity) && x <= (max ?? Infinity) ? 'ok' : 'MISSED');
  const e2e = rate(jobs1.seconds);
  const parallelGain = jobs1.seconds / jobs2.seconds;
  const peak = Math.max(jobs1.rssMb, jobs2.rssMb, lines1.rssMb, lines2.rssMb);
  const cutRow = (label, c) => [label, `${rate(c.seconds).toFixed(2)} MB/s`, `after loading it in ${c.loadSeconds.toFixed(2)} s`];
  const rows = [
    ['end to end --jobs 1', `${e2e.toFixed(2)} MB/s`, `${(indicators / jobs1.seconds).toFixed(0)} ind/s, ${jobs1.rssMb.toFixed(0)} MB RSS`],
    ['end to end --jobs 2', `${rate(jobs2.seconds).toFixed(2)} MB/s`, `${(indicators / jobs2.seconds).toFixed(0)} ind/s, ${jobs2.rssMb.toFixed(0)} MB RSS`],
    ['--input jsonl --jobs 1', `${rate(lines1.seconds).toFixed(2)} MB/s`, `${lines1.rssMb.toFixed(0)} MB RSS`],
    ['--input jsonl --jobs 2', `${rate(lines2.seconds).toFixed(2)} MB/s`, `${lines2.rssMb.toFixed(0)} MB RSS`],
    ['two --jobs 1 on halves', `${rate(pair).toFixed(2)} MB/s`, 'two processes at once: what two cores give here'],
    cutRow('floor: nodejieba cut', floor.cutDefault),
    ...(floor.cutTrimmed ? [cutRow('  (trimmed dictionary)', floor.cutTrimmed)] : []),
    ["the tool's own cut", `${rate(floor.ownCut).toFixed(2)} MB/s`, 'JavaScript over dist/dict/words.bin'],
    ['floor: regex pass', `${rate(floor.regexSeconds).toFixed(2)} MB/s`, `${floor.figures} figures, decoding included`],
    ['cold start, one small file', `${cold.seconds.toFixed(3)} s`, `median of ${Math.max(5, RUNS)}, ${cold.rssMb.toFixed(0)} MB RSS`],
    ['bare node -e 0', `${bare.toFixed(3)} s`, `median of ${Math.max(5, RUNS)}`],
  ];
  // The targets of the speed issue: end to end at least as fast as nodejieba's whole-text cut
  // with the trimmed dictionary (the one the tool reads), --jobs 2 near two independent
  // processes, cold start under half a second and 3.5 times bare Node, RSS under 500 MB.
  const cutFloor = floor.cutTrimmed ?? floor.cutDefault;
  const e2eVsCut = cutFloor.seconds / jobs1.seconds;
  const jobs2VsPair = pair / jobs2.seconds;
  const coldVsBare = cold.seconds / bare;
  const checks = [
    ['end to end / nodejieba cut', `${e2eVsCut.toFixed(2)}x`, '>= 1.0', ratio(e2eVsCut, 1.0)],
    ['--jobs 2 / two processes', `${jobs2VsPair.toFixed(2)}x`, '>= 0.9', ratio(jobs2VsPair, 0.9)],
    ['cold start', `${cold.seconds.toFixed(3)} s`, '<= 0.5 s', ratio(cold.seconds, undefined, 0.5)],
    ['cold start / node -e 0', `${coldVsBare.toFixed(2)}x`, '<= 3.5', ratio(coldVsBare, undefined, 3.5)],
    ['peak RSS (any run)', `${peak.toFixed(0)} MB`, '<= 500 MB', ratio(peak, undefined, 500)],
    ['  (--jobs 2 / --jobs 1)', `${parallelGain.toFixed(2)}x`, '(information)', ''],
    ["  (the tool's cut / nodejieba's)", `${(cutFloor.seconds / floor.ownCut).toFixed(2)}x`, '(information)', ''],
    ['  (end to end / regex pass)', `${(floor.regexSeconds / jobs1.seconds).toFixed(3)}x`, '(information)', ''],
  ];
  const table = (rs) => rs.map((r) => r.map((c, i) => c.padEnd([28, 14, 12, 0][i] ?? 0)).join(' ').trimEnd()).join('\n');
  console.log(`corpus: ${corpusMb.toFixed(1)} MB, ${files.length} files, ${docs.length} documents, ${indicators} indicators; medians of ${RUNS} runs; RSS by ${RSS_METHOD}`);
  console.log(table(rows));
  console.log();
  console.log(table([['ratio', 'measured', 'target', 'status'], ...checks]));
  if (Number.isNaN(disturbed)) console.log('\nother processes: not measured (no /proc/stat)');
  else if (disturbed > 0.1) console.log(`\nDISTURBED: other processes kept up to ${disturbed.toFixed(2)} cores busy during a timed run; rerun on a quiet machine`);
  else console.log(`\nquiet: other processes kept at most ${disturbed.toFixed(2)} cores busy during the timed runs`);
} catch (e) {
  // A run of the tool that failed (a pattern file being edited, a missing build): one clear line.
  console.error(`bench: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
