import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ZBuilding, ZBuildingGenerate, ZBuildingPreview, ZIdParam, ZPage, ZRoom, ZRoomQuery, formatArea } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { requireCompany } from '../../lib/actor.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { rooms } from './estate.table.ts';
import * as buildings from './buildings.service.ts';

const tags = ['estate'];

export function estateRoutes(app: App, ctx: AppContext) {
  app.get('/api/projects/:id/buildings', {
    schema: { tags, summary: '项目的楼栋与单元', params: ZIdParam, response: { 200: z.array(ZBuilding) } },
    config: { access: { permission: 'estate.read', scope: 'project' }, apiKey: true },
  }, (req) => buildings.list(ctx.database.db, actorOf(req), req.params.id));

  app.post('/api/projects/:id/buildings/generate', {
    schema: { tags, summary: '按模板生成楼栋（单元 × 楼层 × 每层户数），可先预览', params: ZIdParam, body: ZBuildingGenerate, response: { 200: ZBuildingPreview } },
    config: { access: { permission: 'estate.manage', scope: 'project' } },
  }, (req) => buildings.generate(ctx.database.db, actorOf(req), req.params.id, req.body));

  app.get('/api/rooms', {
    schema: { tags, summary: '房间列表', querystring: ZRoomQuery, response: { 200: ZPage(ZRoom) } },
    config: { access: { permission: 'estate.read', scope: 'project' }, apiKey: true },
  }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const conds: SQL[] = [eq(rooms.companyId, requireCompany(actor)), projectScope(actor, rooms.projectId, q.projectId)];
    if (q.buildingId) conds.push(eq(rooms.buildingId, q.buildingId));
    if (q.unitId) conds.push(eq(rooms.unitId, q.unitId));
    if (q.status) conds.push(eq(rooms.status, q.status));
    if (q.q) conds.push(sql`${rooms.code} like ${`%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`}`);
    const where = and(...conds);
    const db = ctx.database.db;
    const [rows, [n]] = await Promise.all([
      db.select().from(rooms).where(where).orderBy(asc(rooms.code)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(rooms).where(where),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id, projectId: r.projectId, buildingId: r.buildingId, unitId: r.unitId, floor: r.floor, number: r.number, code: r.code,
        type: r.type, buildingArea: formatArea(r.buildingArea), insideArea: r.insideArea == null ? null : formatArea(r.insideArea),
        status: r.status, version: r.version,
      })),
      total: Number(n!.n), page: q.page, pageSize: q.pageSize,
    };
  });
}
