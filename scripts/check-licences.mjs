// Checks the licence of every package in package-lock.json (runtime and dev, every platform's
// optional binaries too) against the licences ADR009 accepts, and fails naming any other, so a
// new copyleft or unlicensed dependency is a decision, not an accident. Reads only the lock: it
// runs before anything is installed. `--list` prints each licence with its packages.
import { readFileSync } from 'node:fs';

/** Permissive licences: use, change and redistribute, keeping the notice. */
const PERMISSIVE = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
  'Zlib',
  'Python-2.0',
  'PSF-2.0',
  'WTFPL',
]);

/**
 * Not software licences, reviewed in ADR009: a font (OFL: embed it in PDFs freely, keep its
 * licence when shipping the font file) and data sets that ask for attribution.
 */
const REVIEWED = new Set(['OFL-1.1', 'CC-BY-3.0', 'CC-BY-4.0']);

/**
 * Packages whose lock entry carries no `license` (they declare it in the old `licenses` array or
 * only in a LICENSE file), each read by hand. Keyed by name: re-read on a major upgrade.
 */
const READ_BY_HAND = new Map([
  ['busboy', 'MIT'],
  ['streamsearch', 'MIT'],
  ['png-js', 'MIT'],
  ['reserved', 'MIT'],
]);

/**
 * Packages whose lock entry names a licence that is not an SPDX id, each read by hand: the lock's
 * word, and the SPDX id of the LICENSE file's text. Used only while the lock still says that word.
 * duck (mammoth → lop → duck) says "BSD"; its LICENSE is the two-clause BSD text.
 */
const NOT_SPDX_READ_BY_HAND = new Map([['duck', { lock: 'BSD', read: 'BSD-2-Clause' }]]);

/**
 * Single packages under a licence the lists above refuse, each decided in an ADR and accepted
 * only as a dev dependency at that licence: axe-core (MPL-2.0), used unmodified by the public
 * site's browser tests and never shipped (docs/adr/adr020-public-site-nunjucks-govuk-frontend.md).
 */
const DEV_ONLY_BY_DECISION = new Map([['axe-core', 'MPL-2.0']]);

/** Whether an SPDX expression is acceptable: OR needs one side, AND needs both. */
const isAcceptable = (expression) => {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let at = 0;
  const primary = () => {
    const token = tokens[at++];
    if (token === '(') {
      const value = either();
      at += 1; // ')'
      return value;
    }
    return PERMISSIVE.has(token) || REVIEWED.has(token);
  };
  const both = () => {
    let value = primary();
    while (tokens[at] === 'AND') {
      at += 1;
      value = primary() && value;
    }
    return value;
  };
  const either = () => {
    let value = both();
    while (tokens[at] === 'OR') {
      at += 1;
      value = both() || value;
    }
    return value;
  };
  const value = either();
  return value && at === tokens.length;
};

const lockPath = process.argv.find((arg) => arg.endsWith('.json')) ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const byLicence = new Map();
const refused = [];
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  // Workspace links repeat the workspace's own entry (checked under its folder).
  if (entry.link) continue;
  const name = entry.name ?? path.split('node_modules/').pop() ?? path;
  const readByHand = NOT_SPDX_READ_BY_HAND.get(name);
  const licence =
    readByHand !== undefined && entry.license === readByHand.lock
      ? readByHand.read
      : (entry.license ?? READ_BY_HAND.get(name) ?? '(none)');
  const label = `${name || '(root)'}@${entry.version ?? '-'}${entry.dev ? ' (dev)' : ''}`;
  byLicence.set(licence, [...(byLicence.get(licence) ?? []), label]);
  const decided = entry.dev === true && DEV_ONLY_BY_DECISION.get(name) === licence;
  if (!decided && !isAcceptable(licence)) refused.push(`${label}: ${licence}`);
}
if (process.argv.includes('--list')) {
  for (const [licence, names] of [...byLicence].sort((a, b) => b[1].length - a[1].length)) {
    console.log(
      `${licence} (${names.length}): ${names.length > 8 ? `${names.length} packages` : names.join(', ')}`,
    );
  }
}
if (refused.length > 0) {
  console.error(
    `Licences not accepted by docs/adr/adr009-licence.md (decide, then extend scripts/check-licences.mjs):\n  ${refused.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`Licences: all ${Object.keys(lock.packages ?? {}).length} lock entries accepted.`);
