/**
 * Reads a file and hands back its rows packed, then ends: parsing a big file takes far more memory
 * than keeping its rows, and a worker that ends gives all of it back to the system at once.
 */
import { readPacked, type PackedTable } from './read-source.ts';

self.onmessage = async (event: MessageEvent<File | string>) => {
  try {
    self.postMessage({ ok: true, table: await readPacked(event.data) } satisfies { ok: true; table: PackedTable });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
  self.close();
};
