import { parseArgs, type ParseArgsConfig } from 'node:util';
import { installSignalHandlers, runCleanups } from './cleanup.ts';
import { log } from './log.ts';

/**
 * Runs one benchmark: parses its options, prints the figures it returns as ONE JSON document on
 * stdout, runs every registered clean-up (success, failure or signal) and sets the exit code.
 */
export async function runBenchmark<O extends NonNullable<ParseArgsConfig['options']>>(
  name: string,
  options: O,
  body: (args: ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>['values']) => Promise<unknown>,
): Promise<void> {
  installSignalHandlers();
  let code = 0;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false });
    const figures = await body(values as any);
    process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
  } catch (err) {
    code = 1;
    log(`${name} failed:`, err instanceof Error ? err.stack ?? err.message : err);
  } finally {
    await runCleanups();
  }
  process.exit(code);
}

/** `--duration 10` style numeric options (parseArgs only knows strings and booleans). */
export function num(v: string | undefined, fallback: number, what: string): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${what} must be a positive number, got "${v}"`);
  return n;
}
