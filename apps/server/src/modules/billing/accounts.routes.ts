import { z } from 'zod';
import {
  ZBillDetail, ZBillQuery, ZBillRow, ZIdParam, ZLedgerPeriod, ZPage, ZPeriodClose, ZPeriodClosed, ZPeriodQuery, ZProjectBillingSettings,
  ZProjectBillingSettingsUpdate, ZWaiver, ZWaiverApprove, ZWaiverCreate, ZWaiverQuery, ZWaiverReject, ZWaiverWithdraw,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as query from './bills-query.service.ts';
import * as periods from './periods.service.ts';
import * as settings from './project-settings.service.ts';
import * as waivers from './waivers.service.ts';

const tags = ['billing'];
const read = { access: { permission: 'billing.read', scope: 'project' } } as const;
const request = { access: { permission: 'billing.waiver.request', scope: 'project' } } as const;
const approve = { access: { permission: 'billing.waiver.approve', scope: 'project' } } as const;
const manage = { access: { permission: 'billing.settings.manage', scope: 'project' } } as const;
const close = { access: { permission: 'billing.period.close', scope: 'project' } } as const;

/** 账单查询、欠费与滞纳金、减免审批、项目收费设置、关账 */
export function billAccountRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/billing/bills', { schema: { tags, summary: '账单查询（含未缴、滞纳金、应缴合计）', querystring: ZBillQuery, response: { 200: ZPage(ZBillRow) } }, config: read },
    (req) => query.listBills(db, actorOf(req), req.query));
  app.get('/api/billing/bills/:id', { schema: { tags, summary: '账单详情（明细、台账、余额、滞纳金计算说明、减免）', params: ZIdParam, response: { 200: ZBillDetail } }, config: read },
    (req) => query.getBillDetail(db, actorOf(req), req.params.id));

  app.get('/api/billing/waivers', { schema: { tags, summary: '减免申请', querystring: ZWaiverQuery, response: { 200: ZPage(ZWaiver) } }, config: read },
    (req) => waivers.listWaivers(db, actorOf(req), req.query));
  app.post('/api/billing/waivers', { schema: { tags, summary: '申请减免（不超过未缴本金 / 滞纳金）', body: ZWaiverCreate, response: { 200: ZWaiver } }, config: request },
    (req) => waivers.requestWaiver(db, actorOf(req), req.body));
  app.post('/api/billing/waivers/:id/approve', {
    schema: { tags, summary: '批准减免（申请人不能自批；记减免账）', params: ZIdParam, body: ZWaiverApprove, response: { 200: ZWaiver } }, config: approve,
  }, (req) => waivers.approveWaiver(db, actorOf(req), req.params.id, req.body));
  app.post('/api/billing/waivers/:id/reject', { schema: { tags, summary: '驳回减免', params: ZIdParam, body: ZWaiverReject, response: { 200: ZWaiver } }, config: approve },
    (req) => waivers.rejectWaiver(db, actorOf(req), req.params.id, req.body));
  app.post('/api/billing/waivers/:id/withdraw', { schema: { tags, summary: '撤回减免申请（仅申请人）', params: ZIdParam, body: ZWaiverWithdraw, response: { 200: ZWaiver } }, config: request },
    (req) => waivers.withdrawWaiver(db, actorOf(req), req.params.id, req.body));

  app.get('/api/billing/projects/:id/settings', { schema: { tags, summary: '项目收费设置（未保存时为默认值，版本 0）', params: ZIdParam, response: { 200: ZProjectBillingSettings } }, config: read },
    (req) => settings.readProjectBillingSettings(db, actorOf(req), req.params.id));
  app.put('/api/billing/projects/:id/settings', {
    schema: { tags, summary: '修改项目收费设置（带版本号，首次保存为 0）', params: ZIdParam, body: ZProjectBillingSettingsUpdate, response: { 200: ZProjectBillingSettings } }, config: manage,
  }, (req) => settings.updateProjectBillingSettings(db, actorOf(req), req.params.id, req.body));

  app.get('/api/billing/periods', { schema: { tags, summary: '已关账月份', querystring: ZPeriodQuery, response: { 200: z.array(ZLedgerPeriod) } }, config: read },
    (req) => periods.listPeriods(db, actorOf(req), req.query));
  app.post('/api/billing/periods/close', { schema: { tags, summary: '关账（按月顺序；先计提滞纳金至月末）', body: ZPeriodClose, response: { 200: ZPeriodClosed } }, config: close },
    (req) => periods.closePeriod(db, actorOf(req), req.body));
}
