import { ReferenceField, TextField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { DossierListItem } from '../types';
import { formatDateTime, formatNumber, pick } from './format';

/** An agency code shown as the agency's name (read via the agencies resource, cached). */
export function AgencyField({ source, label }: { source: string; label?: string; sortable?: boolean }) {
  return (
    <ReferenceField source={source} reference="agencies" link={false} label={label} emptyText="—">
      <TextField source="name" sx={BREAK_ANYWHERE} />
    </ReferenceField>
  );
}

export function UserField({ source, label }: { source: string; label?: string; sortable?: boolean }) {
  return (
    <ReferenceField source={source} reference="users" link={false} label={label} emptyText="—">
      <TextField source="fullName" sx={BREAK_ANYWHERE} />
    </ReferenceField>
  );
}

/**
 * A name in a table cell may break anywhere past 8em: one long unbroken name must not widen the
 * whole list beyond the screen (a table grows to its cells' narrowest width), and an ordinary
 * one keeps its words whole.
 */
export const WRAP = { display: 'block', minWidth: '8em', overflowWrap: 'anywhere' } as const;
/** An agency's or a person's name beside it: may break anywhere too, with no width of its own to hold. */
const BREAK_ANYWHERE = { overflowWrap: 'anywhere' } as const;
/** A title (a procedure's) wraps between words only, in a column wide enough to read. */
const TITLE = { display: 'block', minWidth: '10em', overflowWrap: 'break-word' } as const;

/**
 * A chip whose label wraps between words instead of holding its column at its full width: a list
 * of nine columns beside the filters must fit 1280 px (a chip is `nowrap` by default).
 */
export const WRAPPING_CHIP = { height: 'auto', minHeight: 24, '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } } as const;

export function ProcedureNameField(_: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<DossierListItem>();
  const [locale] = useLocaleState();
  return record ? (
    <span title={record.procedureCode} style={TITLE}>
      {pick(record.procedureName, locale) || record.procedureCode}
    </span>
  ) : null;
}

/** A value translated from an `app.<prefix>.<value>` key (roles, kinds, channels...). */
export function TranslatedField({ source, prefix }: { source: string; prefix: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const v = record?.[source];
  return v ? <span>{translate(`app.${prefix}.${v}`, { _: String(v) })}</span> : null;
}

/** A date-time as the paper forms print it, dd/MM/yyyy HH:mm (common/format), in lists too. */
export function DateTimeField({ source }: { source: string; label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext();
  const v = record?.[source] as string | null | undefined;
  return v ? <span>{formatDateTime(v)}</span> : <span>—</span>;
}

/** A number with Vietnamese separators (1.234.567), whatever the interface language. */
export function VndNumberField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const v = record?.[source] as number | null | undefined;
  return <span>{formatNumber(v)}</span>;
}

/**
 * The sort an agency picker asks for. react-admin's default (`id`) is not a sortable field of
 * the API's agencies, which answers it with a 400: the picker then waits forever.
 */
export const BY_NAME = { field: 'name', order: 'ASC' } as const;
