import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import type { Agency, Dossier } from '../types';
import { StepDocument } from './StepDocument';

/** The site visits scheduled with the applicant (the last one stands) and the minutes (the inspect stage). */
export function InspectionRecord() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const i = record?.inspection;
  if (!i) return null;
  const t = (k: string) => translate(`resources.dossiers.inspection.${k}`);
  return (
    <div data-testid="inspection">
      {i.visits.map((v, n) => (
        <Typography key={n} variant="body2" sx={n < i.visits.length - 1 ? { textDecoration: 'line-through', color: 'text.secondary' } : {}}>
          {t('visit')}: {formatDateTime(v.at, locale)} — {v.place}
        </Typography>
      ))}
      {i.visits.length === 0 && <Typography variant="body2">{t('none')}</Typography>}
      {i.minutes && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('minutes')}: {i.minutes.document.name} — {translate(`app.inspection.${i.minutes.outcome}`)}
          {i.minutes.note ? ` (${i.minutes.note})` : ''}
        </Typography>
      )}
      {i.minutes && (
        <StepDocument code={record.code} document={i.minutes.document} kind="minutes" />
      )}
    </div>
  );
}

/** Who was asked for an opinion, by when, and what each answered (the consult stage). */
export function ConsultationRecord() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const asks = record?.consultation?.asks ?? [];
  const { data: agencies = [] } = useGetMany<Agency>('agencies', { ids: asks.map((a) => a.agencyCode) }, { enabled: asks.length > 0 });
  if (!record?.consultation) return null;
  const t = (k: string) => translate(`resources.dossiers.consultation.${k}`);
  if (asks.length === 0) return <Typography variant="body2">{t('none')}</Typography>;
  const answerText = (a: (typeof asks)[number]) => {
    if (!a.answer) return t('waiting');
    const opinion = translate(`app.opinion.${a.answer.opinion === 'no-answer' && a.answer.deemedAgreed ? 'deemed' : a.answer.opinion}`);
    return `${opinion}${a.answer.note ? `: ${a.answer.note}` : ''} (${formatDateTime(a.answer.at, locale)})`;
  };
  return (
    <Table size="small" data-testid="consultation">
      <TableHead>
        <TableRow>
          <TableCell>{t('agency')}</TableCell>
          <TableCell>{t('dueAt')}</TableCell>
          <TableCell>{t('answer')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {asks.map((a, n) => (
          <TableRow key={n}>
            <TableCell>{agencies.find((x) => x.code === a.agencyCode)?.name ?? a.agencyCode}</TableCell>
            <TableCell>{formatDateTime(a.dueAt, locale)}</TableCell>
            <TableCell>
              {answerText(a)}
              {a.answer?.document && (
                <Box sx={{ mt: 0.5 }}>
                  {t('letter')}: <StepDocument code={record.code} document={a.answer.document} kind="letter" />
                </Box>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
