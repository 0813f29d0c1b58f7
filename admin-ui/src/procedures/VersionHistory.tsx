import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import type { Procedure } from '../types';

/** The procedure's versions, newest first: who published what, when, and why. */
export function VersionHistory() {
  const p = useRecordContext<Procedure>();
  const translate = useTranslate();
  if (!p?.history?.length) return null;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {['version', 'publishedAt', 'publishedBy', 'changes', 'note'].map((k) => (
            <TableCell key={k}>{translate(`resources.procedures.history.${k}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {p.history.map((h) => (
          <TableRow key={h.version}>
            <TableCell>{h.version}</TableCell>
            <TableCell>{formatDateTime(h.publishedAt)}</TableCell>
            <TableCell>{h.publishedBy ?? translate('resources.procedures.history.fromCode')}</TableCell>
            <TableCell>{h.changes ? JSON.stringify(h.changes) : '—'}</TableCell>
            <TableCell>{h.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
