import { and, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
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
import { estateImports, type importModes } from './imports.table.ts';
import { ImportAbort } from './import-env.ts';
import { importKindDefs } from './import-kinds.ts';
import type { ImportKind } from './sheet-spec.ts';
import { mapHeaders, pickSheets, readBook, reportBook, XLSX_MIME } from './workbook.ts';

export const MAX_IMPORT_ROWS = 100_000;

type ImportRow = typeof estateImports.$inferSelect;
export const importView = (r: ImportRow) => ({
  id: r.id, projectId: r.projectId, kind: r.kind, mode: r.mode, status: r.status, fileName: r.fileName, totalRows: r.totalRows,
  processedRows: r.processedRows, importedRows: r.importedRows, errorRows: r.errorRows, summary: r.summary ?? null, message: r.message,
  sourceFileId: r.sourceFileId, reportFileId: r.reportFileId, createdAt: r.createdAt.toISOString(), finishedAt: iso(r.finishedAt),
});
/** an import as shown, its kind narrowed to the kinds the route asked for */
export type ImportView<K extends ImportKind> = Omit<ReturnType<typeof importView>, 'kind'> & { kind: K };
const viewOf = <K extends ImportKind>(r: ImportRow) => importView(r) as ImportView<K>;

/**
 * Each data sheet of the kind with its header keys, wrong or missing headers refused with what is
 * wrong. A kind of several sheets may leave one out (or empty): it has no rows.
 */
export async function readUpload(kind: ImportKind, data: Buffer) {
  const specs = importKindDefs[kind].sheets;
  const picked = pickSheets(specs, await readBook(data, specs.length === 1 ? 1 : Infinity));
  return specs.map((spec, i) => {
    const sheet = picked[i] ?? (specs.length === 1 ? { headers: [], rows: [] } : null);
    return sheet ? { spec, keys: mapHeaders(spec, sheet.headers), rows: sheet.rows } : { spec, keys: [] as (string | null)[], rows: [] };
  });
}

/** Refuses, before anything is stored, a file that is not xlsx, has the wrong headers or no rows. */
export async function checkUpload(kind: ImportKind, data: Buffer) {
  const type = await fileTypeFromBuffer(data);
  if (type?.mime !== XLSX_MIME) throw badRequest('请上传 Excel（.xlsx）文件', [{ path: 'body.file', message: 'not_xlsx' }]);
  const rows = (await readUpload(kind, data)).reduce((n, s) => n + s.rows.length, 0);
  if (rows === 0) throw badRequest('文件中没有数据行（从第 2 行开始填写）', [{ path: 'body.file', message: 'no_rows' }]);
  if (rows > MAX_IMPORT_ROWS) throw badRequest(`单次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`, [{ path: 'body.file', message: 'too_many_rows' }]);
  return rows;
}

export interface ImportStart { projectId: string; kind: ImportKind; mode: (typeof importModes)[number] }

/** Stores the checked sheet under a new import and queues the job in the same transaction. */
export async function start<K extends ImportKind>(ctx: AppContext, store: FileStore, actor: Actor, input: ImportStart & { kind: K }, file: { name: string; data: Buffer }) {
  const companyId = requireCompany(actor);
  await checkProject(ctx.database.db, actor, input.projectId);
  const totalRows = await checkUpload(input.kind, file.data);
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(estateImports).values({
      companyId, projectId: input.projectId, kind: input.kind, mode: input.mode, fileName: file.name, totalRows, createdBy: actor.userId,
    }).returning();
    const saved = await saveFile(tx, store, { companyId, projectId: input.projectId, ownerType: 'estate_import', ownerId: row!.id, name: file.name, data: file.data, uploadedBy: actor.userId });
    const [after] = await tx.update(estateImports).set({ sourceFileId: saved.id }).where(eq(estateImports.id, row!.id)).returning();
    await record(tx, actor, importKindDefs[input.kind].audit.started, { type: 'estate_import', id: row!.id, projectId: input.projectId }, null, { kind: input.kind, mode: input.mode, file: file.name, totalRows });
    await ctx.jobs?.send(IMPORT_QUEUE, { id: row!.id }, { tx });
    return viewOf<K>(after!);
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
  const def = importKindDefs[imp.kind];
  try {
    await set({ status: 'validating', processedRows: 0 });
    const sheets = await readUpload(imp.kind, await readStored(store, db, imp.sourceFileId!));
    const [project] = await db.select({ pattern: projects.roomCodePattern }).from(projects).where(eq(projects.id, imp.projectId));
    const plan = await def.plan({
      db, cipher: cipherOf(ctx), companyId: imp.companyId, projectId: imp.projectId, roomCodePattern: project!.pattern,
      today: businessNow().format('YYYY-MM-DD'), userId: imp.createdBy, keys: sheets[0]!.keys, rows: sheets[0]!.rows, sheets,
    });
    const errors = [plan.errors].flat();
    const totalRows = sheets.reduce((n, s) => n + s.rows.length, 0);
    const errorRows = errors.reduce((n, e) => n + e.size, 0);
    const good = totalRows - errorRows;
    const blocked = imp.mode === 'all_or_nothing' && errorRows > 0;
    await set({ status: blocked ? 'validating' : 'importing', processedRows: totalRows, errorRows });
    // progress of the write is visible from other connections on PostgreSQL; PGlite runs one statement at a time
    const progress = async (n: number) => { if (ctx.database.kind === 'pg') await set({ importedRows: n }); };
    const report = errorRows ? await reportBook(sheets.map((s, i) => ({ ...s, errors: errors[i]?.map ?? new Map() }))) : null;
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
      await record(tx, actor, status === 'done' ? def.audit.done : def.audit.failed, { type: 'estate_import', id, projectId: imp.projectId }, null,
        { kind: imp.kind, mode: imp.mode, rows: totalRows, errorRows, summary });
    });
  } catch (e) {
    const known = knownFailure(e);
    // the driver's message may quote SQL parameters (personal data): it goes to the log, not to the user
    await set({ status: 'failed', message: known ?? '导入失败（服务器错误），请重试或联系管理员', finishedAt: new Date() });
    if (!known) console.error('[estate-import]', id, e);
  }
}

