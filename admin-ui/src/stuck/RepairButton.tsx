import { Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, TextInput, minLength, required, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { ability } from '../ability';
import type { MotcuaDataProvider } from '../dataProvider';
import type { StuckDossier } from '../types';

type Mode = 'retry' | 'close';
const t = (k: string) => `resources.stuck-dossiers.${k}`;

/** Retry / close, each sending the reason typed in the form (validated first). */
function ModeButtons({ busy, onSubmit }: { busy: boolean; onSubmit: (mode: Mode, reason: string) => void }) {
  const translate = useTranslate();
  const form = useFormContext<{ reason: string }>();
  const send = (mode: Mode) => form.handleSubmit(({ reason }) => onSubmit(mode, reason))();
  return (
    <>
      <MuiButton disabled={busy} onClick={() => send('retry')} variant="contained" data-mode="retry">
        {translate(t('actions.retry'))}
      </MuiButton>
      <MuiButton disabled={busy} onClick={() => send('close')} variant="outlined" color="error" data-mode="close">
        {translate(t('actions.close'))}
      </MuiButton>
    </>
  );
}

/** The administrator's repair of a `record-failed` dossier (POST /api/dossiers/{code}/repair), with a reason for the trail. */
export function RepairButton(_: { label?: string }) {
  const record = useRecordContext<StuckDossier>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !ability.can('repair', 'Dossier')) return null;
  if (record.stuckKind === 'retrying') {
    return (
      <Tooltip title={translate(t('retrying_help'))}>
        <Typography variant="caption" color="text.secondary">—</Typography>
      </Tooltip>
    );
  }
  const repair = async (mode: Mode, reason: string) => {
    setBusy(true);
    try {
      await dataProvider.repair(record.code, mode, reason);
      notify(t('notifications.repaired'), { type: 'success', messageArgs: { code: record.code } });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <MuiButton size="small" variant="contained" onClick={() => setOpen(true)} data-testid="repair">
        {translate(t('actions.repair'))}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form>
          <DialogTitle>{translate(t('dialog.title'), { code: record.code })}</DialogTitle>
          <DialogContent>
            <Typography variant="body2">{record.stuckReason}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{translate(t('dialog.retry_help'))}</Typography>
            <Typography variant="body2" color="text.secondary">{translate(t('dialog.close_help'))}</Typography>
            <TextInput source="reason" label={t('dialog.reason')} validate={[required(), minLength(3)]} multiline fullWidth sx={{ mt: 2 }} />
          </DialogContent>
          <DialogActions>
            <ModeButtons busy={busy} onSubmit={repair} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
