import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { optionLabel } from '../../../domain/form-choices';
import { pick } from '../common/format';
import type { Dossier, JsonSchemaProp, Procedure } from '../types';

/** A choice by the display words its form schema gives it (its enum's optionLabels); as is otherwise. */
const choice = (v: unknown, prop: JsonSchemaProp | undefined) => optionLabel(prop, v);

function show(v: unknown, prop: JsonSchemaProp | undefined, yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? Object.values(x).join(' – ') : choice(x, prop?.items))).join('; ');
  if (v && typeof v === 'object') return Object.values(v).join(' – ');
  if (prop?.format === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('/');
  return v === null || v === undefined ? '' : choice(v, prop);
}

/** The applicant's form, labelled with the procedure's own field labels (formLabels) and choice words. */
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
            <TableCell data-field={k}>{show(record.form[k], procedure?.formSchema.properties[k], translate('ra.boolean.true'), translate('ra.boolean.false'))}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
