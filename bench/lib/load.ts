// autocannon ships no types; this is the slice of its API used here.
// @ts-ignore
import autocannon from 'autocannon';
import { log, round } from './log.ts';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** seconds measured */
  duration: number;
  /** seconds of load before measuring, thrown away (JIT, pool connections, caches) */
  warmup?: number;
}

export interface LoadResult {
  requestsPerSec: number;
  /** latency percentiles in ms, as autocannon reports them */
  p50: number;
  p99: number;
  avgMs: number;
  maxMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  seconds: number;
}

function run(o: LoadOptions, duration: number): Promise<any> {
  return autocannon({ url: o.url, headers: o.headers ?? {}, connections: o.connections, duration, pipelining: 1 });
}

/** Warm-up (discarded), then the measured autocannon run. */
export async function measure(o: LoadOptions, label = o.url): Promise<LoadResult> {
  if (o.warmup) {
    log(`${label}: warm-up ${o.warmup}s`);
    await run(o, o.warmup);
  }
  log(`${label}: measuring ${o.duration}s with ${o.connections} connections`);
  const r = await run(o, o.duration);
  const result: LoadResult = {
    requestsPerSec: round(r.requests.average, 0),
    p50: r.latency.p50,
    p99: r.latency.p99,
    avgMs: round(r.latency.average, 2),
    maxMs: r.latency.max,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    seconds: r.duration,
  };
  log(`${label}: ${result.requestsPerSec} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
  return result;
}
