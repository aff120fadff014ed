// The run's last words name every skipped test and why (test/skip-reasons.ts).
import { describe, expect, it } from 'vitest';
import { skipSummary } from './skip-reasons.js';

type Fake = { fullName: string; result: () => { state: string; note?: string } };
const module = (relativeModuleId: string, tests: Fake[]) => ({ relativeModuleId, children: { allTests: () => tests.values() } });

describe('skipSummary', () => {
  it('counts skipped tests per file and reason, and names a test skipped without one', () => {
    const summary = skipSummary([
      module('test/html.test.ts', [
        { fullName: 'a', result: () => ({ state: 'skipped', note: 'no /usr/bin/chromium' }) },
        { fullName: 'b', result: () => ({ state: 'skipped', note: 'no /usr/bin/chromium' }) },
        { fullName: 'c', result: () => ({ state: 'passed' }) },
      ]),
      module('test/x.test.ts', [{ fullName: 'x > y', result: () => ({ state: 'skipped' }) }]),
    ] as never);
    expect(summary).toBe(
      '\nSkipped tests, and why:\n  2 skipped in test/html.test.ts: no /usr/bin/chromium\n  1 skipped in test/x.test.ts: x > y (no reason given)\n\n',
    );
  });

  it('says nothing when nothing was skipped', () => {
    expect(skipSummary([module('test/a.test.ts', [{ fullName: 'a', result: () => ({ state: 'passed' }) }])] as never)).toBe('');
  });
});
