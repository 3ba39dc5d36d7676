/** The import's worker: the engine, answering the page's messages. */
import { createEngine, type ToEngine } from './import-engine.ts';

const handle = createEngine((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToEngine>) => void handle(event.data);
