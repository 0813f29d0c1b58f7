import { AutocompleteInput, Create, Edit, Labeled, PasswordInput, ReferenceInput, SaveButton, SimpleForm, TextInput, Toolbar, TopToolbar, minLength, required } from 'react-admin';
import { RoleInput } from './UserList';
import { UserActiveButton, UserStatusField } from './UserStatus';
import { UserTotpResetButton } from './UserTotpReset';
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
      {/* The API also refuses common passwords and any containing the username (api/password-policy.ts). */}
      <PasswordInput source="password" helperText="app.password_hint" validate={create ? [required(), minLength(12)] : [minLength(12)]} />
    </>
  );
}

/** The password is sent only when typed; the API never returns it. */
const transform = (d: Record<string, unknown>) => {
  const { password, id: _id, createdAt: _c, active: _a, deactivatedAt: _d, ...rest } = d;
  return { ...rest, agencyCode: rest.agencyCode || null, phone: rest.phone || null, ...(password ? { password } : {}) };
};

export const UserEdit = () => (
  <Edit
    mutationMode="pessimistic"
    transform={transform}
    actions={
      <TopToolbar>
        <UserTotpResetButton />
        <UserActiveButton />
      </TopToolbar>
    }
  >
    {/* No delete (the API has none): a user who leaves is deactivated, and their history keeps its actor. */}
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <Labeled label="resources.users.fields.active">
        <UserStatusField />
      </Labeled>
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
