import type { FastifyInstance, FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';

interface PgLikeError { code?: string; constraint?: string; detail?: string; cause?: unknown }

function pgError(err: unknown): PgLikeError | null {
  for (let e: any = err, i = 0; e && i < 4; e = e.cause, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return null;
}

/** Maps everything a client can provoke to a 4xx body; only our own bugs become a 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const details = fe.validation.map((v: any) => ({
      path: [fe.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
      message: v.message,
    }));
    return new AppError('validation_failed', 400, '请求参数不合法：' + details.map((d) => d.path).join(', '), details);
  }
  if (!isResponseSerializationError(fe)) {
    switch (fe.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return new AppError('bad_request', 400, '请求体不是合法的 JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return new AppError('payload_too_large', 413, '请求体过大');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return new AppError('unsupported_media_type', 415, '不支持的内容类型');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return new AppError('bad_request', 400, 'Content-Length 不正确');
    }
    if (err instanceof SyntaxError) return new AppError('bad_request', 400, '请求体不是合法的 JSON');
    const pg = pgError(err);
    if (pg) {
      switch (pg.code) {
        case '23505': return new AppError('duplicate', 409, '记录已存在（唯一性冲突）', { constraint: pg.constraint });
        case '23503': return new AppError('bad_request', 400, '引用的记录不存在', { constraint: pg.constraint });
        // the ledger trigger refusing an entry dated in a closed month (关账, migration 0018)
        case '23514':
          if (pg.constraint === 'ledger_entries_period_closed') {
            return new AppError('conflict', 409, '该月份已关账，不能再记账（更正请记在未关账的月份）', { constraint: pg.constraint });
          }
          break;
        case '22P02': case '22001': case '22003': case '22007': case '22008': case '22021': case '22025': case '54000':
          return new AppError('bad_request', 400, '参数格式或范围不正确');
        case '40001': case '40P01': return new AppError('conflict', 409, '并发冲突，请重试');
      }
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return new AppError(fe.statusCode === 429 ? 'throttled' : 'bad_request', fe.statusCode, fe.message);
    }
  }
  return new AppError('internal', 500, '服务器内部错误');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) req.log.error({ err }, 'unhandled error');
    else if (e.code === 'bad_request' && !(err instanceof AppError)) req.log.info({ err: (err as Error).message }, 'client error');
    if (e.headers) reply.headers(e.headers);
    const body: any = { error: { code: e.code, message: e.message } };
    if (e.details !== undefined) body.error.details = e.details;
    reply.status(e.status).type('application/json').send(JSON.stringify(body));
  });
}
