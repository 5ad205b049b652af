/** Order statistics of timings, shared by the benches. */

/** The value at fraction p (0..1) of the sorted sample: 0.5 the median, 0.95 the p95. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export const median = (xs: number[]) => percentile(xs, 0.5);
