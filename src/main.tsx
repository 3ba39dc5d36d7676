import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client.ts';
import { App } from './app/app.tsx';
import { appRoutes } from './app/routes.tsx';
import { createRouter } from './lib/router/create-router.ts';
import './styles.css';

const queryClient = createQueryClient();
const router = createRouter(appRoutes(queryClient));

// Once the first page is up, the other pages' code arrives in idle time, so a move never waits.
// Safari has no requestIdleCallback; there a short timer stands in.
const whenIdle = (run: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run, 200);
const stopWatching = router.subscribe(() => {
  if (!router.state.shown) return;
  stopWatching();
  whenIdle(() => router.preloadAll());
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
