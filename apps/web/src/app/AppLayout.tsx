import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { NotificationBell } from '../notifications/NotificationBell';
import { navItemsFor } from './role-navigation';

/** Header with navigation, language switch and the signed-in user; pages render below. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useAuthStore((s) => s.user);
  const logout = useAuthStore((s) => s.logout);
  const refreshUser = useAuthStore((s) => s.refreshUser);
  // A token kept from an earlier visit may have expired: check it once.
  useEffect(() => {
    void refreshUser();
  }, [refreshUser]);
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <nav>
          {navItemsFor(user?.roles ?? []).map((item) => (
            <NavLink key={item} to={`/${item}`} data-testid={`nav-${item}`}>
              {t(`nav.${item}`)}
            </NavLink>
          ))}
        </nav>
        <div className="header-right">
          <NotificationBell />
          <LanguageSwitch />
          {user && (
            <span className="user-badge" data-testid="user-badge" title={user.roles.join(', ')}>
              {user.displayName ?? user.username}
            </span>
          )}
          <button type="button" onClick={logout} data-testid="sign-out">
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <Outlet />
      </div>
    </div>
  );
}
