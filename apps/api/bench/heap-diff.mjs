// node bench/heap-diff.mjs <earlier.heapsnapshot> <later.heapsnapshot> [rows]
//
// What grew between two V8 heap snapshots (the soak's --snapshots, or any --heapsnapshot-signal
// pair): objects counted and their shallow sizes summed by constructor (V8's "summary" view;
// strings, arrays, code and closures by their node type), printed as the largest differences.
// Shallow, not retained: a Map that holds a growing list shows as the list's entries growing.
import { readFileSync } from 'node:fs';
import process from 'node:process';

const [earlier, later, rows = '30'] = process.argv.slice(2);
if (earlier === undefined || later === undefined) {
  process.stderr.write(
    'usage: node bench/heap-diff.mjs <earlier.heapsnapshot> <later.heapsnapshot> [rows]\n',
  );
  process.exit(2);
}

/** Objects and bytes by constructor (or node type) in one snapshot. */
const summarise = (file) => {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[fields.indexOf('type')];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const byName = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    const name = type === 'object' || type === 'native' ? strings[nodes[i + nameAt]] : `(${type})`;
    const size = nodes[i + sizeAt];
    total += size;
    const row = byName.get(name) ?? { count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += size;
    byName.set(name, row);
  }
  return { byName, total, count: nodes.length / width };
};

const a = summarise(earlier);
const b = summarise(later);
const names = new Set([...a.byName.keys(), ...b.byName.keys()]);
const zero = { count: 0, bytes: 0 };
const diff = [...names]
  .map((name) => {
    const before = a.byName.get(name) ?? zero;
    const after = b.byName.get(name) ?? zero;
    return {
      name,
      before,
      after,
      bytes: after.bytes - before.bytes,
      count: after.count - before.count,
    };
  })
  .sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes))
  .slice(0, Number(rows));
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
process.stdout.write(
  `heap: ${kib(a.total)} in ${a.count} objects -> ${kib(b.total)} in ${b.count} objects (${b.total >= a.total ? '+' : ''}${kib(b.total - a.total)})\n` +
    `${'constructor'.padEnd(40)} ${'count'.padStart(16)} ${'shallow'.padStart(24)}  change\n`,
);
for (const row of diff) {
  process.stdout.write(
    `${row.name.slice(0, 40).padEnd(40)} ${`${row.before.count}->${row.after.count}`.padStart(16)} ${`${kib(row.before.bytes)}->${kib(row.after.bytes)}`.padStart(24)}  ${row.bytes >= 0 ? '+' : ''}${kib(row.bytes)} (${row.count >= 0 ? '+' : ''}${row.count})\n`,
  );
}
