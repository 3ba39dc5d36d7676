/**
 * The CampaignLark routes Lark Admin serves under /v1, in both modes. Anything else under /v1
 * is answered 404 without reaching CampaignLark or the sandbox.
 */
export const API_ROUTES = [
  'GET /fields',
  'POST /fields',
  'PATCH /fields/:id',
  'DELETE /fields/:id',
  'POST /contacts',
  'PUT /contacts/:id',
  'POST /contacts/upsert',
  'POST /contacts/search',
  'GET /contacts/by-email',
  'POST /contacts/:id/tags/add',
  'POST /contacts/:id/tags/remove',
  'GET /tags',
  'POST /tags',
  'PATCH /tags/:id',
  'DELETE /tags/:id',
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];

export function splitRoute(route: ApiRoute): { method: string; path: string } {
  const [method, path] = route.split(' ') as [string, string];
  return { method, path };
}
