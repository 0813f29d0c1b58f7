import { Alert, Button, Dialog, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ability } from '../ability';
import { API } from '../http';
import type { Procedure } from '../types';
import { DeadlineText } from './DeadlineText';
import { DryRunActions, useDryRun } from './dry-run';

const t = (k: string) => `resources.procedures.publish.${k}`;
type Draft = { workingDays: string; fee: string; feeOnline: string; extraDays: string; note: string };

/** The changes the administrator typed, as POST /api/procedures/:code/versions takes them. */
function changesOf(p: Procedure, d: Draft) {
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\./g, '').replace(',', '.')));
  const body: Record<string, unknown> = {};
  const days = num(d.workingDays);
  if (days !== p.deadline.workingDays) body.deadline = { workingDays: days };
  const fee = num(d.fee) ?? 0;
  const online = num(d.feeOnline) ?? fee;
  if (fee !== p.fee || online !== p.feeOnline) body.fee = { counter: fee, online };
  // Days added in communes with especially difficult conditions (docs/calendar.md).
  const extra = num(d.extraDays) ?? 0;
  if (extra !== (p.difficultCommuneExtraDays ?? 0)) body.difficultCommuneExtraDays = extra;
  if (d.note.trim()) body.note = d.note.trim();
  return body;
}

/**
 * An administrator publishes a new version of a procedure's rules: the dialog previews it (the
 * API's dry run validates it and answers the new rules), shows what changes, then publishes.
 * Dossiers already submitted keep the version they pinned.
 */
export function PublishVersionButton() {
  const p = useRecordContext<Procedure>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>({ workingDays: '', fee: '', feeOnline: '', extraDays: '', note: '' });
  const { preview, setPreview, error, send: post, reset } = useDryRun<Procedure>(`${API}/procedures/${encodeURIComponent(p?.code ?? '')}/versions`, () => changesOf(p!, draft));
  if (!p || !ability.can('manage', 'Procedure')) return null;
  const start = () => {
    setDraft({ workingDays: p.deadline.workingDays === null ? '' : String(p.deadline.workingDays), fee: String(p.fee), feeOnline: String(p.feeOnline), extraDays: String(p.difficultCommuneExtraDays ?? 0), note: '' });
    reset();
    setOpen(true);
  };
  const send = async (dryRun: boolean) => {
    const published = await post(dryRun);
    if (!published) return;
    notify(t('published'), { type: 'success', messageArgs: { version: published.version } });
    setOpen(false);
    refresh();
  };
  const field = (k: keyof Draft, label: string) => (
    <TextField label={translate(t(label))} value={draft[k]} onChange={(e) => (setDraft({ ...draft, [k]: e.target.value }), setPreview(null))} size="small" slotProps={{ htmlInput: { inputMode: k === 'note' ? 'text' : 'decimal' } }} />
  );
  const row = (label: string, before: React.ReactNode, after: React.ReactNode) => (
    <TableRow>
      <TableCell>{translate(t(label))}</TableCell>
      <TableCell>{before}</TableCell>
      <TableCell sx={{ fontWeight: 600 }}>{after}</TableCell>
    </TableRow>
  );
  return (
    <>
      <Button variant="contained" size="small" onClick={start} data-testid="publish-version">
        {translate(t('open'))}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(t('title'), { code: p.code, version: p.version + 1 })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {field('workingDays', 'workingDays')}
            {field('fee', 'fee')}
            {field('feeOnline', 'feeOnline')}
            {field('extraDays', 'extraDays')}
            {field('note', 'note')}
            {error && <Alert severity="error">{error}</Alert>}
            {preview && (
              <Table size="small" aria-label={translate(t('diff'))}>
                <TableHead>
                  <TableRow>
                    <TableCell />
                    <TableCell>{translate(t('current'), { version: p.version })}</TableCell>
                    <TableCell>{translate(t('next'), { version: preview.version })}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {row('workingDays', <DeadlineText deadline={p.deadline} />, <DeadlineText deadline={preview.deadline} />)}
                  {row('fee', p.fee.toLocaleString('vi-VN'), preview.fee.toLocaleString('vi-VN'))}
                  {row('feeOnline', p.feeOnline.toLocaleString('vi-VN'), preview.feeOnline.toLocaleString('vi-VN'))}
                  {row('extraDays', p.difficultCommuneExtraDays ?? 0, preview.difficultCommuneExtraDays ?? 0)}
                </TableBody>
              </Table>
            )}
            <Alert severity="info">{translate(t('inflight'))}</Alert>
          </Stack>
        </DialogContent>
        <DryRunActions t={t} canConfirm={preview !== null} onCancel={() => setOpen(false)} onSend={(dryRun) => void send(dryRun)} confirmTestId="publish-confirm" />
      </Dialog>
    </>
  );
}
