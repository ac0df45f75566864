/** What the HTTP benchmarks share: timing sequential calls of one route and reading percentiles. */

/** `calls` timed GETs of `route` after `warmup` untimed ones, in ms, sorted; any answer but 200 stops the bench. */
export async function latencies(address: string, route: string, cookie: string, { calls, warmup }: { calls: number; warmup: number }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup; i++) await (await fetch(`${address}${route}`, { headers: { cookie } })).arrayBuffer();
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    const response = await fetch(`${address}${route}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${route}: ${response.status}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The p-th percentile of sorted times (nearest rank). */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
