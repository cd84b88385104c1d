import { ROLES, isRoleCode } from '@netra/core/access/roles';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { commonMessages, useI18n, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { messages } from './messages.ts';
import { navFor } from './nav.ts';

export function roleLabel(role: string, language: 'id' | 'en'): string {
  return isRoleCode(role) ? ROLES[role].label[language] : role;
}

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const session = useSession();
  const [location, navigate] = useLocation();
  const user = session.user!;
  const signOut = async (everywhere: boolean) => {
    await session.logout(everywhere);
    navigate('/masuk');
  };
  const items = [{ href: '/konsol', label: { id: 'Ringkasan', en: 'Overview' } }, ...navFor(user.role)];
  return (
    <div className="console">
      <aside className="console-nav" aria-label={t.console}>
        <div className="console-user">
          <strong>{user.name}</strong>
          <span>{roleLabel(user.role, language)}</span>
          <span className="muted">{user.scope.kind === 'national' ? t.scopeNational : user.scope.regionCode}</span>
        </div>
        <nav>
          {items.map((item) => (
            <Link key={item.href} href={item.href} className={location === item.href ? 'active' : undefined}>
              {item.label[language]}
            </Link>
          ))}
        </nav>
        <div className="console-signout">
          <button type="button" className="link-button" onClick={() => signOut(false)}>
            {t.signOut}
          </button>
          <button type="button" className="link-button" onClick={() => signOut(true)}>
            {t.signOutEverywhere}
          </button>
        </div>
      </aside>
      <section className="console-main">{children}</section>
    </div>
  );
}
