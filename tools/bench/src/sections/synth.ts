import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from '../result';
import { interleave, summarize } from '../statistics';

const SYNTH_BUDGET_MS = 1_500;

/**
 * The shipped environments hold a placeholder account id, which stops the
 * synth; the app reads `CDKTF_ACCOUNT_ID_<ENV>` to synthesize them anyway
 * (infra/README.md). Nothing is deployed, so any 12 digits do.
 */
const BENCH_ACCOUNT_IDS = { CDKTF_ACCOUNT_ID_DEV: '111111111111', CDKTF_ACCOUNT_ID_PROD: '222222222222' };

/** Runs a node command; returns its wall time in ms and its stdout. */
function timeNode(args: string[], options: { cwd: string; env?: Record<string, string> }): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: options.cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...options.env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/**
 * The CDKTF app for all stacks, as `nx run infra:synth` runs it (the compiled
 * app under plain node), against a bare `node` start; the app's own figure
 * ("N ms of app time") is what the 1.5 s budget is about. The barrel import of
 * @cdktf/provider-aws, which deep imports avoid, is timed once for reference.
 */
export async function measureSynth(root: string, rounds = 7): Promise<BenchResult[]> {
  const app = join(root, 'dist/infra/main.js');
  if (!existsSync(app)) throw new Error('dist/infra/main.js is missing: run `npx nx run infra:build` (npm run bench does)');
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const appTimes: number[] = [];
  try {
    const samples = await interleave(rounds, {
      baseline: () => timeNode(['-e', ''], { cwd: root }).ms,
      synth: () => {
        const run = timeNode([app], { cwd: join(root, 'infra'), env: { CDKTF_OUTDIR: outdir, ...BENCH_ACCOUNT_IDS } });
        const appMs = /in (\d+) ms of app time/.exec(run.stdout)?.[1];
        if (appMs) appTimes.push(Number(appMs));
        return run.ms;
      },
    });
    const results: BenchResult[] = [
      {
        section: 'Synth (all stacks)',
        name: 'CDKTF app time (as the app reports it)',
        unit: 'ms',
        value: summarize(appTimes),
        budget: `≤ ${SYNTH_BUDGET_MS.toLocaleString('en-US')} (median)`,
        withinBudget: summarize(appTimes).median <= SYNTH_BUDGET_MS,
      },
      { section: 'Synth (all stacks)', name: 'node dist/infra/main.js, wall time', unit: 'ms', value: summarize(samples.synth), baseline: summarize(samples.baseline), note: 'baseline: node -e ""' },
    ];
    const barrel = timeNode(['-e', "require('@cdktf/provider-aws')"], { cwd: root });
    results.push({ section: 'Synth (all stacks)', name: 'reference: importing the @cdktf/provider-aws barrel alone', unit: 'ms', value: summarize([barrel.ms]), note: 'what deep imports avoid' });
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
