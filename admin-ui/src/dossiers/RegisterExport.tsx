import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFile, openDocument } from '../http';

/** yyyy-mm-dd of a day in Vietnam time (UTC+7), the day the officer means. */
const vietnamDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
/** The first instant of that day in Vietnam. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * Form 06, the register (sổ theo dõi hồ sơ) of the officer's agency over the chosen days, as PDF
 * or CSV (GET /api/registers/dossiers, docs/forms.md): for leaders and supervisors only. A
 * supervisor's register is that of the agency the list is filtered on, else their own.
 */
export function RegisterExport() {
  const { identity } = useGetIdentity();
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const today = vietnamDay(Date.now());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  if (identity?.role !== 'leader' && identity?.role !== 'supervisor') return null;
  const query = () => {
    const end = new Date(dayStart(to).getTime() + 86_400_000); // the API's `to` is exclusive
    const agencyCode = (filterValues?.receivingAgencyCode ?? filterValues?.agencyCode) as string | undefined;
    return new URLSearchParams({ from: dayStart(from).toISOString(), to: end.toISOString(), ...(agencyCode ? { agencyCode } : {}) }).toString();
  };
  const fail = (e: Error) => notify(e.message, { type: 'error' });
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="register-export">
      <TextField type="date" size="small" label={translate('app.register.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField type="date" size="small" label={translate('app.register.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <Button size="small" startIcon={<PictureAsPdfIcon />} onClick={() => openDocument(`/registers/dossiers?${query()}`).catch(fail)}>
        {translate('app.register.pdf')}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadFile(`/registers/dossiers/csv?${query()}`, `so-theo-doi-ho-so-${from}-${to}.csv`).catch(fail)}>
        {translate('app.register.csv')}
      </Button>
    </Stack>
  );
}
