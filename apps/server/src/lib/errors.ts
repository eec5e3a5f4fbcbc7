import type { ErrorCode } from '@wuye/shared';

/** The one error type routes and services throw; the error plugin turns it into the body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', 400, message, details);
export const notFound = (what = '资源') => new AppError('not_found', 404, `${what}不存在或无权访问`);
export const forbidden = (message = '没有执行此操作的权限') => new AppError('forbidden', 403, message);
export const unauthenticated = (message = '请先登录') => new AppError('unauthenticated', 401, message);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', 409, message, details);
export const duplicate = (message: string, details?: unknown) => new AppError('duplicate', 409, message, details);
export const staleVersion = () =>
  new AppError('stale_version', 409, '数据已被他人修改，请刷新后重试 (stale version)');
