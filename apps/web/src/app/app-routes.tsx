import type { RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth, RoleLanding } from './RequireAuth';
import { PageLoading } from './PageLoading';
import { LoginPage } from '../auth/LoginPage';
import { WorkflowListPage } from '../designer/list/WorkflowListPage';
import { InboxPage } from '../inbox/InboxPage';
import { CreateTicketPage } from '../tickets/CreateTicketPage';
import { TicketsListPage } from '../tickets/TicketsListPage';
import { UsersPage } from '../users/UsersPage';
import { CataloguePage } from '../catalogue/CataloguePage';
import { CatalogueAdminPage } from '../catalogue/CatalogueAdminPage';

/** The route table: /login outside the layout, everything else signed in. */
export const appRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // A one-click survey link of the resolution e-mail: no sign-in, the signed token is the key (issue 21).
  {
    path: '/rate',
    hydrateFallbackElement: <PageLoading />,
    lazy: () => import('../satisfaction/RatePage').then((m) => ({ Component: m.RatePage })),
  },
  {
    hydrateFallbackElement: <PageLoading />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <RoleLanding /> },
      { path: '/designer', element: <WorkflowListPage /> },
      {
        path: '/designer/:key',
        // The Designer (React Flow, ELK, the runtime) loads only when opened.
        lazy: () => import('../designer/DesignerPage').then((m) => ({ Component: m.DesignerPage })),
      },
      {
        path: '/versions',
        // The version diagrams (React Flow, ELK) load only when the page is opened.
        lazy: () => import('../versions/VersionsPage').then((m) => ({ Component: m.VersionsPage })),
      },
      { path: '/inbox', element: <InboxPage /> },
      { path: '/catalogue', element: <CataloguePage /> },
      { path: '/catalogue/manage', element: <CatalogueAdminPage /> },
      { path: '/tickets', element: <TicketsListPage /> },
      { path: '/tickets/new', element: <CreateTicketPage /> },
      {
        path: '/tickets/:id',
        // The diagram (React Flow, ELK) loads only when a ticket is opened.
        lazy: () => import('../tickets/TicketPage').then((m) => ({ Component: m.TicketPage })),
      },
      {
        path: '/reports',
        // Reports (recharts, React Flow) load only when opened.
        lazy: () => import('../reports/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
      },
      {
        path: '/rules',
        // The rules page shares the Designer's condition builder; it loads only when opened.
        lazy: () => import('../rules/RulesPage').then((m) => ({ Component: m.RulesPage })),
      },
      { path: '/users', element: <UsersPage /> },
      {
        path: '/users/organisation',
        lazy: () => import('../users/OrganisationPage').then((m) => ({ Component: m.OrganisationPage })),
      },
      { path: '*', element: <RoleLanding /> },
    ],
  },
];
