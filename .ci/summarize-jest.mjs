// Sums the jest JSON result files that each project's test target writes
// (dist/test-results/<project>.json) into the one closing line CI reads:
// "N passed, N failed". A project with a test target but no readable result
// file counts as a failure, so a crash is never reported as a pass.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist/test-results';
const projects = execFileSync('npx', ['nx', 'show', 'projects', '--with-target', 'test', '--json'], { encoding: 'utf8' });
let passed = 0;
let failed = 0;
for (const project of JSON.parse(projects).sort()) {
  try {
    const result = JSON.parse(readFileSync(join(dir, `${project}.json`), 'utf8'));
    const broken = result.numRuntimeErrorTestSuites ?? 0;
    passed += result.numPassedTests;
    failed += result.numFailedTests + broken;
    console.log(`${project}: ${result.numPassedTests} passed, ${result.numFailedTests + broken} failed`);
  } catch {
    failed += 1;
    console.log(`${project}: no test results (the target failed before jest reported)`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
