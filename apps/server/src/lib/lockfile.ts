import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite must be owned by one process. The lock file holds the owner's pid; a stale lock (its
 * process gone) is taken over, a live one stops start-up with a clear message.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => { try { if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file); } catch { /* already gone */ } };
    } catch (err: any) {
      if (err.code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`The data directory ${dataDir} is in use by another server process (pid ${pid}). ` +
          'The embedded database allows one process; stop it first, or use PostgreSQL (DATABASE_URL) to run several instances.');
      }
      fs.unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e: any) { return e.code === 'EPERM'; }
}
