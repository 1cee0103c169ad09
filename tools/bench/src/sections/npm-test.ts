import { spawnSync } from 'node:child_process';
import type { BenchResult } from '../result';
import { summarize } from '../statistics';

/**
 * The wall time of `npm test` on this checkout with Nx's cache skipped: every
 * lint, type check and test runs for real. Minutes, not seconds, so
 * `npm run bench` runs it only when asked (`-- --with-npm-test`).
 */
export function measureNpmTest(root: string): BenchResult[] {
  const started = performance.now();
  const result = spawnSync('npm', ['test', '--', '--skip-nx-cache'], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  const seconds = (performance.now() - started) / 1000;
  return [
    {
      section: 'npm test',
      name: 'wall time, Nx cache skipped',
      unit: 's',
      value: summarize([seconds]),
      note: result.status === 0 ? 'passed' : `exit ${result.status}`,
    },
  ];
}
