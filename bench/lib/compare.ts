import { log, round } from './log.ts';
import { measure, type LoadOptions, type LoadResult } from './load.ts';
import type { RunningServer } from './server.ts';

export interface Target { key: string; server: RunningServer; load: LoadOptions }

export interface Measured {
  /** medians over rounds of rps, p50, p99, avgMs; sums of requests, errors, timeouts, non2xx */
  result: LoadResult;
  rounds: LoadResult[];
  /** peak RSS of the server process over its measured windows (MB) */
  rssPeakMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Measures every target once per round, in turn (A B C, A B C, …), so slow drifts in the machine's
 * background load fall on all of them alike. Each target is warmed up once, before its first round.
 */
export async function measureInterleaved(targets: Target[], rounds: number): Promise<Record<string, Measured>> {
  const runs: Record<string, LoadResult[]> = {};
  const rss: Record<string, number> = {};
  for (let r = 1; r <= rounds; r++) {
    for (const t of targets) {
      const label = rounds > 1 ? `${t.server.label} [round ${r}/${rounds}]` : t.server.label;
      if (r === 1 && t.load.warmup) await measure({ ...t.load, duration: t.load.warmup, warmup: 0 }, `${t.server.label} warm-up`);
      const sampler = t.server.sampleRss();
      (runs[t.key] ??= []).push(await measure({ ...t.load, warmup: 0 }, label));
      rss[t.key] = Math.max(rss[t.key] ?? 0, sampler.stop().peakMb);
    }
  }
  const out: Record<string, Measured> = {};
  for (const t of targets) {
    const rs = runs[t.key]!;
    const sum = (f: (x: LoadResult) => number) => rs.reduce((a, x) => a + f(x), 0);
    out[t.key] = {
      result: {
        requestsPerSec: round(median(rs.map((x) => x.requestsPerSec)), 0),
        p50: median(rs.map((x) => x.p50)),
        p99: median(rs.map((x) => x.p99)),
        avgMs: round(median(rs.map((x) => x.avgMs)), 2),
        maxMs: Math.max(...rs.map((x) => x.maxMs)),
        requests: sum((x) => x.requests),
        errors: sum((x) => x.errors),
        timeouts: sum((x) => x.timeouts),
        non2xx: sum((x) => x.non2xx),
        seconds: sum((x) => x.seconds),
      },
      rounds: rs,
      rssPeakMb: round(rss[t.key]!, 0),
    };
    if (rounds > 1) log(`${t.server.label}: median of ${rounds} rounds ${out[t.key]!.result.requestsPerSec} req/s, p99 ${out[t.key]!.result.p99} ms`);
  }
  return out;
}
