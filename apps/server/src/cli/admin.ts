// npm run admin -- create --username admin --phone 13800000000 --name 管理员 --password '…'
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ZName, ZPassword, ZPhone, ZUsername } from '@wuye/shared';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { acquireDataDirLock } from '../lib/lockfile.ts';
import { hashPassword } from '../lib/passwords.ts';
import { record } from '../modules/audit/audit.service.ts';
import { users } from '../modules/auth/auth.table.ts';
import { findUserByLogin } from '../modules/auth/auth.repo.ts';
import { eq } from 'drizzle-orm';

const ZArgs = z.object({ username: ZUsername, phone: ZPhone, name: ZName, password: ZPassword });

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { username: { type: 'string' }, phone: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (positionals[0] !== 'create') {
    console.log('usage: npm run admin -- create --username <u> --phone <138…> --name <name> --password <pw>');
    process.exit(2);
  }
  const args = ZArgs.safeParse(values);
  if (!args.success) {
    console.error(args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(2);
  }
  const config = loadConfig();
  const release = config.embedded ? acquireDataDirLock(config.dataDir) : () => {};
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const a = args.data;
    const passwordHash = await hashPassword(a.password);
    await database.db.transaction(async (tx) => {
      const existing = (await findUserByLogin(tx, a.phone)) ?? (await findUserByLogin(tx, a.username));
      let id: string;
      if (existing) {
        await tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, existing.id));
        id = existing.id;
      } else {
        const [u] = await tx.insert(users).values({ username: a.username, phone: a.phone, name: a.name, passwordHash, isPlatformAdmin: true }).returning();
        id = u!.id;
      }
      await record(tx, null, 'platform.setup', { type: 'user', id }, null, { platformAdmin: true });
    });
    console.log(`Platform operator ${a.username} is ready. Sign in at /`);
  } finally {
    await database.close();
    release();
  }
}

main().catch((err) => { console.error(err.message ?? err); process.exit(1); });
