/**
 * The receipt, shown once after filing: receipt number and secret with copy buttons, the PDF slip
 * and a plain-text copy. The secret lives only in this component's memory: it is not in the URL,
 * not in storage, and the server keeps only its hash.
 */
import { useState } from 'react';
import { formatDate, LONG_DATE } from '../../lib/format.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { downloadSlip, downloadText, type Receipt } from './api.ts';
import { messages } from './messages.ts';

function CopyValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useMessages(messages);
  const [copied, setCopied] = useState(false);
  return (
    <div className="receipt-value">
      <dt>{label}</dt>
      <dd>
        <span className="mono" data-testid={testId}>
          {value}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t.copied : t.copy}
        </button>
      </dd>
    </div>
  );
}

export function ReceiptCard({ receipt, extra }: { receipt: Receipt; extra?: React.ReactNode }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [slipError, setSlipError] = useState<string | null>(null);
  const trackUrl = `${window.location.origin}/lacak`;
  return (
    <section className="card receipt" role="status" aria-labelledby="receipt-title">
      <h2 id="receipt-title">✓ {t.receiptTitle}</h2>
      {receipt.secret && <p>{t.receiptLead}</p>}
      {receipt.warning && (
        <p className="alert" role="note">
          {receipt.warning}
        </p>
      )}
      <dl>
        <CopyValue label={t.receiptNumber} value={receipt.receiptNumber} testId="receipt-number" />
        {receipt.secret && <CopyValue label={t.secret} value={receipt.secret} testId="receipt-secret" />}
        <div className="receipt-value">
          <dt>{t.caseNumber}</dt>
          <dd className="mono">{receipt.caseNumber}</dd>
        </div>
        <div className="receipt-value">
          <dt>{t.receivedOn}</dt>
          <dd>{formatDate(receipt.receivedOn, language, LONG_DATE)}</dd>
        </div>
      </dl>
      {receipt.outsideStages && (
        <p className="alert" role="note" data-testid="outside-stages">
          {receipt.outsideStages}
        </p>
      )}
      {receipt.receivedNote && (
        <p className="muted" data-testid="received-note">
          {receipt.receivedNote}
        </p>
      )}
      {receipt.secret && (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setSlipError(null);
              downloadSlip(receipt.receiptNumber, receipt.secret!, language).catch((error: Error) => setSlipError(error.message));
            }}
          >
            {t.downloadSlip}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => downloadText(t.slipText(receipt.receiptNumber, receipt.secret!, receipt.caseNumber, trackUrl), `tanda-terima-${receipt.receiptNumber}.txt`)}
          >
            {t.downloadText}
          </button>
          {/* A plain link: the light report page (/lapor) has no router; the tracking page is the app's. */}
          <a href={`/lacak?tanda=${encodeURIComponent(receipt.receiptNumber)}`}>{t.trackLink}</a>
        </div>
      )}
      {slipError && <p className="field-error">{slipError}</p>}
      {extra}
    </section>
  );
}
