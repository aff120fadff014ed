// The HTML report: one self-contained page (inline CSS and JS, the data as JSON) that opens on
// the table of all tuples, with filters, above the documents, each with its text highlighted at
// its spans and a chart of its changes. The page builds DOM only for what is shown (an opened
// document, a page of rows), so that a report of thousands of documents opens at once.
import type { ExtractedDocument, Indicator } from '../contract.js';
import { readableValue } from './values.js';
import { periodLabel } from './period.js';

export interface ReportDocument {
  doc: ExtractedDocument;
  /** the decoded original text, which the spans index in code points */
  text: string;
}

/** A row of the table: one indicator and the index of its document. */
interface Row {
  doc: number;
  metric: string;
  value: number;
  upper: number | null;
  unit: string;
  /** value and unit as people read them (3286.5亿元); `value` stays exact */
  shown: string;
  direction: Indicator['direction'];
  basis: string | null;
  qualifier: Indicator['qualifier'];
  subject: string | null;
  target: boolean;
  /** the period as the views show it (2025-01–2025-10), null for none */
  period: string | null;
  start: number;
  end: number;
  text: string;
  pattern: string;
}

/** A piece of a document's text: plain text, or one mark over all the rows whose spans overlap. */
type Part = string | { text: string; start: number; end: number; rows: number[] };

interface DocData {
  source: string;
  /** the source without the folder all the documents share */
  name: string;
  count: number;
  changes: number;
  parts: Part[];
  chart: string;
}

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

// The table's columns, in order; the page's script fills each cell by its key.
const COLUMNS: readonly [key: string, label: string][] = [
  ['source', 'document'], ['metric', 'metric'], ['value', 'value'], ['unit', 'unit'],
  ['direction', 'direction'], ['basis', 'basis'], ['qualifier', 'qualifier'],
  ['subject', 'subject'], ['target', 'target'], ['period', 'period'], ['text', 'text'],
];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// In a <script> element only '</script' and '<!--' can end or derail the data; with every '<'
// escaped neither can occur, and JSON.parse reads \u003c back as '<'.
function embedJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function toRow(doc: number, i: Indicator): Row {
  return {
    doc, metric: i.metric, value: i.value, upper: i.upper ?? null, unit: i.unit, shown: readableValue(i), direction: i.direction,
    basis: i.basis, qualifier: i.qualifier, subject: i.subject, target: i.target, period: i.period ? periodLabel(i.period) : null,
    start: i.span[0], end: i.span[1], text: i.text, pattern: i.pattern,
  };
}

/** Cuts the text into plain parts and marks. Overlapping spans (a list with 均 gives several
 * indicators over one span) become one mark over their union that lists all their rows. */
