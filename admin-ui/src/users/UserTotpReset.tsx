import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { API, httpClient } from '../http';

/**
 * The administrator's reset of a user's two-step verification, for an officer who lost both the
 * phone and the recovery codes: they sign in with the password alone until they enrol again.
 */
export function UserTotpResetButton() {
  const record = useRecordContext<{ id: string; fullName: string; role: string }>();
  const notify = useNotify();
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.role === 'citizen') return null;
  const reset = async () => {
    setBusy(true);
    try {
      await httpClient(`${API}/users/${encodeURIComponent(record.id)}/totp`, { method: 'DELETE' });
      notify('app.totp.reset_done', { type: 'success' });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <>
      <Button label="app.totp.reset" onClick={() => setConfirming(true)} disabled={busy} startIcon={<PhonelinkEraseIcon />} />
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={translate('app.totp.reset_confirm_title', { name: record.fullName })}
        content="app.totp.reset_confirm"
        onConfirm={reset}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
