import { useEffect, useRef } from 'react';

/**
 * Typed filter text reaches the URL, and so the API, only after a 300 ms pause, and in place of
 * the last entry: one search per pause, not one per keystroke.
 */
export function useCommitAfterPause(typed: string, committed: string, commit: (text: string) => void) {
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  useEffect(() => {
    if (typed === committed) return;
    const timer = setTimeout(() => latestCommit.current(typed), 300);
    return () => clearTimeout(timer);
  }, [typed, committed]);
}
