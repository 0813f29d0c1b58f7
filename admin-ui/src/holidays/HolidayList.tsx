import { Create, Datagrid, DeleteButton, FunctionField, List, NumberInput, SelectInput, SimpleForm, TextField, TextInput, required, useTranslate } from 'react-admin';
import { DayInput } from '../common/DayInput';
import { dayToText } from '../common/day-text';
import { TranslatedField } from '../common/fields';

const KINDS = ['off', 'working'];
function KindInput(props: { source: string; validate?: unknown }) {
  const translate = useTranslate();
  return <SelectInput {...(props as { source: string })} choices={KINDS.map((k) => ({ id: k, name: translate(`app.holiday_kind.${k}`) }))} />;
}

/** The admin's overrides of the computed calendar, a year at a time. */
export function HolidayList() {
  return (
    <List
      filters={[<NumberInput key="year" source="year" alwaysOn />, <KindInput key="kind" source="kind" />]}
      filterDefaultValues={{ year: new Date().getFullYear() }}
      sort={{ field: 'date', order: 'ASC' }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField source="date" render={(h: { date: string }) => dayToText(h.date)} />
        <TranslatedField source="kind" prefix="holiday_kind" label="resources.holidays.fields.kind" />
        <TextField source="note" sortable={false} />
        <DeleteButton mutationMode="pessimistic" />
      </Datagrid>
    </List>
  );
}

export const HolidayCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <DayInput source="date" label="resources.holidays.fields.date" isRequired />
      <KindInput source="kind" validate={required()} />
      <TextInput source="note" fullWidth />
    </SimpleForm>
  </Create>
);
