import { defineConfig } from 'vitest/config';

// Many tests run the CLI as a child process several times: on a busy 2-core machine that can take
// longer than vitest's default of 5 s without anything being wrong. The second reporter says why
// each skipped test was skipped.
export default defineConfig({ test: { testTimeout: 20_000, reporters: ['default', './test/skip-reasons.ts'] } });
