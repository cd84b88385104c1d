/**
 * A real SMTP server for tests (the `smtp-server` package) on a loopback port: it accepts every
 * message and keeps it, so a test reads what Netra sent. Plain SMTP without STARTTLS, as on a
 * relay inside a government network. `refuse` makes it answer 451 (temporarily unavailable).
 */
import { SMTPServer } from 'smtp-server';
import { createMailer, useMailer, type Mailer } from '../mail/mailer.ts';
import { freePort } from './free-port.ts';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  mailer: Mailer;
  /** Refuse the next `count` messages with a temporary error. */
  refuse(count: number): void;
  /** The next message to `to` (waits up to `ms`). */
  waitFor(to: string, ms?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Start the server and make it the process's mailer (until `close`). */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${port}`;
  const mailer = createMailer({ url, from: 'Netra Uji <netra@uji.netra>' });
  const previous = useMailer(mailer);
  return {
    url,
    received,
    mailer,
    refuse: (count) => {
      refusals = count;
    },
    async waitFor(to, ms = 15_000) {
      const until = Date.now() + ms;
      for (;;) {
        const found = received.find((m) => m.to.includes(to));
        if (found) return found;
        if (Date.now() > until) throw new Error(`No message to ${to} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      mailer.close();
      useMailer(previous ?? null);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The text of a quoted-printable message body, soft line breaks joined (for finding a link). */
export function mailText(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
