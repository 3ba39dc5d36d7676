/**
 * The CampaignLark routes Lark Admin serves under /v1, in both modes, with the shape each path
 * parameter must have and the query parameters each route takes. Anything else under /v1 is
 * answered 404 without reaching CampaignLark or the sandbox, and a forwarded request's URL is
 * built only from these validated parts: an encoded slash or dot never reaches CampaignLark.
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

/** Field and tag ids are positive integers; contact ids are 24 hexadecimal characters (the contract). */
const ID_SHAPE = { fields: '[1-9][0-9]{0,15}', tags: '[1-9][0-9]{0,15}', contacts: '[0-9a-fA-F]{24}' } as const;

const QUERY_PARAMETERS: Partial<Record<ApiRoute, readonly string[]>> = {
  'GET /contacts/by-email': ['email'],
  'GET /tags': ['page', 'limit'],
};

interface RouteParts {
  method: string;
  /** The route's path as the contract writes it: `/fields/:id`. */
  path: string;
  /** The same path for the router, each parameter held to its shape: `/fields/:id{[1-9][0-9]{0,15}}`. */
  pattern: string;
}

export function splitRoute(route: ApiRoute): RouteParts {
  const [method, path] = route.split(' ') as [string, string];
  const resource = path.split('/')[1] as keyof typeof ID_SHAPE;
  return { method, path, pattern: path.replace(':id', `:id{${ID_SHAPE[resource]}}`) };
}

/** The path and query to send on, from the route, its validated id and only the query parameters it takes. */
export function forwardedPath(
  route: ApiRoute,
  id: string | undefined,
  query: (name: string) => string | undefined,
): string {
  const { path } = splitRoute(route);
  const filled = id === undefined ? path : path.replace(':id', encodeURIComponent(id));
  const search = new URLSearchParams();
  for (const name of QUERY_PARAMETERS[route] ?? []) {
    const value = query(name);
    if (value !== undefined) search.set(name, value);
  }
  const text = search.toString();
  return text === '' ? filled : `${filled}?${text}`;
}
