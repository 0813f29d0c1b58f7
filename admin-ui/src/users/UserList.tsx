import { AutocompleteInput, Datagrid, List, ReferenceInput, SearchInput, SelectInput, TextField, useTranslate } from 'react-admin';
import { AgencyField, BY_NAME, DateTimeField, TranslatedField } from '../common/fields';
import { UserStatusField } from './UserStatus';

export const ROLES = ['desk-officer', 'specialist', 'leader', 'supervisor', 'admin', 'citizen', 'helper'];

export function RoleInput(props: { source: string; validate?: unknown }) {
  const translate = useTranslate();
  return <SelectInput {...(props as { source: string })} choices={ROLES.map((r) => ({ id: r, name: translate(`app.role.${r}`) }))} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <RoleInput key="role" source="role" />,
  <ReferenceInput key="agencyCode" source="agencyCode" reference="agencies" sort={BY_NAME} perPage={200}>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

export function UserList() {
  return (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="fullName" />
        <TranslatedField source="role" prefix="role" label="resources.users.fields.role" sortable={false} />
        <AgencyField source="agencyCode" label="resources.users.fields.agencyCode" />
        <TextField source="phone" sortable={false} />
        <UserStatusField label="resources.users.fields.active" sortable={false} />
        <DateTimeField source="createdAt" label="resources.users.fields.createdAt" />
      </Datagrid>
    </List>
  );
}
