import { log, round } from '../lib/log.ts';

/** One request of a closed-loop run: what to send, and whether the answer is the expected one. */
export interface Job { url: string; headers: Record<string, string>; body: string }
export interface DriveResult {
  requests: number;
  seconds: number;
  /** completed requests per second over the whole run */
  perSec: number;
  p50: number; p99: number; maxMs: number; avgMs: number;
  /** answers other than `okStatus` (first few kept in `samples`) and network errors */
  failures: number;
  samples: string[];
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * `concurrency` clients, each posting the next job as soon as its previous answer is in (closed
 * loop, like a row of cashiers), until the jobs run out. Every job is a different room or order,
 * which autocannon's fixed request cannot express; latencies are measured per request, client side.
 */
export async function drive(label: string, jobs: Job[], concurrency: number, okStatus: readonly number[] = [200]): Promise<DriveResult> {
  let next = 0;
  let failures = 0;
  const samples: string[] = [];
  const ms: number[] = [];
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i]!;
      const t = performance.now();
      try {
        const res = await fetch(job.url, { method: 'POST', headers: job.headers, body: job.body });
        const text = await res.text();
        if (!okStatus.includes(res.status)) {
          failures++;
          if (samples.length < 5) samples.push(`${res.status} ${text.slice(0, 200)}`);
        }
      } catch (e) {
        failures++;
        if (samples.length < 5) samples.push(String(e));
      }
      ms.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  ms.sort((a, b) => a - b);
  const r: DriveResult = {
    requests: jobs.length, seconds: round(seconds, 2), perSec: round(jobs.length / seconds, 0),
    p50: round(pct(ms, 50), 1), p99: round(pct(ms, 99), 1), maxMs: round(ms.at(-1)!, 1), avgMs: round(ms.reduce((a, b) => a + b, 0) / ms.length, 1),
    failures, samples,
  };
  log(`${label}: ${r.requests} in ${r.seconds} s = ${r.perSec}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, failures ${failures}`);
  return r;
}
