import type { SessionRow } from './actor.repo.ts';

/**
 * Resolved sessions kept for a few seconds, so an authenticated request costs one query (its own)
 * instead of two. Anything that changes who a session is or what it may do calls `authChanged`,
 * which empties this instance's cache at once and every other instance's through NOTIFY; the
 * short TTL bounds what a missed path could ever cost.
 */
export class SessionCache {
  private map = new Map<string, { row: SessionRow; at: number }>();
  constructor(private ttlMs = 5000, private max = 50_000) {}

  get(tokenHash: string): SessionRow | undefined {
    const hit = this.map.get(tokenHash);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.map.delete(tokenHash);
      return undefined;
    }
    return hit.row;
  }

  set(tokenHash: string, row: SessionRow) {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(tokenHash, { row, at: Date.now() });
  }

  clear() {
    this.map.clear();
  }
}
