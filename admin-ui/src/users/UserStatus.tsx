import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Chip } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { MotcuaDataProvider } from '../dataProvider';

interface UserRecord {
  id: string;
  fullName: string;
  active: boolean;
}

/** Active or deactivated, at a glance in the list and on the form. */
export function UserStatusField(_: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.active ? (
    <Chip size="small" color="success" variant="outlined" label={translate('app.user_status.active')} />
  ) : (
    <Chip size="small" color="default" icon={<BlockIcon />} label={translate('app.user_status.deactivated')} />
  );
}

/**
 * Deactivate (after a confirmation: every session of the user ends at once) or reactivate the
 * user on screen. Not offered on one's own account: the API refuses it (409).
 */
export function UserActiveButton() {
  const record = useRecordContext<UserRecord>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.id === identity?.id) return null;

  const run = async (active: boolean) => {
    setBusy(true);
    try {
      await dataProvider.setUserActive(record.id, active);
      notify(active ? 'app.user_actions.reactivated' : 'app.user_actions.deactivated', { type: 'success' });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (!record.active) {
    return <Button label="app.user_actions.reactivate" onClick={() => run(true)} disabled={busy} color="primary" startIcon={<CheckCircleIcon />} />;
  }
  return (
    <>
      <Button label="app.user_actions.deactivate" onClick={() => setConfirming(true)} disabled={busy} color="error" startIcon={<BlockIcon />} />
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={translate('app.user_actions.deactivate_confirm_title', { name: record.fullName })}
        content="app.user_actions.deactivate_confirm"
        onConfirm={() => run(false)}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
