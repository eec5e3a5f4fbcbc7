import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, type Tenant } from '../../../test/factories.ts';
import { multipart } from '../../../test/xlsx.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
const c: Record<string, string> = {};
let roomIds: string[] = [];
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const post = (url: string, payload: object, who = 'project_manager') => t.app.inject({ method: 'POST', url, headers: { cookie: c[who]! }, payload });
const get = (url: string, who = 'project_manager') => t.app.inject({ method: 'GET', url, headers: { cookie: c[who]! } });
const uploadTo = (who: string, ownerType: string, ownerId: string, name: string, content: Buffer) => {
  const m = multipart(name, content);
  return t.app.inject({ method: 'POST', url: `/api/files?ownerType=${ownerType}&ownerId=${ownerId}`, payload: m.payload, headers: { ...m.headers, cookie: c[who]! } });
};
const upload = (who: string, roomId: string, name: string, content: Buffer) => uploadTo(who, 'room', roomId, name, content);
const person = async (name: string) => (await post('/api/persons', { name })).json().id as string;

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  theirs = await createTenant(t);
  for (const r of ['project_manager', 'cashier', 'hq_admin', 'resident']) c[r] = await login(t, ours.users[r]!.phone);
  const pmB = await createUser(t);
  await addMember(t, ours.companyId, pmB.userId, 'project_manager', [ours.projectB]);
  c.pmB = await login(t, pmB.phone);
  c.theirs = await login(t, theirs.users.hq_admin!.phone);
  const g = await post(`/api/projects/${ours.projectA}/buildings/generate`, { code: '6', name: '6号楼', units: 1, floors: 1, roomsPerFloor: 2, areas: [{ buildingArea: 90 }, { buildingArea: 90 }] });
  roomIds = (await get(`/api/rooms?buildingId=${g.json().buildingId}`)).json().items.map((r: any) => r.id as string);
});
afterAll(async () => t?.close());

describe('a room\'s documents', () => {
  it('pm uploads a PDF to a room and lists it; other projects, companies and residents get 404', async () => {
    const res = await upload('project_manager', roomIds[0]!, '买卖合同.pdf', pdf);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ ownerType: 'room', ownerId: roomIds[0], kind: 'document', mime: 'application/pdf', name: '买卖合同.pdf', hasThumbnail: false });
    expect((await get(`/api/files?ownerType=room&ownerId=${roomIds[0]}`)).json().map((x: any) => x.id)).toEqual([f.id]);
    expect((await get(`/api/files?ownerType=room&ownerId=${roomIds[1]}`)).json()).toEqual([]);
    const dl = await get(`/api/files/${f.id}?download=1`, 'hq_admin');
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    for (const who of ['pmB', 'theirs', 'resident']) {
      expect((await get(`/api/files?ownerType=room&ownerId=${roomIds[0]}`, who)).statusCode).toBe(404);
      expect((await get(`/api/files/${f.id}`, who)).statusCode).toBe(404);
      expect((await upload(who, roomIds[0]!, 'x.pdf', pdf)).statusCode).toBe(404);
    }
  });

  it('a cashier sees the room but neither uploads nor opens its documents (identity papers)', async () => {
    expect((await get(`/api/rooms/${roomIds[0]}`, 'cashier')).statusCode).toBe(200);
    expect((await upload('cashier', roomIds[0]!, '身份证.pdf', pdf)).statusCode).toBe(403);
    expect((await get(`/api/files?ownerType=room&ownerId=${roomIds[0]}`, 'cashier')).statusCode).toBe(403);
    const [f] = (await get(`/api/files?ownerType=room&ownerId=${roomIds[0]}`)).json();
    expect((await get(`/api/files/${f.id}`, 'cashier')).statusCode).toBe(403);
  });

  it('drops the location from a photo of a paper, whoever takes it', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#eee' } }).jpeg().toBuffer();
    const gps = await sharp(jpeg).withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } } as any).jpeg().toBuffer();
    const res = await upload('project_manager', roomIds[1]!, '产权证.jpg', gps);
    expect(res.json()).toMatchObject({ kind: 'image', hasThumbnail: true });
    const stored = await get(`/api/files/${res.json().id}`);
    expect((await sharp(stored.rawPayload).metadata()).exif).toBeUndefined();
  });
});

describe('过户 with documents', () => {
  it('records the room\'s files in the transfer\'s audit entry and refuses files of anything else', async () => {
    const room = roomIds[0]!;
    const seller = await person('卖方业主');
    const buyer = await person('买方业主');
    expect((await post(`/api/rooms/${room}/residents`, { personId: seller, relation: 'owner', shareBp: 10000, validFrom: '2025-01-01' })).statusCode).toBe(200);
    const deed = (await upload('project_manager', room, '不动产权证.pdf', pdf)).json().id as string;
    const [contract] = (await get(`/api/files?ownerType=room&ownerId=${room}`)).json().map((f: any) => f.id as string);
    const otherRoom = (await get(`/api/files?ownerType=room&ownerId=${roomIds[1]}`)).json()[0].id as string;
    const projectFile = (await uploadTo('hq_admin', 'project', ours.projectA, '总图.pdf', pdf)).json().id as string;
    const body = (fileIds: string[]) => ({ date: '2026-05-01', owners: [{ personId: buyer, shareBp: 10000 }], note: '二手房买卖', fileIds });

    for (const wrong of [[deed, otherRoom], [projectFile], ['00000000-0000-7000-8000-000000000000']]) {
      const res = await post(`/api/rooms/${room}/transfer`, body(wrong));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.fileIds', missing: wrong.filter((id) => id !== deed) })]);
    }
    const dup = await post(`/api/rooms/${room}/transfer`, body([deed, deed]));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].path).toMatch(/^body\.fileIds/);
    expect((await post(`/api/rooms/${room}/transfer`, body(Array.from({ length: 21 }, () => deed)))).statusCode).toBe(400);
    // nothing changed hands while refused
    const owners = (await get(`/api/rooms/${room}/residents`)).json().filter((r: any) => r.validTo == null).map((r: any) => r.name);
    expect(owners).toEqual(['卖方业主']);

    const res = await post(`/api/rooms/${room}/transfer`, body([contract!, deed]));
    expect(res.statusCode).toBe(200);
    const audit = (await get(`/api/audit-logs?entityId=${room}&action=resident.ownership_transferred`, 'hq_admin')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ fileIds: [contract, deed], date: '2026-05-01', note: '二手房买卖' });

    // without documents the entry says so
    const next = await person('再转业主');
    expect((await post(`/api/rooms/${roomIds[1]}/transfer`, { date: '2026-05-01', owners: [{ personId: next, shareBp: 10000 }] })).statusCode).toBe(200);
    const plain = (await get(`/api/audit-logs?entityId=${roomIds[1]}&action=resident.ownership_transferred`, 'hq_admin')).json().items;
    expect(plain[0].after.fileIds).toEqual([]);
  });
});
