import { Button as MuiButton, Stack } from '@mui/material';
import { useState } from 'react';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { Can } from '@casl/react';
import type { Action, Dossier, Procedure } from '../../types';
import { ActionDialog } from './ActionDialog';

/** Giving up on a dossier is shown apart from moving it forward. */
const NEGATIVE: ReadonlySet<Action> = new Set(['not-accept', 'reject', 'withdraw']);

/** One button per action the API says this officer may take now (`allowedActions`), no more. */
export function ActionButtons() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  const [open, setOpen] = useState<Action | null>(null);
  const { data: procedure } = useGetOne<Procedure>('procedures', { id: record?.procedureCode ?? '' }, { enabled: !!record && record.allowedActions.includes('forward') });
  if (!record || record.allowedActions.length === 0) return null;
  return (
    <Can I="act" a="Dossier">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }} data-testid="dossier-actions">
        {record.allowedActions.map((a) => (
          <MuiButton key={a} size="small" variant={NEGATIVE.has(a) ? 'outlined' : 'contained'} color={NEGATIVE.has(a) ? 'error' : 'primary'} onClick={() => setOpen(a)} data-action={a}>
            {translate(`resources.dossiers.actions.${a}`)}
          </MuiButton>
        ))}
      </Stack>
      {open && <ActionDialog action={open} record={record} handoff={procedure?.handoff?.departmentCode} onClose={() => setOpen(null)} />}
    </Can>
  );
}
