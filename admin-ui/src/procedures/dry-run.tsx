import { Button, DialogActions } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { problemLine } from '../common/problem-text';
import { httpClient } from '../http';

/**
 * A change the API previews before it is made (`?dryRun=1` validates and answers what would be
 * saved): the procedure's versions and its profile are both published this way. `send(true)`
 * keeps the preview; `send(false)` saves and answers the saved record, or null after an error
 * (shown in `error`, in the reader's language).
 */
export function useDryRun<T>(url: string, body: () => unknown) {
  const translate = useTranslate();
  const [preview, setPreview] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (dryRun: boolean): Promise<T | null> => {
    setError(null);
    try {
      const { json } = await httpClient(`${url}${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: JSON.stringify(body()) });
      if (!dryRun) return json as T;
      setPreview(json as T);
    } catch (e) {
      setError(problemLine(translate, e));
    }
    return null;
  };
  const reset = () => {
    setPreview(null);
    setError(null);
  };
  return { preview, setPreview, error, send, reset };
}

/** Cancel, preview, and confirm once there is a preview. */
export function DryRunActions({ t, canConfirm, onCancel, onSend, confirmTestId }: {
  t: (k: string) => string;
  canConfirm: boolean;
  onCancel: () => void;
  onSend: (dryRun: boolean) => void;
  confirmTestId: string;
}) {
  const translate = useTranslate();
  return (
    <DialogActions>
      <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
      <Button onClick={() => onSend(true)}>{translate(t('preview'))}</Button>
      <Button variant="contained" disabled={!canConfirm} onClick={() => onSend(false)} data-testid={confirmTestId}>
        {translate(t('confirm'))}
      </Button>
    </DialogActions>
  );
}
