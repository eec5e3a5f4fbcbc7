import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isUnauthenticated, useMe } from './auth.ts';
import { errorText } from './errors.ts';
import type { Me } from './types.ts';

interface Props {
  loginPath: string;
  children: (me: Me) => ReactNode;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Renders its children with the signed-in user, or sends the visitor to the login page. */
export function RequireAuth({ loginPath, children }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.data) return <>{children(me.data)}</>;
  if (me.isPending) return <FullPageSpin />;
  if (isUnauthenticated(me.error)) {
    const here = location.pathname + location.search;
    const next = here && here !== '/' ? `?next=${encodeURIComponent(here)}` : '';
    return <Navigate to={`${loginPath}${next}`} replace />;
  }
  return (
    <Result
      status="error"
      title={errorText(t, me.error)}
      extra={<Button onClick={() => void me.refetch()}>{t('common.refresh')}</Button>}
    />
  );
}

/** Where to go after signing in: the `next` query parameter when it is a local path. */
export function nextPath(search: string, fallback = '/'): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/** For a login page: where to go once signed in, whether the visitor already is, and the way there. */
export function useLoginDestination() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const me = useMe();
  const next = nextPath(search);
  return { next, signedIn: !!me.data, go: () => void navigate(next, { replace: true }) };
}
