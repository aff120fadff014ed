import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractedDocument, type Indicator } from '../src/contract.js';
import { commonFolder, renderHtmlReport, type ReportDocument } from '../src/views/html.js';
import { onlyIf, ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(ROOT, 'test-artifacts');

type Fields = Pick<Indicator, 'metric' | 'value' | 'unit'> & Partial<Indicator>;

/** A validated document whose indicators lie over the n-th occurrence of their quotes. */
function report(source: string, text: string, items: [quote: string, fields: Fields, nth?: number][]): ReportDocument {
  const indicators = items.map(([quote, fields, nth = 0]): Indicator => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(quote, at + 1);
    const start = Array.from(text.slice(0, at)).length;
    return {
      canonical: fields.metric, direction: null, basis: null, qualifier: null, subject: null, target: false, period: null, pattern: 'test',
      ...fields, span: [start, start + Array.from(quote).length], text: quote,
    };
  });
  const doc = ExtractedDocument.parse({
    schemaVersion: 2, source, sha256: '0'.repeat(64), encoding: 'utf-8', chars: Array.from(text).length, date: null, indicators,
  });
  return { doc, text };
}

const DOCS: ReportDocument[] = [
  report('reports/2024/平安建设报告.txt', '𠀀𠀁全市刑事案件发案数下降39.2%，破案率同比上升\n19.23个百分点。挽回经济损失1276.04万元。', [
    ['刑事案件发案数下降39.2%', { metric: '刑事案件发案数', value: 39.2, unit: '%', direction: 'down', subject: '全市' }],
    ['破案率同比上升\n19.23个百分点', { metric: '破案率', value: 19.23, unit: '百分点', direction: 'up', basis: 'yoy', period: { text: '1—10月', from: '2025-01', to: '2025-10' } }],
    ['挽回经济损失1276.04万元', { metric: '挽回经济损失', value: 12760400, unit: '元' }],
  ]),
  report('reports/2024/旅游 <b>"统计"</b>.txt', '旅游人次和花费增长均超20%。注：</script><script>alert(1)</script><b>粗</b>。能耗下降3.5%。', [
    ['超20%', { metric: '旅游人次', value: 20, unit: '%', direction: 'up', qualifier: 'over' }],
    ['超20%', { metric: '旅游花费', value: 20, unit: '%', direction: 'up', qualifier: 'over' }],
    ['能耗下降3.5%', { metric: '能耗', value: 3.5, unit: '%', direction: 'down' }],
  ]),
  // Two spans that overlap without being equal become one mark over their union.
  report('reports/2024/plans/计划.txt', '𠀀力争地区生产总值增长5%左右，新建学校3—5所。', [
    ['地区生产总值增长5%', { metric: '地区生产总值', value: 5, unit: '%', direction: 'up', qualifier: 'about', target: true }],
    ['5%左右', { metric: '地区生产总值', value: 5, unit: '%', direction: 'up', qualifier: 'about', target: true, pattern: 'other' }],
    ['新建学校3—5所', { metric: '新建学校', value: 3, upper: 5, unit: '所', target: true }],
  ]),
];

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(DOCS, { title: '报告 <1>' });

  it('embeds the data so that no text can close its script', () => {
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).toContain('<title>报告 &#60;1&#62;</title>');
    expect(html).not.toContain('<b>');
  });

  it('names the documents after the folder they share', () => {
    expect(commonFolder(['reports/2024/a.txt', 'reports/2024/plans/b.txt'])).toBe('reports/2024/');
    expect(commonFolder(['/data/x/a.txt', '/data/y/b.txt', '-'])).toBe('/data/');
    expect(commonFolder(['a.txt', 'reports/b.txt'])).toBe('');
    expect(commonFolder(['-'])).toBe('');
    expect(html).toContain('from <a href="#documents">3 documents</a> in <code>reports/2024/</code>');
  });

  it('needs nothing from outside the page', () => {
    expect(html).not.toMatch(/https?:|url\(|@import|fetch\(|XMLHttpRequest/i);
    expect(html).not.toMatch(/\s(src|href)=["'](?!data:|#)/i);
    expect(html).toContain("default-src 'none'");
  });
});

interface Loaded {
  page: Page;
  problems: string[];
}

const HAS_CHROMIUM = existsSync(CHROMIUM);

describe('the report in Chromium', () => {
  onlyIf(HAS_CHROMIUM, `no ${CHROMIUM} (apt-get install chromium fonts-wqy-zenhei)`);
  let browser: Browser;

  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the page from a file; any console error, page error, failed request or request for
   * anything but the page itself is a problem. */
  async function load(html: string, name: string): Promise<Loaded> {
    const file = resolve(ARTIFACTS, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('request', (r) => r.url() !== url && problems.push(`request: ${r.url()}`));
    await page.goto(url);
    return { page, problems };
  }

  const rowAttr = (page: Page, name: string) => page.$$eval('#rows tr', (trs, n) => trs.map((tr) => tr.getAttribute(n)), name);

  it('opens on the table of all tuples with its filters, the documents below it', async () => {
    const { page, problems } = await load(renderHtmlReport(DOCS, { title: 'test report' }), 'opened.html');
    await page.waitForSelector('#rows tr');
    await page.screenshot({ path: resolve(ARTIFACTS, 'report-opened.png') });
    // What the screenshot shows: the filters and the first rows, in the first screen, not covered.
    const seen = await page.evaluate(() => {
      const onTop = (selector: string) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        const at = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
        return box.bottom <= window.innerHeight && Boolean(at && document.querySelector(selector)!.contains(at));
      };
      return {
        scrolled: window.scrollY,
        filters: onTop('.filters'),
        firstRow: onTop('#rows tr:first-child'),
        documentsBelow: document.getElementById('documents')!.getBoundingClientRect().top > document.getElementById('rows')!.getBoundingClientRect().bottom,
      };
    });
    expect(seen).toEqual({ scrolled: 0, filters: true, firstRow: true, documentsBelow: true });
    // Sources without the folder they share (the whole path on hover); values as reports write them.
    const first = page.locator('#rows tr').first();
    expect(await first.locator('a').textContent()).toBe('平安建设报告.txt');
    expect(await first.locator('a').getAttribute('title')).toBe('reports/2024/平安建设报告.txt');
    const amount = page.locator('#rows tr').nth(2).locator('td.num span');
    expect(await amount.textContent()).toBe('1276.04万元');
    expect(await amount.getAttribute('title')).toBe('12760400 元');
    expect(await page.locator('details[data-doc="2"] > summary').textContent()).toBe('plans/计划.txt — 3 indicators, 2 changes (chart inside)');
    expect(await page.locator('#documents .hint').textContent()).toContain('a bar chart of its changes');
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('highlights every indicator at its code-point span, sorts and filters the table', async () => {
    const { page, problems } = await load(renderHtmlReport(DOCS, { title: 'test report' }), 'report.html');
    expect(await page.locator('mark').count()).toBe(0); // nothing is rendered before it is opened

    for (const [d, { doc, text }] of DOCS.entries()) {
      await page.click(`details[data-doc="${d}"] > summary`);
      await page.locator(`details[data-doc="${d}"] .text`).waitFor(); // 'toggle' fires after the click
      const marks = await page.$$eval(`details[data-doc="${d}"] mark`, (ms) =>
        ms.map((m) => ({
          doc: Number(m.getAttribute('data-doc')), start: Number(m.getAttribute('data-start')),
          end: Number(m.getAttribute('data-end')), text: m.textContent, tabindex: m.getAttribute('tabindex'),
        })),
      );
      const cps = Array.from(text);
      for (const m of marks) {
        expect(m).toMatchObject({ doc: d, tabindex: '0', text: cps.slice(m.start, m.end).join('') });
      }
      for (const i of doc.indicators) {
        const mark = marks.find((m) => m.start <= i.span[0] && i.span[1] <= m.end);
        expect(mark, i.text).toBeDefined();
        if (mark!.start === i.span[0] && mark!.end === i.span[1]) expect(mark!.text).toBe(i.text);
      }
      const body = await page.locator(`details[data-doc="${d}"] .text`).textContent();
      expect(body).toBe(text);
    }
    // Two indicators over one span share a mark; overlapping spans merge into their union.
    expect(await page.locator('details[data-doc="1"] mark').first().getAttribute('data-rows')).toBe('3 4');
    expect(await page.locator('details[data-doc="2"] mark').first().textContent()).toBe('地区生产总值增长5%左右');
    // The chart has a bar for each change: 2 in the first document, 3 in the second.
    expect(await page.locator('details[data-doc="0"] .chart g.down').count()).toBe(1);
    expect(await page.locator('details[data-doc="0"] .chart g.up').count()).toBe(1);
    expect(await page.locator('details[data-doc="1"] .chart g').count()).toBe(3);

    const mark = page.locator('details[data-doc="0"] mark').nth(1);
    await mark.hover();
    await expect.poll(() => page.locator('#panel').textContent()).toContain('破案率');
    expect(await mark.getAttribute('title')).toContain('破案率 · ↑ 19.23百分点 · basis: yoy · period: 2025-01–2025-10');
    expect(await page.locator('#panel').textContent()).toContain('period2025-01–2025-10');
    expect(await page.locator('#rows td').allTextContents()).toContain('2025-01–2025-10');
    await page.locator('details[data-doc="1"] mark').last().focus();
    expect(await page.locator('#panel').textContent()).toContain('能耗');
    await page.screenshot({ path: resolve(ARTIFACTS, 'report.png'), fullPage: true });

    expect(await page.locator('#rows tr').count()).toBe(9);
    await page.click('th[data-key="value"]');
    const ascending = (await rowAttr(page, 'data-value')).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.click('th[data-key="value"]');
    const descending = (await rowAttr(page, 'data-value')).map(Number);
    expect(descending).toEqual([...ascending].reverse());

    await page.selectOption('#filter-direction', 'down');
    expect(await rowAttr(page, 'data-direction')).toEqual(['down', 'down']);
    await page.selectOption('#filter-direction', '');
    await page.selectOption('#filter-unit', '%');
    await page.selectOption('#filter-target', 'true');
    expect(await rowAttr(page, 'data-metric')).toEqual(['地区生产总值', '地区生产总值']);
    await page.selectOption('#filter-unit', '');
    await page.selectOption('#filter-target', '');
    await page.fill('#filter-metric', '旅游');
    expect(await rowAttr(page, 'data-metric')).toEqual(['旅游人次', '旅游花费']);

    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('opens a report of 1,000 documents at once, with one page of rows', async () => {
    const many = Array.from({ length: 1000 }, (_, k) =>
      report(`doc-${k}.txt`, `𠀀第${k}号：发案数下降${k % 50}.5%，破案率上升${k % 7}个百分点，新增公园${k}座。`.repeat(3), [
        [`发案数下降${k % 50}.5%`, { metric: '发案数', value: (k % 50) + 0.5, unit: '%', direction: 'down' }],
        [`破案率上升${k % 7}个百分点`, { metric: '破案率', value: k % 7, unit: '百分点', direction: 'up' }, 1],
        [`新增公园${k}座`, { metric: '新增公园', value: k, unit: '座' }, 2],
      ]),
    );
    const started = Date.now();
    const { page, problems } = await load(renderHtmlReport(many), 'many.html');
    await page.waitForSelector('#rows tr');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await page.locator('details').count()).toBe(1000);
    expect(await page.locator('mark').count()).toBe(0);
    expect(await page.locator('#rows tr').count()).toBe(200);
    expect(await page.locator('#count').textContent()).toBe('showing 200 of 3000 indicators');

    await page.click('#more');
    expect(await page.locator('#rows tr').count()).toBe(400);
    await page.fill('#filter-metric', '破案率');
    expect(await page.locator('#rows tr').count()).toBe(200);
    expect(new Set(await rowAttr(page, 'data-metric'))).toEqual(new Set(['破案率']));

    // A document link opens its document at the indicator's mark.
    await page.click('#rows tr:nth-child(3) a');
    const focused = await page.evaluate(() => {
      const m = document.activeElement as HTMLElement;
      return { tag: m.tagName, doc: m.dataset.doc, text: m.textContent };
    });
    expect(focused).toEqual({ tag: 'MARK', doc: '2', text: '破案率上升2个百分点' });
    expect(await page.locator('mark').count()).toBe(3);

    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
