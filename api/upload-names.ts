import type { AttachmentType } from './attachment-store';

/**
 * Bidirectional controls (embeddings, overrides, isolates, the marks LRM/RLM/ALM): in a file
 * name they make `hoá-đơn‮fdp.exe` read as `hoá-đơnexe.pdf`. Stripped from upload names
 * rather than refused: a phone may put them there without the citizen knowing.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

export const withoutBidi = (name: string) => name.replace(BIDI, '');

/**
 * The name a file is stored and served under: its extension is the one of the type its bytes
 * proved (`scan.exe` holding a PDF is `scan.pdf`; `anh.png` holding a JPEG is `anh.jpg`), so a
 * download never opens in a program the name chose and the content did not.
 */
export function nameForType(name: string, type: AttachmentType): string {
  const allowed = EXTENSIONS[type];
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (allowed.includes(ext)) return name;
  // A short alphanumeric tail is an extension to replace; anything else is part of the name.
  const stem = dot > 0 && /^[a-z0-9]{1,5}$/i.test(ext) ? name.slice(0, dot) : name;
  return `${stem || 'tep-dinh-kem'}.${allowed[0]}`;
}
