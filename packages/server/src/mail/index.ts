/** E-mail: one SMTP mailer per process, bilingual templates, delivery through the `mail-send` job. */
export { createMailer, currentMailer, mailerFromEnv, useMailer, type Mailer, type MailMessage } from './mailer.ts';
export { mailConfigured, queueMail, MAIL_QUEUE } from './queue.ts';
export { bilingualMessage, invitationMessage, jakartaTime } from './templates.ts';
