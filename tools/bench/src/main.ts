import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, toMarkdown } from './report';
import type { BenchResult } from './result';
import { measureBundleBytes } from './sections/bundle-bytes';
import { measureColdLoad } from './sections/cold-load';
import { measureLocalSignIns } from './sections/local-sign-ins';
import { measureNpmTest } from './sections/npm-test';
import { measureSynth } from './sections/synth';
import { measureUnknownUsers } from './sections/unknown-users';
import { measureWarmHandlers } from './sections/warm-handlers';
import { workspaceRoot } from './workspace';

/**
 * `npm run bench`: measures the budgets of the project and prints a Markdown
 * table; the same figures go to dist/bench/report.json. A script, not a test:
 * it fails only when it cannot measure. `--only <section,...>` runs a subset;
 * `--with-npm-test` adds the minutes-long `npm test` timing.
 */
const SECTIONS: Record<string, (root: string) => BenchResult[] | Promise<BenchResult[]>> = {
  bundles: measureBundleBytes,
  'cold-load': (root) => measureColdLoad(root),
  handlers: (root) => measureWarmHandlers(root),
  synth: (root) => measureSynth(root),
  'sign-ins': measureLocalSignIns,
  'unknown-users': measureUnknownUsers,
  'npm-test': measureNpmTest,
};
/** Sections that take minutes: run only when named with --only or --with-<section>. */
const ON_REQUEST = new Set(['npm-test']);

async function main(): Promise<void> {
  // The bench runs the bundles (and their AWS SDK) on the development Node 20; the SDK's notice that
  // its 2027 releases need Node 22 would interleave with the report (README: "Node version").
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const root = workspaceRoot();
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1]?.split(',')) : undefined;
  const started = Date.now();
  const results: BenchResult[] = [];
  for (const [name, measure] of Object.entries(SECTIONS)) {
    if (only ? !only.has(name) : ON_REQUEST.has(name) && !process.argv.includes(`--with-${name}`)) continue;
    const sectionStarted = Date.now();
    process.stderr.write(`bench: ${name}...`);
    results.push(...(await measure(root)));
    process.stderr.write(` ${((Date.now() - sectionStarted) / 1000).toFixed(1)} s\n`);
  }
  const machine = describeMachine();
  const report = { machine, date: new Date().toISOString(), elapsedSeconds: (Date.now() - started) / 1000, results };
  const outDir = join(root, 'dist/bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${toMarkdown(results, machine)}\n\nWritten to dist/bench/report.json in ${report.elapsedSeconds.toFixed(0)} s.\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nbench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
