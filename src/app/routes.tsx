import type { QueryClient } from '@tanstack/react-query';
import { fieldQueries } from '../api/fields.ts';
import { statusQuery } from '../api/status.ts';
import { tagQueries } from '../api/tags.ts';
import type { Route } from '../lib/router.tsx';
import { NotFoundPage } from './route-error.tsx';

/**
 * Each page is its own chunk, loaded on first visit. What a page reads (the workspace mode, which
 * every page's banner and drafts need, and its lists) is requested alongside its code rather
 * than after it, so neither waits for the other.
 */
export function appRoutes(queryClient: QueryClient): Route[] {
  const alongside = <T,>(page: Promise<T>, lists: { fields?: true; tags?: true }) => {
    void queryClient.prefetchQuery(statusQuery());
    if (lists.fields) void queryClient.prefetchQuery(fieldQueries.all());
    if (lists.tags) void queryClient.prefetchQuery(tagQueries.all());
    return page;
  };
  return [
    { path: '/', redirect: '/contacts' },
    { path: '/fields', lazy: () => alongside(import('../features/fields/fields-page.tsx'), { fields: true }).then((m) => m.FieldsPage) },
    { path: '/fields/new', lazy: () => alongside(import('../features/fields/field-form-page.tsx'), { fields: true }).then((m) => m.FieldFormPage) },
    { path: '/fields/:id/edit', lazy: () => alongside(import('../features/fields/field-form-page.tsx'), { fields: true }).then((m) => m.FieldFormPage) },
    { path: '/contacts/new', lazy: () => alongside(import('../features/contacts/new-contact-page.tsx'), { fields: true, tags: true }).then((m) => m.NewContactPage) },
    { path: '/contacts', lazy: () => alongside(import('../features/contacts/contacts-page.tsx'), { fields: true, tags: true }).then((m) => m.ContactsPage) },
    { path: '/contacts/edit', lazy: () => alongside(import('../features/contacts/edit-contact-page.tsx'), { fields: true, tags: true }).then((m) => m.EditContactPage) },
    { path: '/tags', lazy: () => alongside(import('../features/tags/tags-page.tsx'), { tags: true }).then((m) => m.TagsPage) },
    { path: '*', Component: NotFoundPage },
  ];
}
