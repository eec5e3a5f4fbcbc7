/** Matrix fixtures (path ids per target) and bodies (valid writes) for the work-order sla routes; see world.ts. */
type Target = 'own' | 'otherProject' | 'otherCompany';
/** a calendar day is the company's own by construction: no other project's or company's day to reach */
const ownDay = (_w: any, t: Target) => (t === 'own' ? '2030-01-02' : null);
export const fixtures: Record<string, { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown }> = {
  '/api/work-orders/calendar/days/:day': { id: ownDay },
};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'PUT /api/work-orders/calendar/days/:day': () => ({ kind: 'holiday', note: '矩阵' }),
};
