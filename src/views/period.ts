// How a period reads in the views: `2025`, `2025-01–2025-10`, or its words when the text gives
// no year (`今年以来`); an open end shows as `…`.
import type { Period } from '../contract.js';

export function periodLabel(p: Period | null): string {
  if (!p) return '';
  if (p.from === null && p.to === null) return p.text;
  if (p.from === p.to) return p.from!;
  return `${p.from ?? '…'}–${p.to ?? '…'}`;
}
