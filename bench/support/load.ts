// HTTP load for the read benchmarks: autocannon at a fixed number of connections, each request's
// path drawn from a list (so filters and cursors vary instead of repeating one cached value), and
// every response's latency kept, so percentiles (p95 too, which autocannon's summary lacks) and
// throughput can be summed over several rounds.
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  paths: string[];
  headers?: Record<string, string>;
  /** Default: the benchmark's (20). */
  connections?: number;
};

export type Sample = { requests: number; errors: number; seconds: number; latencies: number[] };

export const emptySample = (): Sample => ({ requests: 0, errors: 0, seconds: 0, latencies: [] });

/** Runs `scenario` for `seconds` on `connections` connections and adds what it saw to `into`. */
export async function load(
  baseUrl: string,
  scenario: Scenario,
  options: { seconds: number; connections: number },
  into: Sample = emptySample(),
): Promise<Sample> {
  let next = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: scenario.connections ?? options.connections,
        duration: options.seconds,
        headers: scenario.headers,
        requests: [
          {
            method: "GET",
            setupRequest: (request) => ({ ...request, path: scenario.paths[next++ % scenario.paths.length] }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      into.requests++;
      if (statusCode !== 200) into.errors++;
      into.latencies.push(responseTime);
    });
  });
  into.seconds += (performance.now() - started) / 1000;
  into.errors += result.errors + result.timeouts;
  return into;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export type Summary = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
};

export function summarize(sample: Sample): Summary {
  const sorted = Float64Array.from(sample.latencies).sort();
  const list = Array.from(sorted);
  return {
    rps: sample.requests / sample.seconds,
    p50: percentile(list, 50),
    p95: percentile(list, 95),
    p99: percentile(list, 99),
    requests: sample.requests,
    errors: sample.errors,
  };
}
