import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, Stack, Typography } from '@mui/material';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { openDocument } from '../http';
import type { Dossier } from '../types';

type Kind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control' | 'tax-transfer' | 'rejection' | 'result';

/** The documents an officer sees for a dossier in its state (mirrors api/routes/documents.routes officerDocuments). */
export function documentKinds(d: Dossier): Kind[] {
  const out: Kind[] = [];
  if (d.receivedAt && d.dueAt) out.push('receipt');
  if (d.missing.length > 0 || d.status === 'NEEDS_SUPPLEMENT') out.push('supplement');
  if (d.status === 'NOT_ACCEPTED') out.push('refusal');
  if (d.extended) out.push('apology');
  // Form 05, the control sheet, from reception on (the office's own record).
  if (d.receivedAt) out.push('control');
  // Form 19, the slip to the tax office, once it was sent (the office's letter, not the applicant's).
  if (d.receivedAt && d.tax?.sentAt) out.push('tax-transfer');
  if (d.status === 'REJECTED') out.push('rejection');
  if (d.status === 'RESULT_READY' || d.status === 'DELIVERED') out.push('result');
  return out;
}

export function DocumentLink({ code, kind }: { code: string; kind: Kind }) {
  const translate = useTranslate();
  const notify = useNotify();
  const path = `/dossiers/${encodeURIComponent(code)}/documents/${kind}`;
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<PictureAsPdfIcon />}
      data-document={kind}
      data-href={`/api${path}`}
      onClick={() => openDocument(path).catch((e: Error) => notify(e.message, { type: 'error' }))}
    >
      {translate(`app.documents.${kind}`)}
    </Button>
  );
}

export function Documents() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  if (!record) return null;
  const kinds = documentKinds(record);
  if (kinds.length === 0) return <Typography color="text.secondary">{translate('app.documents.none')}</Typography>;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }} data-testid="documents">
      {kinds.map((k) => (
        <DocumentLink key={k} code={record.code} kind={k} />
      ))}
    </Stack>
  );
}
