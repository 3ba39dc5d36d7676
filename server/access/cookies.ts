/** The session and sign-in cookies: HttpOnly, SameSite=Lax, and Secure (with the __Host- prefix) under TLS. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export interface CookieJar {
  get(c: Context): string | undefined;
  set(c: Context, value: string, maxAgeSeconds: number): void;
  clear(c: Context): void;
}

/** `secure`: the address people use is https, so the cookie never travels in clear text. */
export function cookieJar(name: string, secure: boolean, path = '/'): CookieJar {
  // __Host- binds the cookie to this exact origin: no subdomain can set or read it.
  const fullName = secure && path === '/' ? `__Host-${name}` : name;
  const options = { path, httpOnly: true, sameSite: 'Lax', secure } as const;
  return {
    get: (c) => getCookie(c, fullName),
    set: (c, value, maxAgeSeconds) => setCookie(c, fullName, value, { ...options, maxAge: maxAgeSeconds }),
    clear: (c) => deleteCookie(c, fullName, options),
  };
}
