import { and, desc, eq, notInArray, sql, type SQL } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import type { ZImportStart } from '@wuye/shared';
import type { AppContext } from '../../../context.ts';
import type { Executor } from '../../../db/client.ts';
import { canSeeProject, requireCompany, systemActor, type Actor } from '../../../lib/actor.ts';
import { badRequest, notFound } from '../../../lib/errors.ts';
import { projectScope } from '../../../lib/scope-sql.ts';
import { businessNow, iso } from '../../../lib/time.ts';
import { record } from '../../audit/audit.service.ts';
import { saveFile } from '../../files/files.service.ts';
import { files } from '../../files/files.table.ts';
import type { FileStore } from '../../files/store.ts';
import { projects } from '../../org/org.table.ts';
import { checkProject } from '../../org/projects.service.ts';
import { cipherOf } from '../persons.service.ts';
import { estateImports } from './imports.table.ts';
import type { ImportEnv, ImportPlan } from './import-env.ts';
import { planParking, planVehicles } from './import-places.ts';
import { planResidents } from './import-residents.ts';
import { planRooms } from './import-rooms.ts';
import { sheetSpecs, type ImportKind } from './sheet-spec.ts';
import { mapHeaders, readSheet, reportWorkbook, XLSX_MIME } from './workbook.ts';

export const MAX_IMPORT_ROWS = 100_000;
const planners: Record<ImportKind, (env: ImportEnv) => Promise<ImportPlan>> = { rooms: planRooms, residents: planResidents, parking: planParking, vehicles: planVehicles };

type ImportRow = typeof estateImports.$inferSelect;
export const importView = (r: ImportRow) => ({
  id: r.id, projectId: r.projectId, kind: r.kind, mode: r.mode, status: r.status, fileName: r.fileName, totalRows: r.totalRows,
  processedRows: r.processedRows, importedRows: r.importedRows, errorRows: r.errorRows, summary: r.summary ?? null, message: r.message,
  sourceFileId: r.sourceFileId, reportFileId: r.reportFileId, createdAt: r.createdAt.toISOString(), finishedAt: iso(r.finishedAt),
});

/** Refuses, before anything is stored, a file that is not xlsx, has the wrong headers or no rows. */
export async function checkUpload(kind: ImportKind, data: Buffer) {
  const type = await fileTypeFromBuffer(data);
  if (type?.mime !== XLSX_MIME) throw badRequest('请上传 Excel（.xlsx）文件', [{ path: 'body.file', message: 'not_xlsx' }]);
  const sheet = await readSheet(data);
  mapHeaders(sheetSpecs[kind], sheet.headers);
  if (sheet.rows.length === 0) throw badRequest('文件中没有数据行（从第 2 行开始填写）', [{ path: 'body.file', message: 'no_rows' }]);
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw badRequest(`单次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`, [{ path: 'body.file', message: 'too_many_rows' }]);
  return sheet.rows.length;
}

/** Stores the checked sheet under a new import and queues the job in the same transaction. */
export async function start(ctx: AppContext, store: FileStore, actor: Actor, input: z.output<typeof ZImportStart>, file: { name: string; data: Buffer }) {
  const companyId = requireCompany(actor);
  await checkProject(ctx.database.db, actor, input.projectId);
  const totalRows = await checkUpload(input.kind, file.data);
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(estateImports).values({
      companyId, projectId: input.projectId, kind: input.kind, mode: input.mode, fileName: file.name, totalRows, createdBy: actor.userId,
    }).returning();
    const saved = await saveFile(tx, store, { companyId, projectId: input.projectId, ownerType: 'estate_import', ownerId: row!.id, name: file.name, data: file.data, uploadedBy: actor.userId });
    const [after] = await tx.update(estateImports).set({ sourceFileId: saved.id }).where(eq(estateImports.id, row!.id)).returning();
    await record(tx, actor, 'estate.import_started', { type: 'estate_import', id: row!.id, projectId: input.projectId }, null, { kind: input.kind, mode: input.mode, file: file.name, totalRows });
    await ctx.jobs?.send(IMPORT_QUEUE, { id: row!.id }, { tx });
    return importView(after!);
  });
}

/** the queue `import.job.ts` works */
export const IMPORT_QUEUE = { name: 'estate-import' };