/** A failure the user can act on: a plan's own refusal, or a clash with a concurrent change the database caught. */
function knownFailure(e: unknown): string | null {
  if (e instanceof ImportAbort) return e.message;
  const err = e as { code?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code;
  // e.g. the same room code saved meanwhile, or a bill run billing the same months while 期初欠费 were written
  if (code === '23505') return '导入期间数据被其他操作修改（编码重复），请重新导入';
  if (code === '23P01') return '导入期间账单被其他操作修改（账期重叠），请重新导入';
  return null;
}

/** One import of the given kinds (another module's imports are not found through this one's routes). */
export async function get<K extends ImportKind>(db: Executor, actor: Actor, id: string, kinds: readonly K[]) {
  const [r] = await db.select().from(estateImports)
    .where(and(eq(estateImports.companyId, requireCompany(actor)), eq(estateImports.id, id), inArray(estateImports.kind, [...kinds])));
  if (!r || !canSeeProject(actor, r.projectId)) throw notFound('导入任务');
  return viewOf<K>(r);
}

export async function list<K extends ImportKind>(db: Executor, actor: Actor, kinds: readonly K[], q: { projectId?: string; kind?: K; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(estateImports.companyId, requireCompany(actor)), projectScope(actor, estateImports.projectId, q.projectId), inArray(estateImports.kind, [...kinds])];
  if (q.kind) conds.push(eq(estateImports.kind, q.kind));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select().from(estateImports).where(where).orderBy(desc(estateImports.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(estateImports).where(where),
  ]);
  return { items: rows.map(viewOf<K>), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}
