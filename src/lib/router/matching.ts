/** The route table, and which route a path is. */
import type { ComponentType } from 'react';

export interface Route {
  /** '/contacts', '/fields/:id/edit'; '*' takes any path no other route matches. */
  path: string;
  /** A page at hand, or */
  Component?: ComponentType;
  /** one whose code is fetched on first visit, or */
  lazy?: () => Promise<ComponentType>;
  /** another address to go to instead. */
  redirect?: string;
  /** Starts fetching what the page reads, on each visit, while its code loads. */
  prefetch?: () => void;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function match(
  routes: readonly Route[],
  pathname: string,
): { route: Route; params: Record<string, string> } | null {
  const segments = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, n) => {
      if (part.startsWith(':')) return (params[part.slice(1)] = decodeSegment(segments[n]!)) !== '';
      return part === segments[n];
    });
    if (fits) return { route, params };
  }
  const fallback = routes.find((route) => route.path === '*');
  return fallback ? { route: fallback, params: {} } : null;
}
