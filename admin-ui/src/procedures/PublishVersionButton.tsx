import { Alert, Button, Dialog, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ability } from '../ability';
import { API } from '../http';
import type { Procedure } from '../types';
import { DeadlineText } from './DeadlineText';
import { CHANNELS, deadlineChanges, deadlineDraft, KINDS, type DeadlineChannel, type DeadlineDraft } from './deadline-draft';
import { DryRunActions, useDryRun } from './dry-run';

const t = (k: string) => `resources.procedures.publish.${k}`;
type Draft = { deadlines: DeadlineDraft; fee: string; feeOnline: string; extraDays: string; note: string };

/** The changes the administrator typed, as POST /api/procedures/:code/versions takes them. */
function changesOf(p: Procedure, d: Draft) {
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\./g, '').replace(',', '.')));
  // The deadline of each channel and its way of counting (deadline-draft.ts).
  const body: Record<string, unknown> = { ...deadlineChanges(p, d.deadlines) };
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
  const [draft, setDraft] = useState<Draft | null>(null);
  const { preview, setPreview, error, send: post, reset } = useDryRun<Procedure>(`${API}/procedures/${encodeURIComponent(p?.code ?? '')}/versions`, () => changesOf(p!, draft!));
  if (!p || !ability.can('manage', 'Procedure')) return null;
  const start = () => {
    setDraft({ deadlines: deadlineDraft(p), fee: String(p.fee), feeOnline: String(p.feeOnline), extraDays: String(p.difficultCommuneExtraDays ?? 0), note: '' });
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
  const field = (k: Exclude<keyof Draft, 'deadlines'>, label: string) => (
    <TextField label={translate(t(label))} value={draft?.[k] ?? ''} onChange={(e) => (setDraft({ ...draft!, [k]: e.target.value }), setPreview(null))} size="small" slotProps={{ htmlInput: { inputMode: k === 'note' ? 'text' : 'decimal' } }} />
  );
  /** One channel's deadline: its days and how they are counted. */
  const channelRow = (c: DeadlineChannel) => {
    const set = (part: 'days' | 'kind', v: string) => (setDraft({ ...draft!, deadlines: { ...draft!.deadlines, [c]: { ...draft!.deadlines[c], [part]: v } } }), setPreview(null));
    return (
      <Stack direction="row" spacing={1} key={c} data-testid={`deadline-${c}`}>
        <TextField label={translate(t(`days_${c}`))} value={draft?.deadlines[c].days ?? ''} onChange={(e) => set('days', e.target.value)} size="small" sx={{ flex: 1 }} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
        <TextField select label={translate(t('kind'))} value={draft?.deadlines[c].kind ?? ''} onChange={(e) => set('kind', e.target.value)} size="small" sx={{ flex: 1 }}>
          {(draft?.deadlines[c].kind === '' ? ['', ...KINDS] : KINDS).map((k) => (
            <MenuItem key={k} value={k}>{translate(`app.deadline.kind.${k || 'legacy'}`)}</MenuItem>
          ))}
        </TextField>
      </Stack>
    );
  };
  const channelDeadline = (x: Procedure, c: DeadlineChannel) => {
    const d = c === 'counter' ? x.deadline : x.deadlines?.[c];
    if (!d) return translate(t('as_counter'));
    return (
      <>
        <DeadlineText deadline={d} />
        {d.kind !== 'same-day' && ` (${translate(`app.deadline.kind.${d.kind ?? 'legacy'}`)})`}
      </>
    );
  };
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
            {CHANNELS.map(channelRow)}
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
                  {CHANNELS.map((c) => (
                    <TableRow key={c}>
                      <TableCell>{translate(t(`days_${c}`))}</TableCell>
                      <TableCell>{channelDeadline(p, c)}</TableCell>
                      <TableCell sx={{ fontWeight: 600 }}>{channelDeadline(preview, c)}</TableCell>
                    </TableRow>
                  ))}
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
