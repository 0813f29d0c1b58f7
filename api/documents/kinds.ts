/**
 * The documents a dossier can print. A list of its own, apart from their wording (forms.ts), so the
 * API's response schemas — and the UIs' types inferred from them — name the kinds without pulling
 * the PDF layout code in.
 */
// 'tax-transfer': form 19 of Decree 151/2025, sent to the tax office (an officer's document only).
export const DOCUMENT_KINDS = ['receipt', 'supplement', 'refusal', 'apology', 'control', 'tax-transfer', 'rejection', 'result'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
