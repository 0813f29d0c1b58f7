/**
 * Outgoing channels. `officer-email` goes to the agency mailbox (OFFICER_MAILBOX), not to a person.
 * Apart from the messages they carry (messages.ts), so the API's response schemas can name them
 * without the templates.
 */
export const CHANNELS = ['portal', 'sms', 'email', 'officer-email'] as const;
export type Channel = (typeof CHANNELS)[number];
