// The V8 flags the API process is started with: by `npm start` (scripts/start.mjs), by
// `npm start -w @scrutineer/api` (its package.json repeats them, and the test in
// test/node-flags.spec.ts holds the two together) and by the soak (bench/soak.mjs), so that what
// is measured is what runs. Operators starting `node apps/api/dist/main.js` themselves pass them
// too (docs/operations.md).
//
// --max-old-space-size=256: a cap on V8's old generation. Without it V8 sizes the API's heap by
// the machine's memory and lets it grow far past the ~75 MiB the process keeps live before it
// collects: under the soak's load RSS swung between −13 % and +37 % of its median; with the cap it
// collects sooner and stays within −4 % / +3 % (docs/benchmarks.md, "Memory under a 30-minute
// soak"). PDFs are drawn in render threads with limits of their own (RenderPool) and a pack's
// bytes are Buffers outside this heap, so the cap bounds the request handling, the data sets and
// the in-memory page caches.
import process from 'node:process';

export const API_HEAP_MIB = 256;

/** The flags, unless the operator's NODE_OPTIONS already sets the heap's size (theirs wins). */
export const apiNodeFlags = (env = process.env) =>
  /--max-old-space-size/.test(env.NODE_OPTIONS ?? '')
    ? []
    : [`--max-old-space-size=${API_HEAP_MIB}`];
