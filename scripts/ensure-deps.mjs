// Installs the workspace's dependencies when they are missing or older than
// package-lock.json, so `npm start` and `npm test` work on a fresh clone.
// `npm install`, not `npm ci`: the registry these machines reach does not serve other
// platforms' optional binaries (@swc/core-darwin-arm64 and the like answer 404), so the
// lock file cannot list them and `npm ci` refuses it as out of sync. `npm install` still
// installs the locked versions and skips optional packages it cannot fetch.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const isStale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (isStale) {
  console.log('Installing dependencies; native modules build from source, about 2 minutes the first time…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
