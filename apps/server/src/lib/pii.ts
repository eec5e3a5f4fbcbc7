import type { Actor } from './actor.ts';

export const maskPhone = (p: string | null) => (p && p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p);

/** Phones are shown in full only to roles holding `pii.view` (PIPL minimum necessary). */
export const phoneFor = (actor: Actor, p: string | null) => (actor.permissions.has('pii.view') ? p : maskPhone(p));
