// The readable view of documents on a terminal: each indicator as one line, colored.
import { Chalk, type ChalkInstance } from 'chalk';
import type { ExtractedDocument, Indicator } from '../contract.js';

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 2 : 0 });
}

function formatValue(i: Indicator): string {
  const value = i.upper !== undefined ? `${i.value}–${i.upper}` : String(i.value);
  return `${value} ${i.unit}`;
}

export function renderIndicator(i: Indicator, c: ChalkInstance): string {
  const parts = [
    i.direction ? (i.direction === 'up' ? c.green(ARROW.up) : i.direction === 'down' ? c.red(ARROW.down) : ARROW.flat) : ' ',
    c.bold(i.metric),
    c.cyan(formatValue(i)),
  ];
  const tags = [
    i.basis && `vs ${i.basis}`,
    i.qualifier,
    i.subject && `@${i.subject}`,
    i.target && 'target',
  ].filter(Boolean);
  if (tags.length) parts.push(c.yellow(`[${tags.join(', ')}]`));
  parts.push(c.dim(`${i.span[0]}-${i.span[1]} ${JSON.stringify(i.text)}`));
  return parts.join(' ');
}

export function renderDocument(doc: ExtractedDocument, c: ChalkInstance): string {
  const head = `${c.bold.underline(doc.source)} ${c.dim(`${doc.indicators.length} indicators, ${doc.chars} chars, ${doc.encoding}`)}`;
  return [head, ...doc.indicators.map((i) => '  ' + renderIndicator(i, c)), ''].join('\n');
}
