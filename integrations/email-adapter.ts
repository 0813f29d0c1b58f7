import nodemailer from 'nodemailer';
import type { Adapter } from './adapter';
import { DeliveryError } from './adapter';
import type { EmailPayload, OfficerEmailPayload } from './messages';

/**
 * E-mail over SMTP (nodemailer, pooled). Citizen notices go to the applicant's address;
 * officer notices (reminders, escalations) go to the agency mailbox `OFFICER_MAILBOX` with
 * `{agencyCode}` replaced. The idempotency key is both an `Idempotency-Key` header and the
 * Message-ID `<key@motcua>`, which mail systems already use to drop duplicates.
 */
export function emailAdapter(cfg: { smtpUrl: string; from: string; officerMailbox?: string; timeoutMs: number }): Adapter {
  const transport = nodemailer.createTransport(cfg.smtpUrl, {
    pool: true,
    maxConnections: 4,
    connectionTimeout: cfg.timeoutMs,
    greetingTimeout: cfg.timeoutMs,
    socketTimeout: cfg.timeoutMs,
  } as never);
  return {
    async send(m, signal) {
      let to: string;
      if (m.channel === 'officer-email') {
        if (!cfg.officerMailbox) throw new DeliveryError('OFFICER_MAILBOX is not configured');
        to = cfg.officerMailbox.replaceAll('{agencyCode}', (m.payload as OfficerEmailPayload).agencyCode.toLowerCase());
      } else {
        to = (m.payload as EmailPayload).to;
      }
      const p = m.payload as EmailPayload | OfficerEmailPayload;
      const sending = transport.sendMail({
        from: cfg.from,
        to,
        subject: p.subject,
        text: p.text,
        messageId: `<${m.id}@motcua>`,
        headers: { 'Idempotency-Key': m.id },
      });
      const aborted = new Promise<never>((_, reject) => {
        const onAbort = () => reject(new DeliveryError('interrupted: dispatcher stopping'));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        await Promise.race([sending, aborted]);
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const e = err as { responseCode?: number; code?: string; message: string };
        // 5xx SMTP replies about the recipient or the content are final; the rest is retried.
        const permanent = e.responseCode !== undefined && e.responseCode >= 550 && e.responseCode <= 554;
        throw new DeliveryError(`SMTP ${e.responseCode ?? e.code ?? ''}: ${e.message}`.slice(0, 300), permanent);
      }
    },
    async close() {
      transport.close();
    },
  };
}
