import { z } from 'zod';
import {
  ZAssignment, ZAssignmentCreate, ZAssignmentEnd, ZAssignmentPreview, ZBillingSettings, ZBillingSettingsUpdate, ZFeeItem, ZFeeItemCreate,
  ZFeeItemQuery, ZFeeItemUpdate, ZIdParam, ZBill, ZLedgerEntry, ZOneOffChargeCreate, ZPage, ZStandard, ZStandardCreate, ZStandardDetail, ZStandardQuery, ZStandardVersionCreate,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { requireCompany } from '../../lib/actor.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as assignments from './assignments.service.ts';
import * as bills from './bills.service.ts';
import * as items from './fee-items.service.ts';
import * as settings from './settings.service.ts';
import * as standards from './standards.service.ts';

const tags = ['billing'];
const read = { access: { permission: 'billing.read', scope: 'project' } } as const;
// fee items and the company's billing settings are HQ's
const items_ = { access: { permission: 'billing.item.manage', scope: 'company' } } as const;
// company-wide standards need company scope, a project's the company's consent (see standards.service)
const standards_ = { access: { permission: 'billing.standard.manage', scope: 'project' } } as const;
const charge = { access: { permission: 'billing.charge.create', scope: 'project' } } as const;

/** 收费项目, 收费标准 (versions) and their assignment to rooms and parking spaces. */
export function billingRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/billing/settings', { schema: { tags, summary: '收费设置（是否允许项目自定收费标准）', response: { 200: ZBillingSettings } }, config: read },
    (req) => settings.getBillingSettings(db, requireCompany(actorOf(req))));
  app.put('/api/billing/settings', { schema: { tags, summary: '修改收费设置', body: ZBillingSettingsUpdate, response: { 200: ZBillingSettings } }, config: items_ },
    (req) => settings.updateBillingSettings(db, actorOf(req), req.body));

  app.get('/api/billing/fee-items', { schema: { tags, summary: '收费项目', querystring: ZFeeItemQuery, response: { 200: z.array(ZFeeItem) } }, config: { ...read, apiKey: true } },
    (req) => items.listFeeItems(db, actorOf(req), req.query));
  app.post('/api/billing/fee-items', { schema: { tags, summary: '新增收费项目', body: ZFeeItemCreate, response: { 200: ZFeeItem } }, config: items_ },
    (req) => items.createFeeItem(db, actorOf(req), req.body));
  app.patch('/api/billing/fee-items/:id', { schema: { tags, summary: '修改收费项目（带版本号）', params: ZIdParam, body: ZFeeItemUpdate, response: { 200: ZFeeItem } }, config: items_ },
    (req) => items.updateFeeItem(db, actorOf(req), req.params.id, req.body));

  app.get('/api/billing/standards', { schema: { tags, summary: '收费标准（公司级与项目级）', querystring: ZStandardQuery, response: { 200: ZPage(ZStandard) } }, config: { ...read, apiKey: true } },
    (req) => standards.listStandards(db, actorOf(req), req.query));
  app.get('/api/billing/standards/:id', { schema: { tags, summary: '收费标准及其各版本', params: ZIdParam, response: { 200: ZStandardDetail } }, config: read },
    (req) => standards.getStandard(db, actorOf(req), req.params.id));
  app.post('/api/billing/standards', { schema: { tags, summary: '新增收费标准（含第一个版本）', body: ZStandardCreate, response: { 200: ZStandardDetail } }, config: standards_ },
    (req) => standards.createStandard(db, actorOf(req), req.body));
  app.post('/api/billing/standards/:id/versions', {
    schema: { tags, summary: '新增收费标准版本（上一版本于前一天结束；重叠 409）', params: ZIdParam, body: ZStandardVersionCreate, response: { 200: ZStandardDetail } }, config: standards_,
  }, (req) => standards.addVersion(db, actorOf(req), req.params.id, req.body));

  app.post('/api/billing/assignments/preview', { schema: { tags, summary: '预览收费标准分配（匹配数、冲突数）', body: ZAssignmentCreate, response: { 200: ZAssignmentPreview } }, config: standards_ },
    (req) => assignments.previewAssignment(db, actorOf(req), req.body));
  app.post('/api/billing/assignments', { schema: { tags, summary: '分配收费标准到房间 / 车位（有冲突 409）', body: ZAssignmentCreate, response: { 200: ZAssignmentPreview } }, config: standards_ },
    (req) => assignments.createAssignment(db, actorOf(req), req.body));
  app.post('/api/billing/assignments/:id/end', { schema: { tags, summary: '结束收费标准分配', params: ZIdParam, body: ZAssignmentEnd, response: { 200: ZAssignment } }, config: standards_ },
    (req) => assignments.endAssignment(db, actorOf(req), req.params.id, req.body));
  app.get('/api/rooms/:id/charge-assignments', { schema: { tags, summary: '房间的收费标准', params: ZIdParam, response: { 200: z.array(ZAssignment) } }, config: read },
    (req) => assignments.roomAssignments(db, actorOf(req), req.params.id));
  app.get('/api/parking-spaces/:id/charge-assignments', { schema: { tags, summary: '车位的收费标准', params: ZIdParam, response: { 200: z.array(ZAssignment) } }, config: read },
    (req) => assignments.spaceAssignments(db, actorOf(req), req.params.id));

  // TODO(idempotency): money movements should honour Idempotency-Key (docs/billing-plan.md)
  app.post('/api/billing/one-off-charges', { schema: { tags, summary: '登记临时收费（账单 + 应收记账）', body: ZOneOffChargeCreate, response: { 200: ZBill } }, config: charge },
    (req) => db.transaction((tx) => bills.createOneOffCharge(tx, actorOf(req), req.body)));
  app.get('/api/rooms/:id/bills', { schema: { tags, summary: '房间的账单（含明细，最新在前）', params: ZIdParam, response: { 200: z.array(ZBill) } }, config: read },
    (req) => bills.roomBills(db, actorOf(req), req.params.id));
  app.get('/api/rooms/:id/ledger', { schema: { tags, summary: '房间的台账（含应收余额）', params: ZIdParam, response: { 200: z.array(ZLedgerEntry) } }, config: read },
    (req) => bills.roomLedger(db, actorOf(req), req.params.id));
}
