import { Datagrid, FunctionField, List, SearchInput, SelectInput, TextField, useLocaleState, useTranslate } from 'react-admin';
import { pick } from '../common/format';
import { TranslatedField, VndNumberField } from '../common/fields';
import type { Procedure } from '../types';
import { DeadlineText } from './DeadlineText';

function LevelInput({ source }: { source: string }) {
  const translate = useTranslate();
  return <SelectInput source={source} choices={['commune', 'province'].map((l) => ({ id: l, name: translate(`app.level.${l}`) }))} />;
}

/** The catalogue (~1,600 procedures), paged and searched by the server; versions are published from a procedure's page. */
export function ProcedureList() {
  const [locale] = useLocaleState();
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />, <LevelInput key="level" source="level" />]} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <FunctionField source="name" render={(p: Procedure) => pick(p.name, locale)} />
        <FunctionField source="field" sortable={false} render={(p: Procedure) => pick(p.field, locale)} />
        <TranslatedField source="level" prefix="level" label="resources.procedures.fields.level" sortable={false} />
        <VndNumberField source="fee" label="resources.procedures.fields.fee" sortable={false} />
        <FunctionField source="deadline" sortable={false} render={(p: Procedure) => <DeadlineText deadline={p.deadline} />} />
      </Datagrid>
    </List>
  );
}
