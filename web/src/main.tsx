import '@uswds/uswds/css/uswds.min.css';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { ApiError } from './api/client';
import { SessionProvider } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refused request (4xx) will be refused again; only retry what may be passing trouble.
    queries: {
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.problem.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
