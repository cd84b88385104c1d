import { sql, type Kysely } from 'kysely';

/**
 * Issue 17, part one: the two-way anonymous channel and the notices.
 * - `report_messages`: the thread between Bawaslu and the holder of a receipt (one per report);
 *   nothing about the reporter's device or network is kept, only what they typed and attached.
 * - `reporter_notice_addresses`: the e-mail address a reporter asked to be told of news at, sealed
 *   with the encryption key like the reporter identities (never shown back).
 * - `notification_settings` and `notification_mails`: which officers want e-mail for assignments
 *   and deadlines, and which notification has been mailed to whom (so a job run twice mails once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id),
      author text NOT NULL CHECK (author IN ('officer', 'reporter')),
      author_user_id uuid REFERENCES users(id),
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
      evidence_ids uuid[] NOT NULL DEFAULT '{}',
      requests_information boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((author = 'officer') = (author_user_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX report_messages_report ON report_messages (report_id, created_at)`.execute(db);
  await sql`CREATE INDEX report_messages_case ON report_messages (case_id, created_at)`.execute(db);
  await sql`
    CREATE TABLE reporter_notice_addresses (
      report_id uuid PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
      email_sealed text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      notified_through timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE notification_settings (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      email_assigned boolean NOT NULL DEFAULT false,
      email_deadlines boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE notification_mails (
      notification_id bigint NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      queued_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notification_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX notifications_created ON notifications (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX notifications_created`.execute(db);
  await sql`DROP TABLE notification_mails, notification_settings, reporter_notice_addresses, report_messages`.execute(db);
}
