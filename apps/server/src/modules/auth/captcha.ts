import svgCaptcha from 'svg-captcha';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { sha256 } from '../../lib/tokens.ts';
import { captchas } from './auth.table.ts';

/** A locally generated image captcha, single use, valid five minutes. */
export async function createCaptcha(db: Executor): Promise<{ id: string; svg: string }> {
  const c = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1ilI', color: true, background: '#f5f5f5' });
  const [row] = await db.insert(captchas).values({
    answerHash: sha256(c.text.toLowerCase()),
    expiresAt: new Date(Date.now() + 5 * 60_000),
  }).returning({ id: captchas.id });
  return { id: row!.id, svg: c.data };
}

/** Consumes the captcha whatever the answer, so one image gives one guess. */
export async function checkCaptcha(db: Executor, id: string | undefined, text: string | undefined): Promise<boolean> {
  if (!id || !text || !/^[0-9a-f-]{36}$/i.test(id)) return false;
  const res: any = await db.execute(sql`
    update captchas set used_at = now()
     where id = ${id} and used_at is null and expires_at > now()
    returning answer_hash as "answerHash"`);
  const row = res.rows[0];
  return !!row && row.answerHash === sha256(text.trim().toLowerCase());
}
