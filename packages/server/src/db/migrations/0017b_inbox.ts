import { sql, type Kysely } from 'kysely';

/**
 * Issue 17, part two: the SMS/WhatsApp staging inbox. A conversation groups one sender's messages
 * on one channel by a keyed hash of the number (`sender_key`); the number itself is sealed with the
 * encryption key. Media are stored by the evidence rules (sniffed type, SHA-256, metadata-free
 * copy). The outbox holds replies and receipts until the provider accepts them (sealed: a receipt
 * carries the tracking secret).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE inbox_conversations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      channel text NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
      sender_key text NOT NULL,
      sender_sealed text NOT NULL,
      region_code text REFERENCES regions(code),
      region_asked_at timestamptz,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'converted', 'dismissed')),
      dismiss_reason text,
      report_id uuid REFERENCES reports(id),
      handled_by uuid REFERENCES users(id),
      handled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_message_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // One open conversation per sender and channel; a handled one is closed and a new message opens another.
  await sql`CREATE UNIQUE INDEX inbox_conversations_open ON inbox_conversations (channel, sender_key) WHERE status = 'open'`.execute(db);
  await sql`CREATE INDEX inbox_conversations_list ON inbox_conversations (status, last_message_at DESC)`.execute(db);
  await sql`
    CREATE TABLE inbox_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conversation_id uuid NOT NULL REFERENCES inbox_conversations(id) ON DELETE CASCADE,
      direction text NOT NULL CHECK (direction IN ('in', 'out')),
      provider_message_id text,
      body text NOT NULL DEFAULT '',
      sent_by uuid REFERENCES users(id),
      received_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX inbox_messages_provider ON inbox_messages (conversation_id, provider_message_id) WHERE provider_message_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX inbox_messages_conversation ON inbox_messages (conversation_id, received_at)`.execute(db);
  await sql`
    CREATE TABLE inbox_provider_ids (
      channel text NOT NULL,
      provider_message_id text NOT NULL,
      PRIMARY KEY (channel, provider_message_id)
    )`.execute(db);
  await sql`
    CREATE TABLE inbox_media (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id uuid NOT NULL REFERENCES inbox_messages(id) ON DELETE CASCADE,
      original_name text NOT NULL,
      mime_type text NOT NULL,
      size_bytes integer NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      public_copy_key text
    )`.execute(db);
  await sql`
    CREATE TABLE inbox_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conversation_id uuid NOT NULL REFERENCES inbox_conversations(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('reply', 'receipt', 'region_question')),
      body_sealed text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      provider_message_id text,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE inbox_outbox, inbox_media, inbox_provider_ids, inbox_messages, inbox_conversations`.execute(db);
}
