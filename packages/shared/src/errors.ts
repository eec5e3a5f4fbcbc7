/** Machine-readable error codes shared by the server and the clients. */
export const errorCodes = [
  'bad_request', 'validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict',
  'stale_version', 'duplicate', 'illegal_transition', 'payload_too_large', 'unsupported_media_type',
  'idempotency_mismatch', 'idempotency_in_progress', 'service_unavailable', 'throttled', 'captcha_required', 'account_locked', 'invalid_credentials',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
