/**
 * Saved views of the contacts list: a name and the list's address query, kept in DATA_DIR
 * (views.json) so every admin of the workspace sees them. A small file written whole, through a
 * temporary file and a rename, so a crash leaves the old list or the new one, never half of one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { refusal } from './security.ts';

export interface SavedView {
  id: string;
  name: string;
  /** The contacts list's address query, without the "?". */
  query: string;
  createdAt: number;
}

const MAX_VIEWS = 200;
const newView = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  query: z.string().check(z.maxLength(2000)),
});

function fileStore(dataDir: string) {
  if (dataDir === ':memory:') {
    let views: SavedView[] = [];
    return { read: () => views, write: (next: SavedView[]) => void (views = next) };
  }
  const path = join(dataDir, 'views.json');
  return {
    read(): SavedView[] {
      if (!existsSync(path)) return [];
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as SavedView[];
      } catch (error) {
        throw new UnreadableViews(
          `The saved views in ${path} cannot be read (${(error as Error).message}); Lark Admin leaves the file as it is.`,
        );
      }
    },
    write(next: SavedView[]) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(next, null, 2));
      renameSync(`${path}.tmp`, path);
    },
  };
}

/** A views file that is not JSON (edited by hand, say): said in the answer, never overwritten. */
class UnreadableViews extends Error {}

/** /api/views: list, save, delete. */
export function viewsApi(dataDir: string): Hono {
  const store = fileStore(dataDir);
  const api = new Hono();
  api.onError((error, c) => {
    if (error instanceof UnreadableViews) return refusal(c, 503, error.message);
    throw error;
  });
  api.get('/', (c) => c.json({ data: store.read() }));
  api.post('/', async (c) => {
    const parsed = newView.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return refusal(c, 400, 'A view needs a name (up to 60 characters) and its search.');
    const views = store.read();
    if (views.some((view) => view.name.toLowerCase() === parsed.data.name.toLowerCase()))
      return refusal(c, 409, `There is already a view called “${parsed.data.name}”.`);
    if (views.length >= MAX_VIEWS)
      return refusal(c, 409, `Lark Admin keeps at most ${MAX_VIEWS} views; delete one first.`);
    const query = parsed.data.query.replace(/^\?/, '');
    const view: SavedView = { id: randomUUID(), name: parsed.data.name, query, createdAt: Date.now() };
    store.write([...views, view]);
    return c.json({ data: view }, 201);
  });
  api.delete('/:id', (c) => {
    const views = store.read();
    const id = c.req.param('id');
    if (!views.some((view) => view.id === id)) return refusal(c, 404, 'There is no such view.');
    store.write(views.filter((view) => view.id !== id));
    return c.json({ data: 'The view has been deleted.' });
  });
  return api;
}
