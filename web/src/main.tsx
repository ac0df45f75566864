import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import en_US from 'antd/locale/en_US';
import vi_VN from 'antd/locale/vi_VN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { ApiError } from './app/api';
import { LangProvider, useLang } from './app/i18n';
import { router } from './app/routes';
import './app/styles.css';
import { startEarlyDashboard } from './dashboard/early';

// The home dashboard's data is asked for now, beside /api/auth/me, not after the layout has rendered.
startEarlyDashboard();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Themed() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'vi' ? vi_VN : en_US} theme={{ token: { colorPrimary: '#1f4e8c', borderRadius: 6 } }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <Themed />
      </LangProvider>
    </QueryClientProvider>
  </StrictMode>,
);
