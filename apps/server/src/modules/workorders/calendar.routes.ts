import { ZCalendarDay, ZCalendarDayParam, ZCalendarDayUpdate, ZCalendarQuery, ZCalendarYearView, ZOk } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { calendarYear, clearCalendarDay, setCalendarDay } from './calendar.service.ts';

const tags = ['workorders'];
const read = { access: { permission: 'workorder.read', scope: 'company' } } as const;
const manage = { access: { permission: 'workorder.config.manage', scope: 'company' } } as const;

/** 工作日历（法定节假日与调休，总部可修正）: the calendar business-hour SLAs count on. */
export function workOrderCalendarRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/work-orders/calendar', {
    schema: { tags, summary: '工作日历：一年中的法定节假日、调休上班日与总部修正（及节假日库是否已收录该年）', querystring: ZCalendarQuery, response: { 200: ZCalendarYearView } }, config: read,
  }, (req) => calendarYear(db, actorOf(req), req.query.year));
  app.put('/api/work-orders/calendar/days/:day', {
    schema: { tags, summary: '总部修正某一天（上班 / 休息）', params: ZCalendarDayParam, body: ZCalendarDayUpdate, response: { 200: ZCalendarDay } }, config: manage,
  }, (req) => setCalendarDay(db, actorOf(req), req.params.day, req.body));
  app.delete('/api/work-orders/calendar/days/:day', {
    schema: { tags, summary: '撤销某一天的修正（恢复节假日库 / 周一至周五）', params: ZCalendarDayParam, response: { 200: ZOk } }, config: manage,
  }, (req) => clearCalendarDay(db, actorOf(req), req.params.day));
}
