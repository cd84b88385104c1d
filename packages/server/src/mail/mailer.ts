/**
 * Outgoing e-mail over SMTP (nodemailer). One transport per process, configured from the
 * environment (NETRA_SMTP_URL, e.g. `smtps://user:pass@mail.example.go.id:465` or
 * `smtp://127.0.0.1:2525`, and NETRA_MAIL_FROM) or set by a test. Without NETRA_SMTP_URL there is
 * no mailer, and callers fall back to showing what would have been sent (an invitation link is
 * handed over by the administrator).
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** The sender address of every message. */
  from: string;
  /** Deliver one message; resolves to the SMTP server's message id. Rejects when the server refuses. */
  send(message: MailMessage): Promise<string>;
  close(): void;
}

export interface MailerOptions {
  url: string;
  from: string;
  /** Accept a self-signed certificate (a test server). Never set in production. */
  allowSelfSigned?: boolean;
}

export function createMailer(options: MailerOptions): Mailer {
  const transport = nodemailer.createTransport(options.url, {
    from: options.from,
    ...(options.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    from: options.from,
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      return String(info.messageId);
    },
    close: () => transport.close(),
  };
}

export const DEFAULT_FROM = 'Netra <no-reply@netra.invalid>';

/** The mailer the environment describes, or null when NETRA_SMTP_URL is not set. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.NETRA_SMTP_URL?.trim();
  return url ? createMailer({ url, from: env.NETRA_MAIL_FROM?.trim() || DEFAULT_FROM }) : null;
}

let configured: Mailer | null | undefined;

/** The process's mailer (read from the environment on first use). */
export function currentMailer(): Mailer | null {
  if (configured === undefined) configured = mailerFromEnv();
  return configured;
}

/** Replace the process's mailer (tests; `null` = no e-mail). Returns the previous one. */
export function useMailer(mailer: Mailer | null): Mailer | null | undefined {
  const previous = configured;
  configured = mailer;
  return previous;
}
