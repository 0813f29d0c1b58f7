import { AutocompleteInput, Create, Edit, PasswordInput, ReferenceInput, SimpleForm, TextInput, minLength, required } from 'react-admin';
import { RoleInput } from './UserList';
import { BY_NAME } from '../common/fields';

function UserInputs({ create }: { create?: boolean }) {
  return (
    <>
      <TextInput source="username" validate={required()} />
      <TextInput source="fullName" validate={required()} fullWidth />
      <RoleInput source="role" validate={required()} />
      <ReferenceInput source="agencyCode" reference="agencies" sort={BY_NAME} perPage={200}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <TextInput source="phone" />
      <PasswordInput source="password" validate={create ? [required(), minLength(8)] : [minLength(8)]} />
    </>
  );
}

/** The password is sent only when typed; the API never returns it. */
const transform = (d: Record<string, unknown>) => {
  const { password, id: _id, createdAt: _c, ...rest } = d;
  return { ...rest, agencyCode: rest.agencyCode || null, phone: rest.phone || null, ...(password ? { password } : {}) };
};

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={transform}>
    <SimpleForm>
      <UserInputs />
    </SimpleForm>
  </Edit>
);

export const UserCreate = () => (
  <Create transform={transform} redirect="list">
    <SimpleForm>
      <UserInputs create />
    </SimpleForm>
  </Create>
);
