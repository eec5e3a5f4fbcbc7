import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, type Actor } from '../../lib/actor.ts';
import { projects } from '../org/org.table.ts';

export interface OwnerScope { companyId: string; projectId: string | null }

/**
 * Files belong to a record; the record's module says who may attach to it and who may read it.
 * Modules register their owner types (work orders, rooms, equipment …); unknown types are refused.
 */
export interface FileOwnerType {
  /** the owning record's company/project if the actor may READ it, else null (→ 404) */
  read(db: Executor, actor: Actor, ownerId: string): Promise<OwnerScope | null>;
  /** permission needed to attach a file to it */
  uploadPermission: string;
  /** residents' photos lose their EXIF (GPS) before storage */
  stripMetadata?: (actor: Actor) => boolean;
  /** only images (photos) may be attached: anything else is a 415 before it is stored */
  imagesOnly?: boolean;
}

export const fileOwners = new Map<string, FileOwnerType>();
export const registerFileOwner = (type: string, def: FileOwnerType) => fileOwners.set(type, def);

registerFileOwner('project', {
  uploadPermission: 'org.project.manage',
  async read(db, actor, ownerId) {
    if (!actor.companyId || !canSeeProject(actor, ownerId)) return null;
    const [p] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.companyId, actor.companyId), eq(projects.id, ownerId)));
    return p ? { companyId: actor.companyId, projectId: p.id } : null;
  },
});
