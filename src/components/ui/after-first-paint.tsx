/**
 * Shows `fallback` first and `children` (a lazy component, say) from the next render on, so the
 * page paints without waiting for their code: what a page shows at once stays light, and the
 * heavier input arrives a moment later.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';

export function AfterFirstPaint({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
