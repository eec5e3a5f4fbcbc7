import { z } from 'zod';
import {
  ZIdParam, ZOk, ZWoBuildingStaff, ZWoBuildingStaffUpdate, ZWoShift, ZWoShiftCreate, ZWoShiftQuery, ZWoSkillsResult, ZWoSkillsUpdate,
  ZWoStaffQuery, ZWoUserIdParam, ZWoWorker,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as setup from './dispatch-setup.service.ts';

const tags = ['workorders'];
const read = { access: { permission: 'workorder.dispatch', scope: 'project' } } as const;
const write = { access: { permission: 'workorder.settings.manage', scope: 'project' } } as const;

/** 派单设置：员工技能、排班、楼栋责任人 (what automatic dispatch ranks by). */
export function dispatchSetupRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/work-orders/staff', { schema: { tags, summary: '项目工单处理人员（技能、是否在岗、负责楼栋、在办工单数）', querystring: ZWoStaffQuery, response: { 200: z.array(ZWoWorker) } }, config: read },
    (req) => setup.listWorkers(db, actorOf(req), req.query));
  app.put('/api/work-orders/staff/:userId/skills', { schema: { tags, summary: '设置员工技能（整体替换）', params: ZWoUserIdParam, body: ZWoSkillsUpdate, response: { 200: ZWoSkillsResult } }, config: write },
    (req) => setup.setSkills(db, actorOf(req), req.params.userId, req.body));
  app.get('/api/work-orders/shifts', { schema: { tags, summary: '排班（默认前 7 天到后 14 天，最多 62 天）', querystring: ZWoShiftQuery, response: { 200: z.array(ZWoShift) } }, config: read },
    (req) => setup.listShifts(db, actorOf(req), req.query));
  app.post('/api/work-orders/shifts', { schema: { tags, summary: '新增班次（本项目处理人员，最长 24 小时，不得重叠）', body: ZWoShiftCreate, response: { 200: ZWoShift } }, config: write },
    (req) => setup.createShift(db, actorOf(req), req.body));
  app.delete('/api/work-orders/shifts/:id', { schema: { tags, summary: '删除班次', params: ZIdParam, response: { 200: ZOk } }, config: write },
    (req) => setup.deleteShift(db, actorOf(req), req.params.id));
  app.put('/api/work-orders/buildings/:id/staff', { schema: { tags, summary: '设置楼栋责任人（整体替换）', params: ZIdParam, body: ZWoBuildingStaffUpdate, response: { 200: ZWoBuildingStaff } }, config: write },
    (req) => setup.setBuildingStaff(db, actorOf(req), req.params.id, req.body));
}
