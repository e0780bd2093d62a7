import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { landingFor } from './role-navigation';

/** Renders its children only when signed in; otherwise routes to /login, remembering the target. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAuthStore((s) => s.token);
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** The signed-in user's landing page (see `landingFor`). */
export function RoleLanding() {
  const roles = useAuthStore((s) => s.user?.roles);
  return <Navigate to={landingFor(roles ?? [])} replace />;
}
