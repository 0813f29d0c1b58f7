import { CreateButton, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { AgencyTree } from './AgencyTree';

const KINDS = ['province', 'department', 'commune', 'police'];

function KindInput({ source }: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SelectInput source={source} choices={KINDS.map((k) => ({ id: k, name: translate(`app.kind.${k}`) }))} />;
}

export function AgencyList() {
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />, <KindInput key="kind" source="kind" />]}
      perPage={500}
      pagination={false}
      sort={{ field: 'code', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <AgencyTree />
    </List>
  );
}
