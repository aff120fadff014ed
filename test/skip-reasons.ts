// A vitest reporter beside the default one: after the run, every skipped test with the reason it
// was given (ctx.skip(reason), see onlyIf in helpers.ts), so that a run that skips says why.
import type { Reporter, TestModule } from 'vitest/node';

type Module = Pick<TestModule, 'relativeModuleId'> & { children: Pick<TestModule['children'], 'allTests'> };

/** The lines that name the skipped tests, one per file and reason; '' when none was skipped. */
export function skipSummary(modules: ReadonlyArray<Module>): string {
  const groups = new Map<string, number>();
  for (const m of modules) {
    for (const test of m.children.allTests()) {
      const result = test.result();
      if (result.state !== 'skipped') continue;
      const key = `${m.relativeModuleId}: ${result.note ?? `${test.fullName} (no reason given)`}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  if (!groups.size) return '';
  return `\nSkipped tests, and why:\n${[...groups].map(([key, n]) => `  ${n} skipped in ${key}\n`).join('')}\n`;
}

export default class SkipReasons implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    process.stdout.write(skipSummary(modules));
  }
}
