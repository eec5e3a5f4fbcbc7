import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Resident set size of a process in MB: current (VmRSS) and lifetime peak (VmHWM, Linux only). */
export function readRss(pid: number): { rssMb: number; hwmMb: number | null } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) : null;
    };
    const rss = kb('VmRSS');
    if (rss === null) return null;
    const hwm = kb('VmHWM');
    return { rssMb: rss / 1024, hwmMb: hwm === null ? null : hwm / 1024 };
  } catch {
    try { // no /proc (macOS): ps reports RSS in kB
      const out = execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim();
      return out ? { rssMb: Number(out) / 1024, hwmMb: null } : null;
    } catch {
      return null;
    }
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak seen (MB). */
export function sampleRss(pid: number, everyMs = 200) {
  let peak = 0;
  let samples = 0;
  const take = () => {
    const r = readRss(pid);
    if (r) { peak = Math.max(peak, r.rssMb); samples++; }
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMb: peak, samples };
    },
  };
}
