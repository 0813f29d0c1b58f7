import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useGetIdentity, useGetList, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { MotcuaDataProvider } from '../dataProvider';
import { officerLabel, useWorkload, type Officer } from './actions/AssigneeInput';

/** Assigns the selected dossiers to one specialist of my agency: one `assign` action each. */
export function BulkAssignButton() {
  const { selectedIds, onUnselectItems } = useListContext();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [assigneeId, setAssigneeId] = useState('');
  const [busy, setBusy] = useState(false);
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = officerLabel(translate, useWorkload(identity?.agencyCode, open));
  const { data: specialists = [] } = useGetList<Officer>(
    'users',
    { filter: { agencyCode: identity?.agencyCode, role: 'specialist' }, pagination: { page: 1, perPage: 100 }, sort: { field: 'fullName', order: 'ASC' } },
    { enabled: open && !!identity?.agencyCode },
  );
  const role = identity?.role as string | undefined;
  if (role !== 'desk-officer' && role !== 'leader') return null;

  const run = async () => {
    setBusy(true);
    const results = await Promise.allSettled(selectedIds.map((id) => dataProvider.act(String(id), 'assign', { assigneeId })));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    setBusy(false);
    setOpen(false);
    if (failed.length === 0) notify('resources.dossiers.notifications.bulk_assigned', { type: 'success', messageArgs: { smart_count: results.length } });
    else
      notify('resources.dossiers.notifications.bulk_partial', {
        type: 'warning',
        messageArgs: { ok: results.length - failed.length, total: results.length, error: (failed[0]!.reason as Error).message },
      });
    onUnselectItems();
    refresh();
  };

  return (
    <>
      <Button label="resources.dossiers.actions.bulk_assign" onClick={() => setOpen(true)}>
        <AssignmentIndIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('resources.dossiers.actions.bulk_assign')}</DialogTitle>
        <DialogContent>
          <TextField select fullWidth label={translate('resources.dossiers.dialog.assigneeId')} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} sx={{ mt: 1 }} slotProps={{ htmlInput: { 'data-testid': 'bulk-assignee' } }}>
            {specialists.map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {label(u)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.confirm" variant="contained" disabled={!assigneeId || busy} onClick={run} />
        </DialogActions>
      </Dialog>
    </>
  );
}
