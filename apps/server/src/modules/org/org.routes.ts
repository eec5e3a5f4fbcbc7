import { z } from 'zod';
import {
  ZIdParam, ZOk, ZPage, ZProject, ZProjectCreate, ZProjectUpdate, ZResetPassword, ZRole, ZRoleCreate, ZRoleUpdate,
  ZStaff, ZStaffCreate, ZStaffQuery, ZStaffUpdate, permissionGroups, platformOnlyPermissions,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as projects from './projects.service.ts';
import * as roles from './roles.service.ts';
import * as staff from './staff.service.ts';

export function orgRoutes(app: App, ctx: AppContext) {
  const t = (tag: string) => [tag];

  app.get('/api/projects', {
    schema: { tags: t('projects'), summary: '可见项目列表', response: { 200: z.array(ZProject) } },
    config: { access: { permission: 'org.project.read', scope: 'project' }, apiKey: true },
  }, (req) => projects.list(ctx, actorOf(req)));
  app.post('/api/projects', {
    schema: { tags: t('projects'), summary: '新建项目（总部）', body: ZProjectCreate, response: { 200: ZProject } },
    config: { access: { permission: 'org.project.manage', scope: 'company' } },
  }, (req) => projects.create(ctx, actorOf(req), req.body));
  app.get('/api/projects/:id', {
    schema: { tags: t('projects'), summary: '项目详情', params: ZIdParam, response: { 200: ZProject } },
    config: { access: { permission: 'org.project.read', scope: 'project' }, apiKey: true },
  }, (req) => projects.get(ctx, actorOf(req), req.params.id));
  app.patch('/api/projects/:id', {
    schema: { tags: t('projects'), summary: '修改项目', params: ZIdParam, body: ZProjectUpdate, response: { 200: ZProject } },
    config: { access: { permission: 'org.project.manage', scope: 'project' } },
  }, (req) => projects.update(ctx, actorOf(req), req.params.id, req.body));

  app.get('/api/permissions', {
    schema: { tags: t('roles'), summary: '权限代码目录', response: { 200: z.object({ groups: z.record(z.string(), z.array(z.string())) }) } },
    config: { access: { permission: 'org.role.read', scope: 'company' } },
  }, async () => ({
    groups: Object.fromEntries(Object.entries(permissionGroups)
      .map(([g, codes]) => [g, codes.filter((c) => !platformOnlyPermissions.includes(c))] as const)
      .filter(([, codes]) => codes.length > 0)),
  }));
  app.get('/api/roles', {
    schema: { tags: t('roles'), summary: '角色列表', response: { 200: z.array(ZRole) } },
    config: { access: { permission: 'org.role.read', scope: 'company' } },
  }, (req) => roles.list(ctx, actorOf(req)));
  app.post('/api/roles', {
    schema: { tags: t('roles'), summary: '新建自定义角色', body: ZRoleCreate, response: { 200: ZRole } },
    config: { access: { permission: 'org.role.manage', scope: 'company' } },
  }, (req) => roles.create(ctx, actorOf(req), req.body));
  app.get('/api/roles/:id', {
    schema: { tags: t('roles'), summary: '角色详情', params: ZIdParam, response: { 200: ZRole } },
    config: { access: { permission: 'org.role.read', scope: 'company' } },
  }, (req) => roles.get(ctx, actorOf(req), req.params.id));
  app.patch('/api/roles/:id', {
    schema: { tags: t('roles'), summary: '修改角色', params: ZIdParam, body: ZRoleUpdate, response: { 200: ZRole } },
    config: { access: { permission: 'org.role.manage', scope: 'company' } },
  }, (req) => roles.update(ctx, actorOf(req), req.params.id, req.body));
  app.delete('/api/roles/:id', {
    schema: { tags: t('roles'), summary: '删除自定义角色', params: ZIdParam, response: { 200: ZOk } },
    config: { access: { permission: 'org.role.manage', scope: 'company' } },
  }, async (req) => { await roles.remove(ctx, actorOf(req), req.params.id); return { ok: true as const }; });

  app.get('/api/staff', {
    schema: { tags: t('staff'), summary: '员工列表', querystring: ZStaffQuery, response: { 200: ZPage(ZStaff) } },
    config: { access: { permission: 'org.user.read', scope: 'project' } },
  }, (req) => staff.list(ctx, actorOf(req), req.query));
  app.post('/api/staff', {
    schema: { tags: t('staff'), summary: '新建员工账号', body: ZStaffCreate, response: { 200: ZStaff } },
    config: { access: { permission: 'org.user.manage', scope: 'project' } },
  }, (req) => staff.create(ctx, actorOf(req), req.body));
  app.get('/api/staff/:id', {
    schema: { tags: t('staff'), summary: '员工详情', params: ZIdParam, response: { 200: ZStaff } },
    config: { access: { permission: 'org.user.read', scope: 'project' } },
  }, (req) => staff.get(ctx, actorOf(req), req.params.id));
  app.patch('/api/staff/:id', {
    schema: { tags: t('staff'), summary: '修改员工、角色与项目分配', params: ZIdParam, body: ZStaffUpdate, response: { 200: ZStaff } },
    config: { access: { permission: 'org.user.manage', scope: 'project' } },
  }, (req) => staff.update(ctx, actorOf(req), req.params.id, req.body));
  app.post('/api/staff/:id/unlock', {
    schema: { tags: t('staff'), summary: '解锁账号', params: ZIdParam, response: { 200: ZStaff } },
    config: { access: { permission: 'org.user.manage', scope: 'project' } },
  }, (req) => staff.unlock(ctx, actorOf(req), req.params.id));
  app.post('/api/staff/:id/reset-password', {
    schema: { tags: t('staff'), summary: '重置密码（其会话立即失效）', params: ZIdParam, body: ZResetPassword, response: { 200: ZOk } },
    config: { access: { permission: 'org.user.manage', scope: 'project' } },
  }, async (req) => { await staff.resetPassword(ctx, actorOf(req), req.params.id, req.body); return { ok: true as const }; });
}
