/** Signs in through the real login route (argon2 and all) and returns the `sid=<token>` cookie header. */
export async function login(base: string, account: { login: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: account.login, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`login ${account.login}: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().map((c) => /^sid=([^;]*)/.exec(c)?.[1]).find(Boolean);
  if (!sid) throw new Error(`login ${account.login} answered 200 without a sid cookie`);
  return `sid=${sid}`;
}
