// Installs the workspace's dependencies when they are missing or older than
// package-lock.json, so `npm start` and `npm test` work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const isStale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (isStale) {
  console.log('Installing dependencies (npm ci); native modules build from source, about 2 minutes the first time…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
