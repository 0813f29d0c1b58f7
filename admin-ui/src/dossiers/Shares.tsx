import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import type { Agency, Dossier } from '../types';

/** Each agency's time with the dossier against its share of the deadline (liên thông). */
export function Shares() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const codes = record?.shares.map((s) => s.agencyCode) ?? [];
  const { data: agencies = [] } = useGetMany<Agency>('agencies', { ids: codes }, { enabled: codes.length > 0 });
  if (!record || record.shares.length === 0) return null;
  const t = (k: string) => translate(`resources.dossiers.share.${k}`);
  // Five columns in the page's narrow side column: it scrolls sideways rather than cut the last one
  // off, and a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
  return (
    <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('title')}>
      <Table size="small" data-testid="shares">
        <TableHead>
          <TableRow>
            <TableCell>{t('agency')}</TableCell>
            <TableCell>{t('enteredAt')}</TableCell>
            <TableCell>{t('leftAt')}</TableCell>
            <TableCell>{t('dueAt')}</TableCell>
            <TableCell>{t('days')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {record.shares.map((s, i) => {
            const late = s.dueAt !== null && Date.parse(s.leftAt ?? new Date().toISOString()) > Date.parse(s.dueAt);
            return (
              <TableRow key={i}>
                <TableCell>{agencies.find((a) => a.code === s.agencyCode)?.name ?? s.agencyCode}</TableCell>
                <TableCell>{formatDateTime(s.enteredAt, locale)}</TableCell>
                <TableCell>{formatDateTime(s.leftAt, locale)}</TableCell>
                <TableCell>
                  {formatDateTime(s.dueAt, locale)} {late && <Chip size="small" color="error" label={t('late')} />}
                </TableCell>
                <TableCell>{s.shareWorkingDays ?? ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
