import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { registerFileOwner } from './owners.ts';
import { multipart } from '../../../test/xlsx.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
const c: Record<string, string> = {};
let jpeg: Buffer;
let gpsJpeg: Buffer;

// A resident-owned record type for the test: a resident may attach photos to their own user record.
registerFileOwner('test_self', {
  uploadPermission: 'resident.self',
  async read(_db, actor, ownerId) { return actor.userId === ownerId && actor.companyId ? { companyId: actor.companyId, projectId: null } : null; },
});

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  theirs = await createTenant(t);
  for (const r of ['hq_admin', 'project_manager', 'technician', 'resident']) c[r] = await login(t, ours.users[r]!.phone);
  c.theirs = await login(t, theirs.users.hq_admin!.phone);
  c.staffB = await login(t, ours.staffB.phone);
  jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
  gpsJpeg = await sharp(jpeg).withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } } as any).jpeg().toBuffer();
});
afterAll(async () => t?.close());

const upload = (cookie: string, ownerType: string, ownerId: string, name: string, content: Buffer) => {
  const m = multipart(name, content);
  return t.app.inject({ method: 'POST', url: `/api/files?ownerType=${ownerType}&ownerId=${ownerId}`, payload: m.payload, headers: { ...m.headers, cookie } });
};

describe('file storage', () => {
  it('stores a project drawing for HQ, serves it with a thumbnail, and refuses other scopes with 404', async () => {
    const res = await upload(c.hq_admin!, 'project', ours.projectA, '../../etc/总平面图.jpg', jpeg);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ kind: 'image', mime: 'image/jpeg', name: '总平面图.jpg', hasThumbnail: true });
    const dl = await t.app.inject({ method: 'GET', url: `/api/files/${f.id}`, headers: { cookie: c.project_manager! } });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(dl.rawPayload.equals(jpeg)).toBe(true);
    const thumb = await t.app.inject({ method: 'GET', url: `/api/files/${f.id}?thumb=1`, headers: { cookie: c.project_manager! } });
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    for (const who of ['staffB', 'theirs'] as const) {
      expect((await t.app.inject({ method: 'GET', url: `/api/files/${f.id}`, headers: { cookie: c[who]! } })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${f.id}` })).statusCode).toBe(401);
    const list = await t.app.inject({ method: 'GET', url: `/api/files?ownerType=project&ownerId=${ours.projectA}`, headers: { cookie: c.technician! } });
    expect(list.json().map((x: any) => x.id)).toEqual([f.id]);
  });

  it('needs the owner\'s upload permission and a record in scope', async () => {
    expect((await upload(c.technician!, 'project', ours.projectA, 'a.jpg', jpeg)).statusCode).toBe(403);
    expect((await upload(c.theirs!, 'project', ours.projectA, 'a.jpg', jpeg)).statusCode).toBe(404);
    expect((await upload(c.hq_admin!, 'nonsense', ours.projectA, 'a.jpg', jpeg)).statusCode).toBe(400);
  });

  it('judges the type by content: a text file named .jpg is 415, JSON instead of multipart is 415', async () => {
    const fake = await upload(c.hq_admin!, 'project', ours.projectA, 'photo.jpg', Buffer.from('<?php echo "hi"; ?>'));
    expect(fake.statusCode).toBe(415);
    const json = await t.app.inject({ method: 'POST', url: `/api/files?ownerType=project&ownerId=${ours.projectA}`, payload: { file: 'x' }, headers: { cookie: c.hq_admin! } });
    expect(json.statusCode).toBe(415);
    const count: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from files where name = 'photo.jpg'`);
    expect(Number(count.rows[0].n)).toBe(0);
  });

  it('refuses an oversized upload with 413', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, 0);
    jpeg.copy(big); // starts like a JPEG
    expect((await upload(c.hq_admin!, 'project', ours.projectA, 'big.jpg', big)).statusCode).toBe(413);
  });

  it('strips EXIF (GPS) from residents\' photos', async () => {
    expect((await sharp(gpsJpeg).metadata()).exif).toBeDefined();
    const res = await upload(c.resident!, 'test_self', ours.users.resident!.userId, 'leak.jpg', gpsJpeg);
    expect(res.statusCode).toBe(200);
    const dl = await t.app.inject({ method: 'GET', url: `/api/files/${res.json().id}`, headers: { cookie: c.resident! } });
    expect((await sharp(dl.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('lets a module store a file it generated with one call', async () => {
    const { saveFile } = await import('./files.service.ts');
    const { createStore } = await import('./files.routes.ts');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const f = await t.ctx.database.db.transaction((tx) => saveFile(tx, createStore(t.ctx), {
      companyId: ours.companyId, projectId: ours.projectA, ownerType: 'project', ownerId: ours.projectA, name: '收据.pdf', data: pdf,
    }));
    expect(f).toMatchObject({ mime: 'application/pdf', kind: 'document', name: '收据.pdf' });
    const dl = await t.app.inject({ method: 'GET', url: `/api/files/${f.id}`, headers: { cookie: c.project_manager! } });
    expect(dl.rawPayload.equals(pdf)).toBe(true);
  });

  it('issues short-lived signed links that refuse tampering', async () => {
    const f = (await upload(c.hq_admin!, 'project', ours.projectA, 'doc.jpg', jpeg)).json();
    const signed = (await t.app.inject({ method: 'POST', url: `/api/files/${f.id}/signed-url`, headers: { cookie: c.project_manager! } })).json();
    expect((await t.app.inject({ method: 'GET', url: signed.url })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: signed.url.replace('v=file', 'v=thumb') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: signed.url.replace(/exp=\d+/, 'exp=9999999999') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/files/${f.id}/signed-url`, headers: { cookie: c.theirs! } })).statusCode).toBe(404);
  });
});
