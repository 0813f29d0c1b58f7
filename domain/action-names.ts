// Kept free of zod so the browser bundles can import it cheaply.
/** The closed list of actions people take on a dossier (workflows/README.md); also the API's `:action`. */
export const ACTIONS = [
  'receive',
  'request-completion',
  'complete',
  'not-accept',
  'request-supplement',
  'record-objection',
  'send-to-tax',
  'record-tax-notice',
  'record-tax-payment',
  'supplement',
  'assign',
  'verify',
  'require-verification',
  'forward',
  'return',
  'approve',
  'reject',
  'record-payment',
  'deliver',
  'withdraw',
  'extend',
  'rate',
] as const;
export type Action = (typeof ACTIONS)[number];
