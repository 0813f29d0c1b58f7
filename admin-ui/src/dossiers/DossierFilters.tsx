import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { STATUSES, type Procedure } from '../types';
import { pick } from '../common/format';
import { BY_NAME } from '../common/fields';

/** `dueBefore` is an instant for the API; the officer picks a day (end of that day, Vietnam time). */
const parseDay = (v: string) => (v ? `${v}T23:59:59+07:00` : undefined);
const formatDay = (v: string | undefined) => (v ? v.slice(0, 10) : '');

function StatusInput(props: { source: string }) {
  const translate = useTranslate();
  return <SelectArrayInput {...props} choices={STATUSES.map((s) => ({ id: s, name: translate(`app.status.${s}`) }))} />;
}

function ProcedureInput(props: { source: string }) {
  const [locale] = useLocaleState();
  return (
    <ReferenceInput {...props} reference="procedures" perPage={100}>
      <AutocompleteInput optionText={(p: Procedure) => `${p.code} — ${pick(p.name, locale)}`} filterToQuery={(q) => ({ q })} sx={{ minWidth: 320 }} />
    </ReferenceInput>
  );
}

export const dossierFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <StatusInput key="status" source="status" />,
  <ProcedureInput key="procedureCode" source="procedureCode" />,
  <ReferenceInput key="agencyCode" source="agencyCode" reference="agencies" sort={BY_NAME} perPage={200}>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="users" sort={{ field: 'fullName', order: 'ASC' }} filter={{ role: 'specialist' }}>
    <AutocompleteInput optionText="fullName" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="overdue" source="overdue" defaultValue />,
  <DateInput key="dueBefore" source="dueBefore" parse={parseDay} format={formatDay} />,
];
