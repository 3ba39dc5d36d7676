import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '../lib/router/components.tsx';
import type { Router } from '../lib/router/create-router.ts';
import { Layout } from './layout.tsx';
import { Providers } from './providers.tsx';

interface AppProps {
  queryClient: QueryClient;
  router: Router;
}

export function App({ queryClient, router }: AppProps) {
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router}>
        <Layout />
      </RouterProvider>
    </Providers>
  );
}
