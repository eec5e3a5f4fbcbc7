/** What a printed code points at: the resident form URL the server encodes (…/m/resident/#/report?room=<id> or ?facility=<id>&project=<id>). */
export type QrTarget = { room: string } | { facility: string; project: string };

const ID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const param = (text: string, name: string) => new RegExp(`[?&#]${name}=(${ID})(?![0-9a-fA-F-])`).exec(text)?.[1];

/** Reads a scanned or pasted code; null when it is not one of ours. */
export function parseQr(raw: string): QrTarget | null {
  const text = raw.trim();
  const room = param(text, 'room');
  if (room) return { room };
  const facility = param(text, 'facility');
  const project = param(text, 'project');
  if (facility && project) return { facility, project };
  return null;
}

export const placePath = (q: QrTarget) => ('room' in q ? `/place?room=${q.room}` : `/place?facility=${q.facility}&project=${q.project}`);
