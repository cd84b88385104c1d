/**
 * A one-line outcome above or below a form: a confirmation (a polite status) or an error (an
 * alert, read out at once). Nothing is drawn without text. Pages with their own look pass
 * their class.
 */
import type { ReactNode } from 'react';
import './kit.css';

export function Notice({ children, tone = 'ok', className }: { children: ReactNode; tone?: 'ok' | 'error'; className?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p className={className ?? (tone === 'ok' ? 'kit-note' : 'kit-alert')} role={tone === 'ok' ? 'status' : 'alert'}>
      {children}
    </p>
  );
}
