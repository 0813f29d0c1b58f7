import { outbox } from '../db/schema';
import type { Db } from '../db/client';
import { messageKey, type SmsPayload } from '../integrations/messages';
import type { DirectSmsTemplate } from '../integrations/sms-texts';

type Writer = Pick<Db, 'insert'>;

/**
 * Queues an SMS that belongs to no dossier event (a consent code, a status reply) in the
 * transactional outbox, so the dispatcher delivers it like every other message, with retries and
 * dead letters (integrations/dispatcher.ts). `thread` stands where a dossier code stands (e.g.
 * `consent:<id>`), so the row's id — the Idempotency-Key the gateway sees — is unique per thread.
 * Answers that id.
 */
export async function queueDirectSms(db: Writer, thread: string, to: string, text: string, template: DirectSmsTemplate): Promise<string> {
  const id = messageKey(thread, 0, 'sms');
  const payload: SmsPayload = { to, text, template };
  await db.insert(outbox).values({ id, dossierCode: thread, eventSeq: 0, channel: 'sms', payload }).onConflictDoNothing();
  return id;
}
