import { useState } from 'react';
import * as z from 'zod/mini';
import { request } from '../api/client.ts';
import { useMe } from '../api/me.ts';
import { Button } from '../components/ui/button.tsx';
import { ROLE_NAMES } from '../contract/access.ts';

/** Who is signed in, with their role, and (with sign-in for teams) the way out. */
export function PersonMenu() {
  const me = useMe();
  const [problem, setProblem] = useState<string | null>(null);
  if (!me) return null;
  async function signOut() {
    setProblem(null);
    try {
      await request('/auth/logout', { method: 'POST', schema: z.string() });
      window.location.assign('/auth/signed-out');
    } catch (error) {
      setProblem(`Signing out failed: ${(error as Error).message}`);
    }
  }
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span>
        <span className="font-medium">{me.name}</span>{' '}
        <span className="text-slate-600 dark:text-slate-400">({ROLE_NAMES[me.role]})</span>
      </span>
      {me.signIn === 'oidc' && <Button onClick={() => void signOut()}>Sign out</Button>}
      {problem && <span role="alert">{problem}</span>}
    </div>
  );
}
