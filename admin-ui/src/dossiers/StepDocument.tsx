import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../http';
import { attachmentPath } from './AttachmentPreview';

/**
 * The document a step recorded — a site inspection's minutes, a consulted agency's letter — as a
 * download of the file the dossier keeps (GET /api/dossiers/:code/attachments/:id, behind the
 * officer's token like every attached file).
 */
export function StepDocument({ code, document, kind }: { code: string; document: { id: string; name: string }; kind: 'minutes' | 'letter' }) {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      sx={{ textTransform: 'none', wordBreak: 'break-all' }}
      data-step-document={kind}
      {...{ [`data-${kind}`]: document.id }}
      aria-label={`${translate('app.attachments.download')}: ${document.name}`}
      onClick={() => downloadFile(attachmentPath(code, document), document.name).catch((e: Error) => notify(e.message, { type: 'error' }))}
    >
      {document.name}
    </Button>
  );
}
