import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { fetchFile } from '../http';
import type { Attachment } from '../types';

export const attachmentPath = (code: string, a: Pick<Attachment, 'id'>) => `/dossiers/${encodeURIComponent(code)}/attachments/${encodeURIComponent(a.id)}`;

/**
 * One attached file shown in place: a PDF in the browser's viewer, a photo as an image. The
 * bytes are fetched with the officer's token and shown through a blob: URL (an iframe cannot
 * send the token), released when the dialog closes.
 */
export function AttachmentPreview({ code, attachment, onClose, onDownload }: { code: string; attachment: Attachment; onClose: () => void; onDownload: () => void }) {
  const translate = useTranslate();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    fetchFile(attachmentPath(code, attachment)).then(
      (blob) => {
        if (!live) return;
        // The stored type, not whatever the response said: the API sniffed it at upload.
        made = URL.createObjectURL(new Blob([blob], { type: attachment.mimeType }));
        setUrl(made);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [code, attachment.id, attachment.mimeType]);

  const isPdf = attachment.mimeType === 'application/pdf';
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" data-testid="attachment-preview" data-attachment={attachment.id}>
      <DialogTitle>{attachment.name}</DialogTitle>
      <DialogContent dividers sx={{ height: '75vh', p: 0, display: 'flex', justifyContent: 'center', alignItems: 'center' }}>
        {error && <Alert severity="error">{error}</Alert>}
        {url && isPdf && <Box component="iframe" src={url} title={attachment.name} data-testid="attachment-preview-frame" sx={{ border: 0, width: '100%', height: '100%' }} />}
        {url && !isPdf && <Box component="img" src={url} alt={attachment.name} data-testid="attachment-preview-image" sx={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onDownload}>{translate('app.attachments.download')}</Button>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
