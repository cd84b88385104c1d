/**
 * A legal hold, shown wherever its record appears (case page, report, person page): a badge with
 * each hold's reason, who placed it and when; for Bawaslu and administrators, a button to hold the
 * record with a reason. Holds on the record's case, people, region or election show here too.
 */
import { can } from '@netra/core/access/permissions';
import { useState } from 'react';
import { ConfirmDialog, Field } from '../../components/kit.ts';
import { apiSend, fieldErrors, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';
import './retention.css';

type HoldsOn = ApiResponse<'/retention/holds/on'>;
export type HoldSubject = { caseId: string } | { reportId: string } | { asnId: number };

function holdBody(on: HoldSubject, reason: string) {
  if ('caseId' in on) return { targetType: 'case', caseId: on.caseId, reason };
  if ('reportId' in on) return { targetType: 'report', reportId: on.reportId, reason };
  return { targetType: 'person', asnId: on.asnId, reason };
}

export function HoldBadge({ on }: { on: HoldSubject }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const role = session.user?.role ?? '';
  const query = new URLSearchParams(Object.entries(on).map(([k, v]) => [k, String(v)]));
  const [state, reload] = useApi<HoldsOn>(can(role, 'retention.holds.read') ? `/retention/holds/on?${query}` : null, language);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const holds = state.status === 'ready' ? state.data.items : [];

  async function place() {
    setBusy(true);
    setError(null);
    try {
      await apiSend('POST', '/retention/holds', holdBody(on, reason), language, session.csrfToken);
      setOpen(false);
      setReason('');
      reload();
    } catch (e) {
      setError(fieldErrors(e).reason ?? (e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="hold-badges">
      {holds.map((h) => (
        <span key={h.id} className="flag hold-flag" data-testid="legal-hold" title={t.badgeTitle(h.reason, h.placedByName ?? '–', formatInstant(h.placedAt, language))}>
          {t.badge}: {h.reason}
        </span>
      ))}
      {can(role, 'retention.holds.manage') && (
        <>
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            {t.holdThis}
          </button>
          <ConfirmDialog open={open} title={t.holdThisTitle} confirmLabel={t.place} cancelLabel={t.cancel} busy={busy} error={error} onConfirm={place} onCancel={() => setOpen(false)}>
            <Field id="hold-reason" label={t.reason}>
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required minLength={10} maxLength={1000} />
            </Field>
          </ConfirmDialog>
        </>
      )}
    </span>
  );
}
