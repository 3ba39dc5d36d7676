import { lazy, Suspense, useState } from 'react';
import { useMe } from '../api/me.ts';
import { Button } from '../components/ui/button.tsx';
import { ROLE_NAMES } from '../contract/access.ts';

const SignOut = lazy(() => import('./sign-out.tsx'));

/** Who is signed in, with their role, and (with sign-in for teams) the way out. */
export function PersonMenu() {
  const me = useMe();
  const [signingOut, setSigningOut] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!me) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span>
        <span className="font-medium">{me.name}</span>{' '}
        <span className="text-slate-600 dark:text-slate-400">({ROLE_NAMES[me.role]})</span>
      </span>
      {me.signIn === 'oidc' && (
        <Button
          disabled={signingOut}
          onClick={() => {
            setProblem(null);
            setSigningOut(true);
          }}
        >
          Sign out
        </Button>
      )}
      {signingOut && (
        <Suspense fallback={<span role="status">Signing out…</span>}>
          <SignOut
            onEnd={(failed) => {
              setSigningOut(false);
              setProblem(failed ?? null);
            }}
          />
        </Suspense>
      )}
      {problem && <span role="alert">Signing out failed: {problem}</span>}
    </div>
  );
}
