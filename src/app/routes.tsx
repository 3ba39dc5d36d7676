import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { fieldQueries } from '../api/fields.ts';
import { meQuery } from '../api/me.ts';
import type { FirstRead } from '../api/read-urls.ts';
import { statusQuery } from '../api/status.ts';
import { tagQueries } from '../api/tags.ts';
import type { Route } from '../lib/router/matching.ts';
import { HOME, PAGES } from './pages.ts';
import { NotFoundPage } from './route-error.tsx';

/** Every page module, each its own chunk, fetched on first visit. */
const pageModules = import.meta.glob<Record<string, ComponentType>>('../features/*/*-page.tsx');

/**
 * The routes, from the page table. What a page reads first is requested alongside its code rather
 * than after it, so neither waits for the other (and the server names both in the page's HTML).
 */
export function appRoutes(queryClient: QueryClient): Route[] {
  const queries: Record<FirstRead, () => Promise<unknown>> = {
    status: () => queryClient.prefetchQuery(statusQuery()),
    me: () => queryClient.prefetchQuery(meQuery()),
    fields: () => queryClient.prefetchQuery(fieldQueries.all()),
    tags: () => queryClient.prefetchQuery(tagQueries.all()),
  };
  return [
    { path: '/', redirect: HOME },
    ...PAGES.map((page): Route => ({
      path: page.path,
      lazy: () => pageModules[`../${page.module.replace(/^src\//, '')}`]!().then((module) => module[page.component]!),
      prefetch: () => page.reads.forEach((read) => void queries[read]()),
    })),
    { path: '*', Component: NotFoundPage },
  ];
}
