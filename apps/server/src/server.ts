import { sql } from 'drizzle-orm';
import { buildApp } from './app.ts';
import { closeContext, createContext } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { acquireDataDirLock } from './lib/lockfile.ts';
import { demoLoginTable, seedDemo } from './seed/demo.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) { console.error(err.message); process.exit(2); }
    throw err;
  }
  const release = config.embedded ? acquireDataDirLock(config.dataDir) : () => {};
  const ctx = await createContext(config, { log: (m) => console.log(m) });
  const app = await buildApp(ctx);

  if (config.demo) {
    const seeded = await seedDemo(ctx);
    if (seeded) app.log.info('Seeded the demo company');
  } else {
    const res: any = await ctx.database.db.execute(sql`select 1 from users where is_platform_admin limit 1`);
    if (!res.rows.length) {
      console.log('No platform operator yet. Create one with:\n  npm run admin -- create --username admin --phone 138xxxxxxxx --name 管理员 --password <password>');
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.close().catch(() => {});
    await closeContext(ctx);
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${(app.server.address() as any).port}`;
  console.log(`\n物业管理系统 is running (${ctx.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  console.log(`  Console:       ${url}/`);
  console.log(`  Staff H5:      ${url}/m/staff/`);
  console.log(`  Resident H5:   ${url}/m/resident/`);
  console.log(`  API docs:      ${url}/docs`);
  if (config.demo) console.log('\n' + demoLoginTable() + '\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
