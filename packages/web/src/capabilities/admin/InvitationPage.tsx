/**
 * /undangan/:token: the invited officer sets their own password and enrols TOTP (QR code and key),
 * confirmed with a first code. Nothing here is seen by the administrator.
 */
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Field, Loaded, Notice } from '../../components/kit.ts';
import { apiSend, ApiRequestError, fieldErrors, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

type Info = ApiResponse<'/invitations/{token}'>;
type Totp = ApiResponse<'/invitations/{token}/totp', 'post'>;

function AcceptForm({ token, info }: { token: string; info: Info }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [totp, setTotp] = useState<{ secret: string; qr: string } | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiSend<Totp>('POST', `/invitations/${token}/totp`, {}, language)
      .then(async ({ secret, otpauthUri }) => setTotp({ secret, qr: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 200 }) }))
      .catch((e: unknown) => setError(e instanceof ApiRequestError ? e.message : t.loadError));
    // One secret per visit to the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 12) local.password = t.passwordShort;
    else if (password !== again) local.again = t.passwordsDiffer;
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setError(null);
    try {
      await apiSend('POST', `/invitations/${token}/accept`, { password, code: code.trim() }, language);
      setDone(true);
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(e instanceof ApiRequestError ? e.message : t.loadError);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Notice>
        {t.activated} <Link href="/masuk">{t.signIn}</Link>
      </Notice>
    );
  }
  const role = info.roleLabel[language];
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <p>{t.invitationLead(info.name, role)}</p>
      <p className="muted">
        {info.email} · {formatInstant(info.expiresAt, language)}
      </p>
      <Notice tone="error">{error}</Notice>
      <Field id="invite-password" label={t.password} error={errors.password}>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field id="invite-password-again" label={t.passwordAgain} error={errors.again}>
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </Field>
      <p>{t.scan}</p>
      {totp && (
        <div className="totp-setup">
          <img src={totp.qr} alt="QR" width={200} height={200} />
          <p>
            {t.key}: <code className="mono" data-testid="totp-key">{totp.secret}</code>
          </p>
        </div>
      )}
      <Field id="invite-code" label={t.code} error={errors.code}>
        <input inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !totp}>
        {t.activate2}
      </button>
    </form>
  );
}

export function InvitationPage({ token }: { token: string }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [state, reload] = useApi<Info>(`/invitations/${encodeURIComponent(token)}`, language);
  return (
    <section className="login">
      <h1>{t.invitationTitle}</h1>
      <Loaded state={state} onRetry={reload}>
        {(info) => <AcceptForm token={token} info={info} />}
      </Loaded>
    </section>
  );
}
