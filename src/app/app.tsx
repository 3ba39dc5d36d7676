import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider, type Router } from '../lib/router.tsx';
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
