import type { FastifyRequest } from './http.ts';

/**
 * The origin residents and providers reach this server at: PUBLIC_URL when set (a QR printed, or a
 * notify URL registered, from an internal address must still work outside), else the request's own.
 */
export const publicOrigin = (publicUrl: string | undefined, req: FastifyRequest) =>
  (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
