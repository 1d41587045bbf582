/** One line of the benchmark table. Times in milliseconds, throughput per second, memory in MB. */
export interface BenchRow {
  scenario: string;
  size: string;
  p50: number;
  p95: number;
  throughput: number;
  peakRssMb: number;
  /** The target, as text, and whether it was met. */
  target?: string;
  met?: boolean;
  extra?: Record<string, number>;
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Tracks the peak resident set size while a scenario runs. */
export function trackRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.round((Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) * 10) / 10;
    },
  };
}

/** Rounds to two decimals for the table. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
