import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useMe } from '../api/me.ts';
import { Button } from '../components/ui/button.tsx';
import { ROLE_NAMES } from '../contract/access.ts';
import { leaveSignedOut, onSignedOutElsewhere } from './signed-out-channel.ts';

const OUTDATED = 'its code could not be loaded (the page may be older than the server). Reload it, then sign out.';

// A tab open across an update asks for code the server no longer has: it says so, in place.
type SignOutProps = { onEnd: (problem?: string) => void };
const SignOut = lazy<ComponentType<SignOutProps>>(() =>
  import('./sign-out.tsx').catch(() => ({
    default: function Outdated({ onEnd }: SignOutProps) {
      useEffect(() => onEnd(OUTDATED), [onEnd]);
      return null;
    },
  })),
);

/** Who is signed in, with their role, and (with sign-in for teams) the way out. */
export function PersonMenu() {
  const me = useMe();
  const [signingOut, setSigningOut] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const teams = me?.signIn === 'oidc';
  useEffect(() => (teams ? onSignedOutElsewhere(() => void leaveSignedOut()) : undefined), [teams]);
  if (!me) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span>
        <span className="font-medium">{me.name}</span>{' '}
        <span className="text-slate-600 dark:text-slate-400">({ROLE_NAMES[me.role]})</span>
      </span>
      {teams && (
        <Button
          onClick={() => {
            setProblem(null);
            setSigningOut(true);
          }}
        >
          Sign out
        </Button>
      )}
      {signingOut && (
        <Suspense fallback={null}>
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
