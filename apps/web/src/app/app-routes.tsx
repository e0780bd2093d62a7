import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth } from './RequireAuth';
import { PageLoading } from './PageLoading';
import { LoginPage } from '../auth/LoginPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { WorkflowListPage } from '../designer/list/WorkflowListPage';

/** The route table: /login outside the layout, everything else signed in. */
export const appRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    hydrateFallbackElement: <PageLoading />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/designer" replace /> },
      { path: '/designer', element: <WorkflowListPage /> },
      {
        path: '/designer/:key',
        // The Designer (React Flow, dagre, the runtime) loads only when opened.
        lazy: () => import('../designer/DesignerPage').then((m) => ({ Component: m.DesignerPage })),
      },
      { path: '/versions', element: <PlaceholderPage section="versions" /> },
      { path: '/inbox', element: <PlaceholderPage section="inbox" /> },
      { path: '/tickets', element: <PlaceholderPage section="tickets" /> },
      { path: '/reports', element: <PlaceholderPage section="reports" /> },
      { path: '*', element: <Navigate to="/designer" replace /> },
    ],
  },
];
