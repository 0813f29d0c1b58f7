import type { Label } from './procedure';

/** What the checklist needs of an attached file: the required document it was uploaded as. */
export interface ChecklistFile {
  requirement: string | null;
}

export interface ChecklistItem<F> {
  label: Label;
  /** The files uploaded as this document, in upload order; none means it is missing. */
  files: F[];
}

export interface DocumentChecklist<F> {
  required: ChecklistItem<F>[];
  /** Files that answer no item of the checklist (untagged, or tagged with a label it lacks). */
  extra: F[];
}

/**
 * Matches a dossier's files against its procedure's required documents (the "thành phần hồ
 * sơ"): each item received or missing, plus whatever else was sent. The back office's dossier
 * page and the receipt (form 01) read the same answer. A file names its item by the Vietnamese
 * label, compared after NFC normalization (a client may send the decomposed form).
 */
export function documentChecklist<F extends ChecklistFile>(requiredDocuments: readonly Label[], files: readonly F[]): DocumentChecklist<F> {
  const key = (s: string) => s.normalize('NFC').trim();
  const required = requiredDocuments.map((label) => ({ label, files: [] as F[] }));
  const byLabel = new Map(required.map((item) => [key(item.label.vi), item]));
  const extra: F[] = [];
  for (const f of files) {
    const item = f.requirement === null ? undefined : byLabel.get(key(f.requirement));
    if (item) item.files.push(f);
    else extra.push(f);
  }
  return { required, extra };
}
