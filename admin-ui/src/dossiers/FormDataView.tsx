import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { pick } from '../common/format';
import type { Dossier, Procedure } from '../types';

function show(v: unknown, yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? Object.values(x).join(' – ') : String(x))).join('; ');
  if (v && typeof v === 'object') return Object.values(v).join(' – ');
  return v === null || v === undefined ? '' : String(v);
}

/** The applicant's form, labelled with the procedure's own field labels (formLabels). */
export function FormDataView() {
  const record = useRecordContext<Dossier>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const { data: procedure } = useGetOne<Procedure>('procedures', { id: record?.procedureCode ?? '' }, { enabled: !!record });
  if (!record) return null;
  const order = procedure ? Object.keys(procedure.formSchema.properties) : Object.keys(record.form);
  const keys = [...order.filter((k) => k in record.form), ...Object.keys(record.form).filter((k) => !order.includes(k))];
  return (
    <Table size="small" data-testid="form-data">
      <TableBody>
        {keys.map((k) => (
          <TableRow key={k}>
            <TableCell sx={{ width: '45%', color: 'text.secondary' }}>{pick(procedure?.formLabels[k], locale) || k}</TableCell>
            <TableCell>{show(record.form[k], translate('ra.boolean.true'), translate('ra.boolean.false'))}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
