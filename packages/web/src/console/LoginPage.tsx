/**
 * Sign-in in two steps: e-mail and password, then the second factor. An official without TOTP
 * enrols here (QR code and manual key) before the console opens.
 */
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { Field, Notice } from '../components/kit.ts';
import { ApiRequestError, fieldErrors } from '../lib/api.ts';
import { commonMessages, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { messages } from './messages.ts';

function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError && error.body ? error.body.error.message : fallback;
}

function TotpStep({ onDone }: { onDone(): void }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const enrolling = session.mfa === 'setup_required';

  useEffect(() => {
    if (!enrolling) return;
    session
      .setupTotp()
      .then(async ({ secret, otpauthUri }) => setSetup({ secret, qr: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 200 }) }))
      .catch((e: unknown) => setError(errorText(e, t.loadError)));
    // Enrolment starts once per visit to this step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enrolling]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setError(t.codeFormat);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.verifyTotp(code.trim());
      onDone();
    } catch (e) {
      setError(fieldErrors(e).code ?? errorText(e, t.loadError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} noValidate>
      <h2>{enrolling ? t.totpSetupTitle : t.totpTitle}</h2>
      <p className="muted">{enrolling ? t.totpSetupText : t.totpText}</p>
      {enrolling && setup && (
        <div className="totp-setup">
          <img src={setup.qr} alt="QR" width={200} height={200} />
          <p>
            {t.totpKey}: <code className="mono">{setup.secret}</code>
          </p>
        </div>
      )}
      <Field id="totp-code" className="field" label={t.code} error={error}>
        <input inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? t.signingIn : t.verify}
      </button>
    </form>
  );
}

export function LoginPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(window.location.search).get('lanjut') ?? '/konsol';
  const goOn = () => navigate(next.startsWith('/') ? next : '/konsol');

  useEffect(() => {
    if (session.ready) goOn();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.ready]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t.fieldRequired;
    if (!password) missing.password = t.fieldRequired;
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await session.login(email.trim(), password);
    } catch (e) {
      setErrors(fieldErrors(e));
      setFormError(errorText(e, t.loadError));
    } finally {
      setBusy(false);
    }
  }

  const awaitingFactor = session.status === 'signed_in' && (session.mfa === 'required' || session.mfa === 'setup_required');
  return (
    <section className="login">
      <h1>{t.loginTitle}</h1>
      <p className="lead">{t.loginText}</p>
      {awaitingFactor ? (
        <TotpStep onDone={goOn} />
      ) : (
        <form className="card form" onSubmit={submit} noValidate>
          <Notice tone="error" className="alert">
            {formError}
          </Notice>
          <Field id="login-email" className="field" label={t.email} error={errors.email}>
            <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Field id="login-password" className="field" label={t.password} error={errors.password}>
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? t.signingIn : t.signIn}
          </button>
        </form>
      )}
    </section>
  );
}
