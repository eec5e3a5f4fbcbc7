/**
 * Room codes follow a per-project pattern (统一编码规则), e.g. `{building}-{unit}-{floor}{room:02}`
 * → `1-2-0803`. Tokens: {building} {unit} {floor} {room}, each optionally zero-padded `{floor:02}`.
 * A negative floor (basement) renders as `B1`, `B2` …
 */
export const defaultRoomCodePattern = '{building}-{unit}-{floor:02}{room:02}';

export function formatRoomCode(pattern: string, parts: { building: string; unit: string; floor: number; room: number }): string {
  return pattern.replace(/\{(building|unit|floor|room)(?::(\d{1,2}))?\}/g, (_m, key: string, pad?: string) => {
    const raw = parts[key as keyof typeof parts];
    if (key === 'floor' && typeof raw === 'number' && raw < 0) return `B${-raw}`;
    const text = String(raw);
    return pad ? text.padStart(Number(pad), '0') : text;
  });
}
