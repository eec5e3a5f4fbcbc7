/** Matrix fixtures (path ids per target) and bodies (valid writes) for the work-order sla routes; see world.ts. */
type Target = 'own' | 'otherProject' | 'otherCompany';
export const fixtures: Record<string, { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown }> = {};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {};
