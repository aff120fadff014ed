import { defineConfig } from 'vitest/config';

// Two test files at a time: vitest runs one fewer than the cores, which is one on a 2-core
// machine, and most files wait on processes and files rather than compute. Many tests run the
// CLI as a child process: on a busy 2-core machine that can take longer than vitest's default of
// 5 s without anything being wrong. The second reporter says why each skipped test was skipped.
export default defineConfig({ test: { maxWorkers: 2, testTimeout: 20_000, reporters: ['default', './test/skip-reasons.ts'] } });
