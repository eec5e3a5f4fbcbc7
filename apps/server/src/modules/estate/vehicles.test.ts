import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
beforeAll(async () => { t = await startTestApp(); ours = await createTenant(t); pm = await login(t, ours.users.project_manager!.phone); });
afterAll(async () => t?.close());

const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/vehicles', headers: { cookie: pm }, payload });

describe('vehicles', () => {
  it('registers ordinary and new-energy plates, normalised to upper case, unique per project', async () => {
    expect((await post({ projectId: ours.projectA, plate: '粤bd12345', brand: '比亚迪' })).json()).toMatchObject({ plate: '粤BD12345', brand: '比亚迪' });
    expect((await post({ projectId: ours.projectA, plate: '京A12345' })).statusCode).toBe(200);
    expect((await post({ projectId: ours.projectA, plate: '京A12345' })).statusCode).toBe(409);
    const bad = await post({ projectId: ours.projectA, plate: '京I1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.plate');
    const list = (await t.app.inject({ method: 'GET', url: '/api/vehicles?plate=bd1', headers: { cookie: pm } })).json();
    expect(list.items.map((v: any) => v.plate)).toEqual(['粤BD12345']);
  });

  it('shows the owner, room and parking space codes on create, update and in the list', async () => {
    const as = (method: string, url: string, payload?: object) => t.app.inject({ method: method as any, url, headers: { cookie: pm }, payload: payload as any });
    await as('POST', `/api/projects/${ours.projectA}/buildings/generate`,
      { code: 'V', name: 'V栋', units: 1, floors: 1, roomsPerFloor: 2, areas: [{ buildingArea: 90 }, { buildingArea: 90 }] });
    const rooms = (await as('GET', `/api/rooms?projectId=${ours.projectA}&q=V-1-01`)).json().items;
    const space = (await as('POST', '/api/parking-spaces', { projectId: ours.projectA, code: 'B1-088', type: 'owned', roomId: rooms[0].id })).json();
    const person = (await as('POST', '/api/persons', { name: '车主老孙', phone: '13755550001' })).json();
    const created = await as('POST', '/api/vehicles', { projectId: ours.projectA, plate: '沪C66666', personId: person.id, roomId: rooms[0].id, parkingSpaceId: space.id });
    expect(created.json()).toMatchObject({ personName: '车主老孙', roomId: rooms[0].id, roomCode: 'V-1-0101', parkingSpaceId: space.id, parkingCode: 'B1-088' });
    const moved = await as('PATCH', `/api/vehicles/${created.json().id}`, { version: 1, roomId: rooms[1].id, parkingSpaceId: null });
    expect(moved.json()).toMatchObject({ version: 2, personName: '车主老孙', roomCode: 'V-1-0102', parkingSpaceId: null, parkingCode: null });
    const list = (await as('GET', '/api/vehicles?plate=C666')).json();
    expect(list.items).toMatchObject([{ plate: '沪C66666', personName: '车主老孙', roomCode: 'V-1-0102', parkingCode: null }]);
    // a vehicle with nothing linked lists with empty codes
    expect((await as('GET', '/api/vehicles?plate=A12345')).json().items).toMatchObject([{ personName: null, roomCode: null, parkingCode: null }]);
  });
});
