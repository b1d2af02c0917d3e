// node apps/api/bench/peak-simulation.mjs
//
// How many render workers keep agenda-pack p95 under 10 s on the afternoon 300 English councils
// publish at once (issue 11 item 5)? A discrete-event simulation of one peak hour, repeated with a
// fixed seed, for each arrival rate and worker count: renders arrive at random (Poisson), each
// takes its pack's drawing time, workers take the oldest waiting job (BullMQ's order), one job at
// a time. Response time = wait in the queue + drawing. Published packs are then served from the
// render cache (measured 15 ms), so only first renders are modelled.
//
// Drawing time per pack: 0.45 s + 3.4 ms a page, fitted to the reporter bench's tagged figures
// (29 pages 0.56 s, 283 pages 1.40 s, 2,820 pages 9.62 s; docs/benchmarks.md), times SLOWDOWN
// (default 2: a worker sharing its core, as this machine's load does). Pages per pack:
// log-normal, median 120, σ 0.8 (95th percentile ≈ 450 pages, 1 in 1,000 over 1,400).
import process from 'node:process';

const SLOWDOWN = Number(process.env.SIM_SLOWDOWN ?? 2);
const HOURS = Number(process.env.SIM_HOURS ?? 200);
const TARGET_P95_S = 10;

// mulberry32: a small seeded PRNG, so every run prints the same table.
const random = (() => {
  let seed = 20261202;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pages = () => Math.max(8, Math.round(120 * Math.exp(0.8 * normal())));
const drawSeconds = (count) => (0.45 + 0.0034 * count) * SLOWDOWN;

const simulateHour = (rendersPerHour, workers) => {
  const free = Array.from({ length: workers }, () => 0);
  const responses = [];
  let now = 0;
  for (;;) {
    now += -Math.log(1 - random()) * (3600 / rendersPerHour);
    if (now > 3600) break;
    // The earliest free worker takes the job (first come, first served).
    let earliest = 0;
    for (let i = 1; i < workers; i += 1) if (free[i] < free[earliest]) earliest = i;
    const startsAt = Math.max(now, free[earliest]);
    free[earliest] = startsAt + drawSeconds(pages());
    responses.push(free[earliest] - now);
  }
  return responses;
};

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
};

// Renders in the peak hour. 30,000 packs a year over ~44 meeting weeks is ~680 a week, two
// editions each; the scenarios put a growing share of them into one hour.
const scenarios = [
  {
    name: 'a quarter of a week’s packs in one afternoon, half of them in its last hour',
    renders: 170,
  },
  { name: 'every council publishes three packs in the same hour', renders: 1800 },
  { name: 'stress: three times that', renders: 5400 },
];
const workerCounts = [1, 2, 4, 8, 16];

process.stdout.write(
  `Peak-hour simulation: ${HOURS} simulated hours per cell, drawing time ×${SLOWDOWN}; p95 of response time (queue + drawing)\n\n` +
    `| renders in the peak hour | ${workerCounts.map((n) => `${n} worker${n === 1 ? '' : 's'}`).join(' | ')} | fewest workers for p95 < ${TARGET_P95_S} s |\n` +
    `|---|${workerCounts.map(() => '---').join('|')}|---|\n`,
);
for (const scenario of scenarios) {
  const cells = workerCounts.map((workers) => {
    const responses = [];
    for (let hour = 0; hour < HOURS; hour += 1)
      responses.push(...simulateHour(scenario.renders, workers));
    return p95(responses);
  });
  const enough = workerCounts.find((_, i) => cells[i] < TARGET_P95_S);
  const shown = cells.map((seconds) => (seconds > 600 ? '> 10 min' : `${seconds.toFixed(1)} s`));
  process.stdout.write(
    `| ${scenario.renders} (${scenario.name}) | ${shown.join(' | ')} | ${enough ?? `more than ${workerCounts.at(-1)}`} |\n`,
  );
}
