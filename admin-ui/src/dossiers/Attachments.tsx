import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DownloadIcon from '@mui/icons-material/Download';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetOne, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { documentChecklist } from '../../../domain/document-checklist';
import { pick } from '../common/format';
import type { MotcuaDataProvider } from '../dataProvider';
import { downloadFile } from '../http';
import type { Attachment, Dossier, Procedure } from '../types';
import { AttachmentPreview, attachmentPath } from './AttachmentPreview';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

function FileRow({ file, onPreview, onDownload }: { file: Attachment; onPreview: () => void; onDownload: () => void }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-attachment={file.id} data-name={file.name}>
      <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
        {file.name} <Typography component="span" variant="caption" color="text.secondary">({size(file.size)})</Typography>
      </Typography>
      {/* Taken from the citizen's store (api/citizen-store.ts): where it came from, and whether its signature verifies now. */}
      {file.fromStore && (
        <Typography variant="caption" color={file.fromStore.signatureValid ? 'success.main' : 'error.main'} data-testid="attachment-from-store" data-signature-valid={String(file.fromStore.signatureValid)}>
          {translate(file.fromStore.signatureValid ? 'app.attachments.fromStoreValid' : 'app.attachments.fromStoreInvalid', { dossier: file.fromStore.dossierCode })}
        </Typography>
      )}
      <Button size="small" startIcon={<VisibilityIcon />} onClick={onPreview} data-testid="attachment-preview-button">
        {translate('app.attachments.preview')}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} onClick={onDownload} data-testid="attachment-download-button">
        {translate('app.attachments.download')}
      </Button>
    </Stack>
  );
}

/**
 * The dossier's files against its procedure's checklist (thành phần hồ sơ): each required
 * document received ✓ or missing, then whatever else came. Every officer who may read the
 * dossier sees the same list (the API scopes GET /attachments like the dossier).
 */
export function Attachments() {
  const record = useRecordContext<Dossier>();
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [files, setFiles] = useState<Attachment[] | null>(null);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const { data: procedure } = useGetOne<Procedure>('procedures', { id: record?.procedureCode }, { enabled: !!record });
  // A supplement adds files: read again whenever the dossier changes.
  useEffect(() => {
    if (record) dataProvider.attachments(record.code).then(setFiles, (e: Error) => notify(e.message, { type: 'error' }));
  }, [record?.code, record?.updatedAt, dataProvider]);
  if (!record || files === null) return null;

  const download = (f: Attachment) => downloadFile(attachmentPath(record.code, f), f.name).catch((e: Error) => notify(e.message, { type: 'error' }));
  const rows = (list: Attachment[]) => list.map((f) => <FileRow key={f.id} file={f} onPreview={() => setPreview(f)} onDownload={() => download(f)} />);
  const { required, extra } = documentChecklist(procedure?.requiredDocuments ?? [], files);
  return (
    <Box data-testid="attachments">
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {required.map((item, i) => {
          const received = item.files.length > 0;
          return (
            <Box component="li" key={i} data-requirement={item.label.vi} data-received={received} sx={{ display: 'flex', gap: 1, mb: 1.5 }}>
              {received ? <CheckCircleIcon color="success" fontSize="small" /> : <ReportProblemOutlinedIcon color="warning" fontSize="small" />}
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {pick(item.label, locale)}
                </Typography>
                {received ? rows(item.files) : <Typography variant="caption" color="warning.main">{translate('app.attachments.missing')}</Typography>}
              </Box>
            </Box>
          );
        })}
      </Box>
      {extra.length > 0 && (
        <Box data-testid="attachments-extra" sx={{ mt: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('app.attachments.extra')}
          </Typography>
          {rows(extra)}
        </Box>
      )}
      {files.length === 0 && <Typography color="text.secondary">{translate('app.attachments.none')}</Typography>}
      {preview && <AttachmentPreview code={record.code} attachment={preview} onClose={() => setPreview(null)} onDownload={() => download(preview)} />}
    </Box>
  );
}
