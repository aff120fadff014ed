// Makes the README's pictures: docs/report.png (the HTML report as it opens),
// docs/report-document.png (one of its documents opened) and docs/terminal.png (the terminal
// view, its ANSI colors drawn as HTML). Uses Debian's chromium through playwright-core.
//   node scripts/screenshots.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/extract.js');
const tmp = mkdtempSync(join(tmpdir(), 'extract-shots-'));
const launch = () =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

const SGR = { 1: 'font-weight:bold', 2: 'opacity:.6', 4: 'text-decoration:underline', 30: 'color:#000', 31: 'color:#c0392b', 32: 'color:#27ae60', 33: 'color:#b8860b', 36: 'color:#16a085', 43: 'background:#f5d76e' };

function ansiToHtml(text) {
  const escape = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  let open = 0;
  const body = escape(text).replace(/\u001b\[(\d+)m/g, (_, code) => {
    if (SGR[code]) {
      open++;
      return `<span style="${SGR[code]}">`;
    }
    if (!open) return '';
    open--;
    return '</span>';
  });
  return `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fdfdf8"><pre style="font:15px/1.45 'WenQuanYi Zen Hei Mono','WenQuanYi Zen Hei',monospace;padding:16px;margin:0">${body}</pre>`;
}

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
  const report = join(tmp, 'report.html');
  execFileSync(process.execPath, [bin, 'report', 'fixtures', '-o', report], { cwd: root });
  await page.goto(`file://${report}`);
  await page.screenshot({ path: join(root, 'docs/report.png') });
  await page.click('details[data-doc="2"] > summary');
  await page.locator('details[data-doc="2"] .text').waitFor();
  await page.locator('details[data-doc="2"] summary').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.locator('details[data-doc="2"] mark').first().hover();
  await page.screenshot({ path: join(root, 'docs/report-document.png') });

  const view = execFileSync(process.execPath, [bin, '-f', 'view', 'fixtures/07-money-amounts.txt', 'fixtures/15-ellipsis.txt'], { cwd: root, env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' }, encoding: 'utf8' });
  const terminal = join(tmp, 'terminal.html');
  writeFileSync(terminal, ansiToHtml(view));
  await page.setViewportSize({ width: 1000, height: 560 });
  await page.goto(`file://${terminal}`);
  await page.screenshot({ path: join(root, 'docs/terminal.png'), fullPage: true });
} finally {
  await browser.close();
}
console.log('wrote docs/report.png, docs/report-document.png and docs/terminal.png');
