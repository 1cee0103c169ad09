// Sums the jest JSON result files that each project's test target writes
// (dist/test-results/<project>.json) into the one closing line CI reads:
// "N passed, N failed". Exits non-zero when a file is unreadable or a suite
// failed to run, so a crash is never reported as a pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist/test-results';
let passed = 0;
let failed = 0;
let broken = 0;
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
  // No results at all: counted below as nothing run.
}
for (const name of files) {
  try {
    const result = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    broken += result.numRuntimeErrorTestSuites ?? 0;
    console.log(`${name.replace(/\.json$/, '')}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
  } catch (error) {
    broken++;
    console.log(`${name}: unreadable (${error.message})`);
  }
}
console.log(`${passed} passed, ${failed + broken} failed`);
process.exit(failed + broken > 0 || passed === 0 ? 1 : 0);
