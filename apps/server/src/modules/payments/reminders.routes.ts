import { z } from 'zod';
import {
  ZIdParam, ZOk, ZReminderBatch, ZReminderBatchResult, ZReminderNoticeQuery, ZReminderPage, ZReminderPreview, ZReminderQuery, ZReminderRule,
  ZReminderRuleCreate, ZReminderRuleList, ZReminderRuleQuery, ZReminderRuleUpdate, ZRoomReminders,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { sendPdf } from '../billing/statement.routes.ts';
import { idempotent } from '../idempotency/idempotency.ts';
import { exportNotice } from './reminder-notice.pdf.ts';
import { createRule, deleteRule, listReminders, listRules, previewBatch, roomReminders, sendBatch, updateRule } from './reminders.service.ts';

const tags = ['payments'];
const read = { access: { permission: 'payment.read', scope: 'project' } } as const;
const manage = { access: { permission: 'payment.reminder.manage', scope: 'project' } } as const;
const idemHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

/** 催缴: rules (the daily job applies them), manual batches, history, printed notices. */
export function reminderRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/api/payments/reminder-rules', {
    schema: { tags, summary: '催缴规则列表', querystring: ZReminderRuleQuery, response: { 200: ZReminderRuleList } }, config: manage,
  }, (req) => listRules(db, actorOf(req), req.query));
  app.post('/api/payments/reminder-rules', {
    schema: { tags, summary: '新建催缴规则（逾期天数、最低金额、重复间隔、渠道）', body: ZReminderRuleCreate, response: { 200: ZReminderRule } }, config: manage,
  }, (req) => db.transaction((tx) => createRule(tx, actorOf(req), req.body)));
  app.put('/api/payments/reminder-rules/:id', {
    schema: { tags, summary: '修改催缴规则（version 过期 409）', params: ZIdParam, body: ZReminderRuleUpdate, response: { 200: ZReminderRule } }, config: manage,
  }, (req) => db.transaction((tx) => updateRule(tx, actorOf(req), req.params.id, req.body)));
  app.delete('/api/payments/reminder-rules/:id', {
    schema: { tags, summary: '删除催缴规则（历史记录保留）', params: ZIdParam, response: { 200: ZOk } }, config: manage,
  }, (req) => db.transaction((tx) => deleteRule(tx, actorOf(req), req.params.id)));

  app.post('/api/payments/reminders/preview', {
    schema: { tags, summary: '预览手动催缴：将被催缴的房间与欠费（不写入）', body: ZReminderBatch, response: { 200: ZReminderPreview } }, config: manage,
  }, (req) => previewBatch(db, actorOf(req), req.body));
  app.post('/api/payments/reminders/batch', {
    schema: { tags, summary: '立即催缴（按项目 / 楼栋 / 房间；支持 Idempotency-Key）', headers: idemHeader, body: ZReminderBatch, response: { 200: ZReminderBatchResult } }, config: manage,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, (tx) => sendBatch(tx, ctx, actor, req.body));
  });
  app.get('/api/payments/reminders', {
    schema: { tags, summary: '催缴记录（按项目、房间、规则、批次、日期）', querystring: ZReminderQuery, response: { 200: ZReminderPage } }, config: read,
  }, (req) => listReminders(db, actorOf(req), req.query));
  app.get('/api/payments/reminders/notice.pdf', {
    schema: { tags, summary: '打印催缴通知单 PDF（每户一页）', querystring: ZReminderNoticeQuery }, config: manage,
  }, async (req, reply) => sendPdf(reply, await exportNotice(db, actorOf(req), req.query)));
  app.get('/api/rooms/:id/reminders', {
    schema: { tags, summary: '房间的催缴记录', params: ZIdParam, response: { 200: ZRoomReminders } }, config: read,
  }, (req) => roomReminders(db, actorOf(req), req.params.id));
}
