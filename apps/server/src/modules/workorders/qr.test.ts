import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildings, rooms } from '../estate/estate.table.ts';
import { woWorld, type WoWorld } from './test-kit.ts';

let t: TestApp;
let w: WoWorld;
let otherProjectRoom: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
  const db = t.ctx.database.db;
  const [b] = await db.insert(buildings).values({ companyId: w.tenant.companyId, projectId: w.tenant.projectB, code: 'B', name: 'B栋' }).returning();
  const [r] = await db.insert(rooms).values({ companyId: w.tenant.companyId, projectId: w.tenant.projectB, buildingId: b!.id, floor: 1, number: 9, code: 'B-019', buildingArea: 8000 }).returning();
  otherProjectRoom = r!.id;
});
afterAll(async () => t?.close());

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('报事二维码', () => {
  it('a room code is a PNG for staff of its project', async () => {
    for (const as of [w.as.desk, w.as.pm, w.as.hq, w.as.tech]) {
      const r = await as('GET', `/api/work-orders/qr/rooms/${w.roomIds[0]}.png`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toBe('image/png');
      expect([...r.rawPayload.subarray(0, 8)]).toEqual(PNG);
      expect(r.rawPayload.length).toBeGreaterThan(500);
    }
  });

  it('a facility code is a PNG too', async () => {
    const r = await w.as.desk('GET', `/api/work-orders/qr/facilities/${w.facilityId}.png`);
    expect(r.statusCode, r.body).toBe(200);
    expect([...r.rawPayload.subarray(0, 8)]).toEqual(PNG);
  });

  it('another project\'s room, an unknown id and a resident get nothing', async () => {
    expect((await w.as.desk('GET', `/api/work-orders/qr/rooms/${otherProjectRoom}.png`)).statusCode).toBe(404);
    expect((await w.as.hq('GET', `/api/work-orders/qr/rooms/${otherProjectRoom}.png`)).statusCode).toBe(200);
    expect((await w.as.desk('GET', '/api/work-orders/qr/rooms/0190a0b0-0000-7000-8000-000000000000.png')).statusCode).toBe(404);
    expect((await w.as.desk('GET', '/api/work-orders/qr/facilities/0190a0b0-0000-7000-8000-000000000000.png')).statusCode).toBe(404);
    expect((await w.as.resident('GET', `/api/work-orders/qr/rooms/${w.roomIds[0]}.png`)).statusCode).toBe(403);
    expect((await w.as.desk('GET', '/api/work-orders/qr/rooms/not-an-id.png')).statusCode).toBe(400);
  });

  it('the code opens the resident report form, from PUBLIC_URL when set', async () => {
    const { reportUrl } = await import('./qr.routes.ts');
    const req = { protocol: 'http', host: 'wuye.test:3000' } as never;
    expect(reportUrl(undefined, req, 'room=x')).toBe('http://wuye.test:3000/m/resident/#/report?room=x');
    expect(reportUrl('https://wy.example.com/', req, 'facility=f&project=p')).toBe('https://wy.example.com/m/resident/#/report?facility=f&project=p');
  });
});
