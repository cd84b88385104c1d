import { sql, type Kysely } from 'kysely';

/**
 * Retention of SMS/WhatsApp conversations that never became a report (issue 13 × 17): a rule of
 * their own, `inbox_conversation`, 90 days from the dismissal or the last message, *unsure* (UU
 * 27/2022 states no period). A database created after this rule joined core's defaults already
 * has it from 0018; the rule is added only where it is missing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO retention_rules (kind, election_id, keep_days, legal_basis, unsure)
    SELECT 'inbox_conversation', NULL, 90,
           'UU 27/2022 (Pelindungan Data Pribadi) art. 43–44: erase personal data once its purpose is served: the sender''s sealed number, texts and media of a conversation never made a report, 90 days after its dismissal or last message',
           true
     WHERE NOT EXISTS (SELECT 1 FROM retention_rules WHERE kind = 'inbox_conversation')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM retention_rules WHERE kind = 'inbox_conversation'`.execute(db);
}
