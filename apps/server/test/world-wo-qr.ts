/** Matrix fixtures (path ids per target) and bodies (valid writes) for the work-order qr routes; see world.ts. */
type Target = 'own' | 'otherProject' | 'otherCompany';
export const fixtures: Record<string, { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown }> = {
  // the matrix fills `:id` and keeps the `.png` after it
  '/api/work-orders/qr/rooms/:id.png': { id: (w, t) => w.rooms[t].roomId },
  '/api/work-orders/qr/facilities/:id.png': { id: (w, t) => w.rooms[t].facilityId },
};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {};