async function readStored(store: FileStore, db: Executor, fileId: string) {
  const [f] = await db.select().from(files).where(eq(files.id, fileId));
  const chunks: Buffer[] = [];
  for await (const c of await store.get(f!.storageKey)) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/**
 * Works one import: validates every row, then writes the good ones in ONE transaction (set-based),
 * or none at all in all-or-nothing mode when any row failed. A report of the failed rows is stored
 * either way. Safe to run again after a crash: a finished import is left alone, an unfinished one
 * starts over (its writes were never committed).
 */
export async function run(ctx: AppContext, store: FileStore, id: string) {
  const db = ctx.database.db;
  const [imp] = await db.select().from(estateImports).where(eq(estateImports.id, id));
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  // never touches a finished import: a second delivery of the same job must not reopen or fail it
  const set = (v: Partial<ImportRow>) => db.update(estateImports).set(v)
    .where(and(eq(estateImports.id, id), notInArray(estateImports.status, ['done', 'failed'])));
  const actor = { ...systemActor(imp.companyId, 'estate-import'), userId: imp.createdBy };
  const spec = sheetSpecs[imp.kind];
  try {
    await set({ status: 'validating', processedRows: 0 });
    const sheet = await readSheet(await readStored(store, db, imp.sourceFileId!));
    const keys = mapHeaders(spec, sheet.headers);
    const [project] = await db.select({ pattern: projects.roomCodePattern }).from(projects).where(eq(projects.id, imp.projectId));
    const plan = await planners[imp.kind]({
      db, cipher: cipherOf(ctx), companyId: imp.companyId, projectId: imp.projectId, roomCodePattern: project!.pattern,
      today: businessNow().format('YYYY-MM-DD'), keys, rows: sheet.rows,
    });
    const errorRows = plan.errors.size;
    const good = sheet.rows.length - errorRows;
    const blocked = imp.mode === 'all_or_nothing' && errorRows > 0;
    await set({ status: blocked ? 'validating' : 'importing', processedRows: sheet.rows.length, errorRows });
    // progress of the write is visible from other connections on PostgreSQL; PGlite runs one statement at a time
    const progress = async (n: number) => { if (ctx.database.kind === 'pg') await set({ importedRows: n }); };
    const report = errorRows ? await reportWorkbook(spec, keys, sheet.rows, plan.errors.map) : null;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`estate-import:${imp.projectId}`}))`);
      const [now] = await tx.select({ status: estateImports.status }).from(estateImports).where(eq(estateImports.id, id)); // no row lock: progress is written to this row from outside the transaction
      if (now!.status === 'done' || now!.status === 'failed') return; // a second run of the same import finished first
      const summary = blocked || good === 0 ? {} : await plan.write(tx, progress);
      const reportFile = report
        ? await saveFile(tx, store, { companyId: imp.companyId, projectId: imp.projectId, ownerType: 'estate_import', ownerId: id, name: `错误报告-${imp.fileName}`, data: report })
        : null;
      const status = blocked || good === 0 ? 'failed' : 'done';
      await tx.update(estateImports).set({
        status, importedRows: status === 'done' ? good : 0, errorRows, summary, reportFileId: reportFile?.id ?? null, finishedAt: new Date(),
        message: blocked ? `${errorRows} 行有错误，未导入任何数据（全部成功才导入）` : good === 0 ? '没有可导入的行' : null,
      }).where(eq(estateImports.id, id));
      await record(tx, actor, status === 'done' ? 'estate.imported' : 'estate.import_failed', { type: 'estate_import', id, projectId: imp.projectId }, null,
        { kind: imp.kind, mode: imp.mode, rows: sheet.rows.length, errorRows, summary });
    });
  } catch (e) {
    // a clash with a concurrent change (e.g. the same room code saved meanwhile) fails the import, not the server
    const err = e as { code?: string; cause?: { code?: string } };
    const clash = (err.code ?? err.cause?.code) === '23505';
    // the driver's message may quote SQL parameters (personal data): it goes to the log, not to the user
    await set({ status: 'failed', message: clash ? '导入期间数据被其他操作修改（编码重复），请重新导入' : '导入失败（服务器错误），请重试或联系管理员', finishedAt: new Date() });
    if (!clash) console.error('[estate-import]', id, e);
  }
}

export async function get(db: Executor, actor: Actor, id: string) {
  const [r] = await db.select().from(estateImports).where(and(eq(estateImports.companyId, requireCompany(actor)), eq(estateImports.id, id)));
  if (!r || !canSeeProject(actor, r.projectId)) throw notFound('导入任务');
  return importView(r);
}

export async function list(db: Executor, actor: Actor, q: { projectId?: string; kind?: ImportKind; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(estateImports.companyId, requireCompany(actor)), projectScope(actor, estateImports.projectId, q.projectId)];
  if (q.kind) conds.push(eq(estateImports.kind, q.kind));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select().from(estateImports).where(where).orderBy(desc(estateImports.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(estateImports).where(where),
  ]);
  return { items: rows.map(importView), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}
