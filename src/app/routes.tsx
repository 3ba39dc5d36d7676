import type { QueryClient } from '@tanstack/react-query';
import { fieldQueries } from '../api/fields.ts';
import { statusQuery } from '../api/status.ts';
import { tagQueries } from '../api/tags.ts';
import type { Route } from '../lib/router/matching.ts';
import { NotFoundPage } from './route-error.tsx';

/**
 * Each page is its own chunk, loaded on first visit. What a page reads (the workspace mode, which
 * every page's banner and drafts need, and its lists) is requested alongside its code rather
 * than after it, so neither waits for the other.
 */
export function appRoutes(queryClient: QueryClient): Route[] {
  const reads = (lists: { fields?: true; tags?: true }) => () => {
    void queryClient.prefetchQuery(statusQuery());
    if (lists.fields) void queryClient.prefetchQuery(fieldQueries.all());
    if (lists.tags) void queryClient.prefetchQuery(tagQueries.all());
  };
  return [
    { path: '/', redirect: '/contacts' },
    { path: '/fields', lazy: () => import('../features/fields/fields-page.tsx').then((m) => m.FieldsPage), prefetch: reads({ fields: true }) },
    { path: '/fields/new', lazy: () => import('../features/fields/field-form-page.tsx').then((m) => m.FieldFormPage), prefetch: reads({ fields: true }) },
    { path: '/fields/:id/edit', lazy: () => import('../features/fields/field-form-page.tsx').then((m) => m.FieldFormPage), prefetch: reads({ fields: true }) },
    { path: '/contacts/new', lazy: () => import('../features/contacts/new-contact-page.tsx').then((m) => m.NewContactPage), prefetch: reads({ fields: true, tags: true }) },
    { path: '/contacts', lazy: () => import('../features/contacts/contacts-page.tsx').then((m) => m.ContactsPage), prefetch: reads({ fields: true, tags: true }) },
    { path: '/contacts/edit', lazy: () => import('../features/contacts/edit-contact-page.tsx').then((m) => m.EditContactPage), prefetch: reads({ fields: true, tags: true }) },
    { path: '/tags', lazy: () => import('../features/tags/tags-page.tsx').then((m) => m.TagsPage), prefetch: reads({ tags: true }) },
    { path: '*', Component: NotFoundPage },
  ];
}
