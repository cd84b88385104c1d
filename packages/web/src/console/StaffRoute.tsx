import { can, type PermissionAction } from '@netra/core/access/permissions';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { commonMessages, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { messages } from './messages.ts';

/**
 * A console page: signed-in staff only (otherwise to /masuk and back here after), optionally only
 * the roles core's permission table allows `action`. The server checks again on every request.
 */
export function StaffRoute({ action, children }: { action?: PermissionAction; children: ReactNode }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [location, navigate] = useLocation();
  useEffect(() => {
    if (session.status === 'signed_out' || (session.status === 'signed_in' && !session.ready)) {
      navigate(`/masuk?lanjut=${encodeURIComponent(location + window.location.search)}`, { replace: true });
    }
  }, [session.status, session.ready, location, navigate]);
  if (!session.ready || !session.user) return <p className="muted">{t.loading}</p>;
  if (action && !can(session.user.role, action)) {
    return (
      <ConsoleLayout>
        <h1>{t.forbiddenTitle}</h1>
        <p>{t.forbiddenText}</p>
      </ConsoleLayout>
    );
  }
  return <ConsoleLayout>{children}</ConsoleLayout>;
}
