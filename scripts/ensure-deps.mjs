// Installs the workspace's dependencies when they are missing or older than
// package-lock.json, so `npm start` and `npm test` work on a fresh clone.
// `npm ci`, not `npm install`: it installs exactly what the lock lists (the lock carries every
// platform's optional binaries, so it is complete on any machine) and fails instead of rewriting
// the lock when package.json and the lock disagree. It deletes node_modules first, so it runs
// only when the lock is newer than the last install.
// Install scripts follow the root package.json's `allowScripts`: only better-sqlite3's runs
// (it compiles the driver from the registry's source; see .prebuild-installrc and the README).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const isStale =
  !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (isStale) {
  console.log(
    'Installing the locked dependencies (npm ci); better-sqlite3 builds from source, about 2 to 6 minutes the first time…',
  );
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
