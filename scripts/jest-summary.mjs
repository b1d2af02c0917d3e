// Sums every jest JSON result under apps/*/reports and packages/*/reports and prints
// one plain line, "N passed, N failed", so a run that executed no test is visible.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let files = 0;
for (const top of ['apps', 'packages']) {
  if (!existsSync(top)) continue;
  for (const pkg of readdirSync(top)) {
    const dir = join(top, pkg, 'reports');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => /^jest-results.*\.json$/.test(f))) {
      const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      passed += result.numPassedTests;
      failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
      files += 1;
    }
  }
}
if (files === 0) console.error('No jest results found: no test ran.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(files === 0 || failed > 0 ? 1 : 0);
