import { AutocompleteInput, Create, Datagrid, DateField, DeleteButton, List, ReferenceInput, SimpleForm, TextField, TextInput, required } from 'react-admin';

const BY_NAME = { field: 'name', order: 'ASC' } as const;

/**
 * The administrator's list of communes with especially difficult conditions: a procedure that
 * says so gives their dossiers extra days (docs/calendar.md). Who listed each, and when, is shown;
 * every change is kept by the API.
 */
export function CommuneCategoryList() {
  return (
    <List sort={{ field: 'agencyCode', order: 'ASC' }} empty={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="agencyCode" />
        <TextField source="agencyName" sortable={false} />
        <TextField source="source" sortable={false} />
        <TextField source="updatedBy" sortable={false} />
        <DateField source="updatedAt" showTime />
        <DeleteButton mutationMode="pessimistic" />
      </Datagrid>
    </List>
  );
}

export const CommuneCategoryCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ category: 'especially-difficult' }}>
      <ReferenceInput source="agencyCode" reference="agencies" sort={BY_NAME} filter={{ kind: 'commune' }} perPage={200}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
      <TextInput source="source" fullWidth validate={required()} helperText="resources.commune-categories.source_help" />
    </SimpleForm>
  </Create>
);
