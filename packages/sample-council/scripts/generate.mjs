#!/usr/bin/env node
// Writes data/sample-council.json from the typed sources in src/source (built to dist/ first:
// `npm run generate`). The JSON is what the API seeds from and the reporter's CLI reads.
import { writeFileSync } from 'node:fs';
import { stdout } from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { sampleCouncilSource } from '../dist/source/sample-council.data.js';

const target = fileURLToPath(new URL('../data/sample-council.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(sampleCouncilSource, null, 2)}\n`);
stdout.write(`Wrote ${target}\n`);
