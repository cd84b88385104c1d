/**
 * /konsol/laporan/:id: one report with its evidence viewer (images inline, PDFs by link), the
 * formal/material checklist and, for Bawaslu, opening the reporter's identity with a reason.
 */
import { can } from '@netra/core/access/permissions';
import { Fragment, useEffect, useRef, useState } from 'react';
import { REPORTER_GENDER_LABELS } from '@netra/core/reports/fields';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { Link } from 'wouter';
import { LoadError } from '../../../components/LoadError.tsx';
import { api, ApiRequestError, fieldErrors, ok, useApi, withSession } from '../../../lib/api.ts';
import { formatDate, formatTimestamp, LONG_DATE } from '../../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import { formatBytes, type Identity, type ReportDetail } from '../api.ts';
import { messages } from '../messages.ts';
import { InputField } from '../ReportFields.tsx';
import '../reports.css';
import { HoldBadge } from '../../retention/HoldBadge.tsx';

/** Types a browser shows in an <img>; others are offered for download. */
const VIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The opened identity, in a modal of its own (shown once the reason was recorded). */
function IdentityShown({ identity, onClose }: { identity: Identity; onClose(): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="identity-dialog" aria-labelledby="identity-title" onClose={onClose}>
      <h2 id="identity-title">{t.identityDialogTitle}</h2>
      <dl className="detail-grid">
        <dt>{t.identityName}</dt>
        <dd>{identity.name ?? t.anonymousReporter}</dd>
        {identity.name !== null && (
          <>
            <dt>{t.reporterBirthPlace} / {t.reporterBirthDate}</dt>
            <dd>
              {identity.birthPlace ?? '—'}, {identity.birthDate ?? '—'}
            </dd>
            <dt>{t.reporterGender}</dt>
            <dd>{identity.gender ? REPORTER_GENDER_LABELS[identity.gender][language] : '—'}</dd>
            <dt>{t.reporterOccupation}</dt>
            <dd>{identity.occupation ?? '—'}</dd>
            <dt>{t.reporterNationality}</dt>
            <dd>{identity.nationality ?? '—'}</dd>
            <dt>{t.identityAddress}</dt>
            <dd>{identity.address ?? '—'}</dd>
            <dt>{t.identityPhone}</dt>
            <dd>{identity.phone ?? '—'}</dd>
            <dt>{t.identityEmail}</dt>
            <dd>{identity.email ?? '—'}</dd>
          </>
        )}
        {identity.witnesses.map((w, i) => (
          <Fragment key={i}>
            <dt>{t.witness(i + 1)}</dt>
            <dd>{[w.name, w.address, w.phone].filter(Boolean).join(' · ')}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="hint">{t.identityOpened(formatTimestamp(identity.openedAt, language))}</p>
      <button type="button" className="link-button" onClick={() => dialog.current?.close()}>
        {t.close}
      </button>
    </dialog>
  );
}

/** Opening the reporter's identity: a reason first (it goes to the audit log), then the identity. */
function IdentityDialog({ reportId }: { reportId: string }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [shown, setShown] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    if (reason.trim().length < 15) {
      setError(t.reason);
      return;
    }
    setBusy(true);
    try {
      setIdentity(await ok(api.POST('/reports/{id}/identity', { params: { path: { id: reportId } }, body: { reason: reason.trim() }, ...withSession(language, session.csrfToken) })));
      setError(undefined);
    } catch (e) {
      setError(fieldErrors(e).reason ?? (e instanceof ApiRequestError ? e.message : t.loadError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={() => setShown(true)}>
        {t.openIdentity}
      </button>
      {identity ? (
        shown && <IdentityShown identity={identity} onClose={() => setShown(false)} />
      ) : (
        <ConfirmDialog
          open={shown}
          className="identity-dialog"
          title={t.identityDialogTitle}
          confirmLabel={t.confirmOpen}
          cancelLabel={t.cancel}
          busy={busy}
          onConfirm={open}
          onCancel={() => setShown(false)}
        >
          <p>{t.identityDialogText}</p>
          <InputField name="reason" label={t.reason} value={reason} onChange={setReason} multiline error={error} />
        </ConfirmDialog>
      )}
    </>
  );
}

export function ReportDetailPage({ id }: { id: string }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [state, reload] = useApi<ReportDetail>(`/reports/${id}`, language);
  const mayOpenIdentity = can(session.user!.role, 'reports.triage');
  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const r = state.data;
  const date = (d: string) => formatDate(d, language, LONG_DATE);
  return (
    <div className="report-console">
      <p>
        <Link href="/konsol/laporan">← {t.listTitle}</Link>
      </p>
      <h1 className="mono">{t.detailTitle(r.receiptNumber)}</h1>
      <HoldBadge on={{ reportId: r.id }} />
      <section className="card">
        <dl className="detail-grid">
          <dt>{t.case}</dt>
          <dd>
            <span className="mono">{r.caseNumber}</span> · {r.caseStateLabel}
          </dd>
          <dt>{t.source}</dt>
          <dd>{t.sources[r.source] ?? r.source}</dd>
          <dt>{t.received}</dt>
          <dd>
            {date(r.receivedOn)}
            {r.lateByDays > 0 && <span className="badge badge-late"> {t.late(r.lateByDays)}</span>}
          </dd>
          <dt>{t.reported}</dt>
          <dd>
            {r.reportedName}
            {r.reportedPosition && `, ${r.reportedPosition}`}
            {r.reportedAgency && ` · ${r.reportedAgency}`}
            {r.reportedNip && <span className="mono"> · NIP {r.reportedNip}</span>}
          </dd>
          <dt>{t.when}</dt>
          <dd>
            {date(r.occurredOn)}
            {r.occurredUntil && ` – ${date(r.occurredUntil)}`} ({t.knownDate} {date(r.knownOn)})
          </dd>
          <dt>{t.where}</dt>
          <dd>
            {r.place}, {r.regionName}
          </dd>
          <dt>{t.actsShort}</dt>
          <dd>{r.actCodes.join(', ') || '—'}</dd>
        </dl>
        <h3>{t.whatHappened}</h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>{r.description}</p>
      </section>

      <section className="card">
        <h3>{t.reporter}</h3>
        {r.source === 'finding' ? (
          <p>{t.findingReporter}</p>
        ) : (r.anonymous || !r.hasReporterIdentity) && r.witnessCount === 0 ? (
          <p>{t.anonymousReporter}</p>
        ) : (
          <>
            <p className="hint">{r.anonymous ? t.anonymousReporter : t.identityHidden}</p>
            {r.witnessCount > 0 && <p className="hint">{t.witnessesSealed(r.witnessCount)}</p>}
            {mayOpenIdentity && <IdentityDialog reportId={r.id} />}
          </>
        )}
      </section>

      <section className="card">
        <h3>{t.checklist}</h3>
        <ul className="checklist">
          {r.checklist.items.map((item) => (
            <li key={item.code} className={item.met ? 'met' : 'unmet'}>
              {item.label} <span className="muted">({item.kind === 'formal' ? t.formal : t.material})</span>
              {item.detail && <div className="hint">{item.detail}</div>}
            </li>
          ))}
        </ul>
        <p className="hint">{r.checklist.basis}</p>
      </section>

      <section className="card">
        <h3>{t.evidenceList}</h3>
        {r.evidence.length === 0 && <p className="muted">{t.noEvidence}</p>}
        <div className="evidence-viewer">
          {r.evidence.map((e) => (
            <figure key={e.id}>
              {VIEWABLE.has(e.mimeType) && <img src={`/api/v1/evidence/${e.id}`} alt={e.originalName} loading="lazy" />}
              <figcaption>
                <span>{e.originalName}</span>
                <span>
                  {e.mimeType} · {formatBytes(e.sizeBytes)}
                </span>
                <span className="mono" title="SHA-256">
                  {e.sha256.slice(0, 16)}…
                </span>
                <a href={`/api/v1/evidence/${e.id}`}>{t.download}</a>
                {e.hasPublicCopy && <a href={`/api/v1/evidence/${e.id}?copy=public`}>{t.publicCopy}</a>}
              </figcaption>
            </figure>
          ))}
        </div>
      </section>
    </div>
  );
}
