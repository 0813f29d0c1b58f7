import { AutocompleteInput, Create, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { BY_NAME } from '../common/fields';

function AgencyInputs({ create }: { create?: boolean }) {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="code" validate={required()} disabled={!create} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="nameEn" fullWidth />
      <SelectInput source="kind" validate={required()} choices={['province', 'department', 'commune', 'police'].map((k) => ({ id: k, name: translate(`app.kind.${k}`) }))} />
      <ReferenceInput source="parentCode" reference="agencies" sort={BY_NAME} filter={{ kind: 'province' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
    </>
  );
}

/** A null parent is the province itself; the API checks the tree's shape. */
const transform = (d: Record<string, unknown>) => ({ ...d, parentCode: d.parentCode || null, nameEn: d.nameEn || null });

export const AgencyEdit = () => (
  <Edit mutationMode="pessimistic" transform={transform}>
    <SimpleForm>
      <AgencyInputs />
    </SimpleForm>
  </Edit>
);

export const AgencyCreate = () => (
  <Create transform={transform} redirect="list">
    <SimpleForm>
      <AgencyInputs create />
    </SimpleForm>
  </Create>
);