function textParts(text: string, rows: readonly Row[], firstRow: number): Part[] {
  const cps = Array.from(text);
  const clamp = (n: number) => Math.min(n, cps.length);
  const spans = rows
    .map((r, k) => ({ start: clamp(r.start), end: clamp(r.end), row: firstRow + k }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: Part[] = [];
  let at = 0;
  for (let k = 0; k < spans.length; ) {
    const { start } = spans[k]!;
    let end = spans[k]!.end;
    const members: number[] = [];
    for (; k < spans.length && (members.length === 0 || spans[k]!.start < end); k++) {
      end = Math.max(end, spans[k]!.end);
      members.push(spans[k]!.row);
    }
    if (start > at) parts.push(cps.slice(at, start).join(''));
    parts.push({ text: cps.slice(start, end).join(''), start, end, rows: members });
    at = end;
  }
  if (at < cps.length) parts.push(cps.slice(at).join(''));
  return parts;
}

/** The folder all the sources share ('reports/2024/'), or '' when they share none. */
export function commonFolder(sources: readonly string[]): string {
  const folders = sources.filter((s) => s !== '-').map((s) => s.split('/').slice(0, -1));
  if (!folders.length) return '';
  let shared = folders[0]!;
  for (const f of folders) {
    let k = 0;
    while (k < shared.length && k < f.length && shared[k] === f[k]) k++;
    shared = shared.slice(0, k);
  }
  return shared.length ? shared.join('/') + '/' : '';
}

function shorten(s: string, max: number): string {
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, max - 1).join('') + '…';
}

const isChange = (r: Row) => r.direction === 'up' || r.direction === 'down';

/** A bar chart of the document's changes, one bar per indicator going up or down. Bars only
 * compare changes of the same unit: each unit's largest change spans the full length. */
function chartSvg(rows: readonly Row[]): string {
  const changes = rows.filter(isChange);
  if (changes.length === 0) return '';
  const size = (r: Row) => Math.abs(r.upper ?? r.value);
  const largest = new Map<string, number>();
  for (const r of changes) largest.set(r.unit, Math.max(largest.get(r.unit) ?? 0, size(r)));
  const ROW = 22, LABEL = 170, BAR = 220, WIDTH = LABEL + BAR + 130;
  const bars = changes.map((r, k) => {
    const y = k * ROW;
    const length = Math.max(2, Math.round((size(r) / (largest.get(r.unit) || 1)) * BAR));
    const sign = r.direction === 'up' ? '▲' : '▼';
    return (
      `<g class="${r.direction}"><title>${escapeHtml(`${r.metric} ${ARROW[r.direction!]} ${r.shown}`)}</title>` +
      `<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shorten(r.metric, 10))}</text>` +
      `<rect x="${LABEL}" y="${y + 4}" width="${length}" height="${ROW - 8}"></rect>` +
      `<text x="${LABEL + length + 6}" y="${y + 15}">${sign} ${escapeHtml(r.shown)}</text></g>`
    );
  });
  const height = changes.length * ROW;
  return (
    `<figure class="chart"><svg role="img" aria-label="changes" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    bars.join('') +
    `</svg><figcaption>Changes: ▲ up, ▼ down. Bars compare changes of the same unit.</figcaption></figure>`
  );
}

const CSS = `
body { font: 15px/1.6 system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0 1.5rem 3rem; color: #222; }
h1 { font-size: 1.4rem; margin: 1rem 0 0; }
h2 { font-size: 1.1rem; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1.5rem; }
#panel { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; padding: .5rem 1rem; background: #f6f7f9; border-left: 3px solid #c9d1e0; }
#panel dl { display: grid; grid-template-columns: auto 1fr; gap: 0 .75rem; margin: 0 0 1rem; }
#panel dt { color: #667; }
#panel dd { margin: 0; }
details { border-bottom: 1px solid #e4e6ea; padding: .25rem 0; }
summary { cursor: pointer; }
.text { white-space: pre-wrap; margin: .5rem 0 1rem; }
mark { background: #ffe58a; border-radius: 2px; cursor: help; }
mark.multi { background: #ffc46b; }
mark:focus, mark:hover { outline: 2px solid #1a73e8; }
.chart svg { display: block; font-size: 12px; }
.chart .up rect { fill: #2e9d5b; }
.chart .down rect { fill: #d2433b; }
.chart figcaption { font-size: 12px; color: #667; }
figure { margin: .5rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-bottom: .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .2rem .5rem; border-bottom: 1px solid #e4e6ea; vertical-align: top; }
th button { font: inherit; font-weight: bold; border: 0; background: none; cursor: pointer; padding: 0; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr[data-direction="up"] .dir { color: #2e9d5b; }
tr[data-direction="down"] .dir { color: #d2433b; }
#more { margin: .75rem 0; }
.hint { color: #556; font-size: .9rem; }
#indicators { margin-bottom: 1.5rem; }
`;

// Plain browser JavaScript. String.raw keeps its backslashes as written; it uses no template
// literals so that nothing in it is interpolated by TypeScript.
const SCRIPT = String.raw`
'use strict';
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var PAGE = 200;
  var ARROW = { up: '↑', down: '↓', flat: '→' };
  var collator = new Intl.Collator('zh');
  var state = { key: null, ascending: true, shown: PAGE };
  data.rows.forEach(function (r, k) { r.id = k; });

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The exact value of the JSON, beside the readable one (r.shown) of the views.
  function exactValue(r) {
    return (r.upper === null ? r.value : r.value + '–' + r.upper) + ' ' + r.unit;
  }

  function describe(r) {
    return [r.metric, (r.direction ? ARROW[r.direction] + ' ' : '') + r.shown,
      r.basis && 'basis: ' + r.basis, r.qualifier && 'qualifier: ' + r.qualifier,
      r.subject && 'subject: ' + r.subject, r.target && 'target', r.period && 'period: ' + r.period].filter(Boolean).join(' · ');
  }

  // Documents: the text and chart of one are built the first time it is opened.
  function ensureRendered(details) {
    if (details.dataset.rendered) return;
    details.dataset.rendered = 'yes';
    var i = Number(details.dataset.doc);
    var d = data.docs[i];
    if (d.chart) details.insertAdjacentHTML('beforeend', d.chart); // escaped by html.ts
    var body = el('div', { class: 'text' });
    d.parts.forEach(function (p) {
      if (typeof p === 'string') { body.append(p); return; }
      body.append(el('mark', {
        tabindex: '0', class: p.rows.length > 1 ? 'multi' : '',
        'data-doc': i, 'data-start': p.start, 'data-end': p.end, 'data-rows': p.rows.join(' '),
        title: p.rows.map(function (k) { return describe(data.rows[k]); }).join('\n')
      }, p.text));
    });
    details.append(body);
  }

  var list = document.createDocumentFragment();
  data.docs.forEach(function (d, i) {
    var details = el('details', { id: 'doc-' + i, 'data-doc': i });
    details.append(el('summary', { title: d.source }, d.name + ' — ' + d.count + ' indicators' +
      (d.changes ? ', ' + d.changes + ' changes (chart inside)' : '')));
    details.addEventListener('toggle', function () { if (details.open) ensureRendered(details); });
    list.append(details);
  });
  $('docs').append(list);

  // The side panel shows the tuples of the mark under the pointer or in focus.
  function showTuples(mark) {
    var panel = $('panel');
    panel.replaceChildren(el('h2', {}, 'Indicators here'));
    mark.dataset.rows.split(' ').forEach(function (k) {
      var r = data.rows[k];
      var dl = el('dl');
      [['metric', r.metric], ['value', r.shown], ['exact', exactValue(r)], ['direction', r.direction], ['basis', r.basis],
        ['qualifier', r.qualifier], ['subject', r.subject], ['target', r.target ? 'yes' : 'no'], ['period', r.period],
        ['span', r.start + '–' + r.end], ['pattern', r.pattern]].forEach(function (f) {
        dl.append(el('dt', {}, f[0]), el('dd', {}, f[1] === null ? '—' : String(f[1])));
      });
      panel.append(dl);
    });
  }
  function onMark(e) {
    var mark = e.target instanceof Element && e.target.closest('mark');
    if (mark) showTuples(mark);
  }
  document.addEventListener('mouseover', onMark);
  document.addEventListener('focusin', onMark);

  // The table: filter, sort, then build only the rows of the pages shown.
  var CELLS = {
    source: function (r) {
      return el('a', { href: '#doc-' + r.doc, 'data-row': r.id, title: data.docs[r.doc].source }, data.docs[r.doc].name);
    },
    metric: function (r) { return r.metric; },
    value: function (r) { return el('span', { title: exactValue(r) }, r.shown); },
    unit: function (r) { return r.unit; },
    direction: function (r) { return r.direction ? ARROW[r.direction] + ' ' + r.direction : ''; },
    basis: function (r) { return r.basis || ''; },
    qualifier: function (r) { return r.qualifier || ''; },
    subject: function (r) { return r.subject || ''; },
    target: function (r) { return r.target ? 'yes' : ''; },
    period: function (r) { return r.period || ''; },
    text: function (r) { return r.text; }
  };
  var keys = Array.prototype.map.call(document.querySelectorAll('th[data-key]'), function (th) { return th.dataset.key; });

  function sortValue(r, key) {
    return key === 'source' ? data.docs[r.doc].name : r[key];
  }

  // Empty cells sort last in either order.
  function compare(a, b) {
    var x = sortValue(a, state.key), y = sortValue(b, state.key);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    var order = typeof x === 'string' ? collator.compare(x, y) : (x < y ? -1 : 1);
    return state.ascending ? order : -order;
  }

  function matching() {
    var metric = $('filter-metric').value.trim().toLowerCase();
    var direction = $('filter-direction').value;
    var unit = $('filter-unit').value;
    var target = $('filter-target').value;
    return data.rows.filter(function (r) {
      return (!metric || r.metric.toLowerCase().indexOf(metric) >= 0) &&
        (!direction || (r.direction || 'none') === direction) &&
        (!unit || r.unit === unit) &&
        (!target || String(r.target) === target);
    });
  }

  function rowElement(r) {
    var tr = el('tr', {
      'data-metric': r.metric, 'data-direction': r.direction || 'none', 'data-unit': r.unit,
      'data-target': String(r.target), 'data-value': r.value, 'data-doc': r.doc
    });
    keys.forEach(function (key) {
      var td = el('td', { class: key === 'value' ? 'num' : key === 'direction' ? 'dir' : '' });
      td.append(CELLS[key](r));
      tr.append(td);
    });
    return tr;
  }

  function renderTable() {
    var rows = matching();
    if (state.key) rows.sort(compare);
    var shown = rows.slice(0, state.shown);
    var body = document.createDocumentFragment();
    shown.forEach(function (r) { body.append(rowElement(r)); });
    $('rows').replaceChildren(body);
    $('count').textContent = 'showing ' + shown.length + ' of ' + rows.length + ' indicators';
    $('more').hidden = rows.length <= shown.length;
  }

  function refilter() {
    state.shown = PAGE;
    renderTable();
  }
  $('filter-metric').addEventListener('input', refilter);
  ['filter-direction', 'filter-unit', 'filter-target'].forEach(function (id) {
    $(id).addEventListener('change', refilter);
  });
  $('more').addEventListener('click', function () {
    state.shown += PAGE;
    renderTable();
  });

  document.querySelectorAll('th[data-key]').forEach(function (th) {
    th.addEventListener('click', function () {
      state.ascending = state.key === th.dataset.key ? !state.ascending : true;
      state.key = th.dataset.key;
      document.querySelectorAll('th[aria-sort]').forEach(function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
      renderTable();
    });
  });

  // A document link in the table opens the document at the indicator's mark.
  $('rows').addEventListener('click', function (e) {
    var link = e.target instanceof Element && e.target.closest('a[data-row]');
    if (!link) return;
    e.preventDefault();
    var row = data.rows[link.dataset.row];
    var details = $('doc-' + row.doc);
    details.open = true;
    ensureRendered(details);
    var mark = details.querySelector('mark[data-rows~="' + row.id + '"]');
    if (mark) {
      mark.scrollIntoView({ block: 'center' });
      mark.focus();
    }
  });

  renderTable();
})();
`;

function optionTags(values: readonly [value: string, label: string][]): string {
  return values.map(([v, label]) => `<option value="${escapeHtml(v)}">${escapeHtml(label)}</option>`).join('');
}

/** One self-contained HTML page for the documents: no network, no external files. */
export function renderHtmlReport(docs: ReportDocument[], options: { title?: string } = {}): string {
  const title = options.title ?? 'Indicators';
  const rows: Row[] = [];
  const folder = commonFolder(docs.map((d) => d.doc.source));
  const docData: DocData[] = docs.map(({ doc, text }, d) => {
    const own = doc.indicators.map((i) => toRow(d, i));
    const parts = textParts(text, own, rows.length);
    rows.push(...own);
    const name = folder && doc.source.startsWith(folder) ? doc.source.slice(folder.length) : doc.source;
    return { source: doc.source, name, count: own.length, changes: own.filter(isChange).length, parts, chart: chartSvg(own) };
  });
  const units = [...new Set(rows.map((r) => r.unit))].sort();
  const heads = COLUMNS.map(([key, label]) => `<th data-key="${key}"><button type="button">${label}</button></th>`).join('');
  const where = folder ? ` in <code>${escapeHtml(folder)}</code>` : '';
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p id="summary">${rows.length} indicators from <a href="#documents">${docs.length} documents</a>${where}</p></header>
<section id="indicators">
<h2>Indicators</h2>
<div class="filters">
<label>metric <input id="filter-metric" type="search"></label>
<label>direction <select id="filter-direction">${optionTags([['', 'all'], ['up', '↑ up'], ['down', '↓ down'], ['flat', '→ flat'], ['none', 'none (a level)']])}</select></label>
<label>unit <select id="filter-unit">${optionTags([['', 'all'], ...units.map((u): [string, string] => [u, u])])}</select></label>
<label>target <select id="filter-target">${optionTags([['', 'all'], ['true', 'targets'], ['false', 'results']])}</select></label>
<span id="count"></span>
</div>
<table><thead><tr>${heads}</tr></thead><tbody id="rows"></tbody></table>
<button id="more" type="button" hidden>more</button>
</section>
<main>
<section id="documents"><h2>Documents</h2>
<p class="hint">Open a document (or follow a row's document link) to read its text with every indicator highlighted and, above the text, a bar chart of its changes.</p>
<div id="docs"></div></section>
<aside id="panel" aria-live="polite"><p>Hover over or focus a highlighted figure to see its tuple.</p></aside>
</main>
<script type="application/json" id="report-data">${embedJson({ docs: docData, rows })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
