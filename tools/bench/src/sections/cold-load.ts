import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from '../result';
import { interleave, summarize } from '../statistics';
import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';
import { bundlePath } from '@cognito-passwordless/trigger-bundles';

/** Verify carries the DynamoDB client of the sign-in state store, so its budget is the store client's. */
export const BUDGET_OVER_BASELINE_MS: Readonly<Record<TriggerName, number>> = {
  'define-auth-challenge': 15,
  'create-auth-challenge': 80,
  'verify-auth-challenge': 45,
};

/** What each bundle needs at module load (create parses its email config there, create and verify the table's name). */
const LOAD_ENV = { EMAIL_FROM: 'sign-in@example.com', SIGN_IN_STATE_TABLE: 'sign-in-state', AWS_REGION: 'us-east-1', PATH: process.env['PATH'] ?? '' };

/** Wall time of a fresh `node` that imports `file` and exits. */
function timeImport(file: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)})`], {
    env: LOAD_ENV,
    stdio: 'ignore',
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`importing ${file} failed (exit ${result.status})`);
  return elapsed;
}

/**
 * Cold load: a new process importing each bundle, against one importing an
 * empty module, interleaved. The minimum is the stable figure on a shared
 * machine; the budget is on the minimum's distance from the baseline's.
 */
export async function measureColdLoad(root: string, rounds = 25): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export {};\n');
    const tasks = Object.fromEntries([
      ['baseline', () => timeImport(empty)],
      ...TRIGGER_NAMES.map((trigger) => [trigger, () => timeImport(bundlePath(root, trigger))]),
    ]) as Record<'baseline' | TriggerName, () => number>;
    const samples = await interleave(rounds, tasks);
    const baseline = summarize(samples.baseline);
    return TRIGGER_NAMES.map((trigger) => {
      const summary = summarize(samples[trigger]);
      const over = summary.min - baseline.min;
      return {
        section: 'Cold load (new process, import, exit)',
        name: trigger,
        unit: 'ms',
        value: summary,
        baseline,
        budget: `min ≤ baseline + ${BUDGET_OVER_BASELINE_MS[trigger]}`,
        withinBudget: over <= BUDGET_OVER_BASELINE_MS[trigger],
        note: `+${over.toFixed(1)} ms over baseline (min)`,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
