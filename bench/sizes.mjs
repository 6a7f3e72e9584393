// How big each benchmark runs: full by default, small with BENCH_QUICK=1 for a smoke run whose
// figures mean nothing but which goes through every step.
export const quick = process.env.BENCH_QUICK === "1";

/** The full size, or the quick one under BENCH_QUICK=1; an explicit env var wins over both. */
export function size(name, full, small) {
  const given = process.env[name];
  if (given !== undefined && given !== "") return Number(given);
  return quick ? small : full;
}
