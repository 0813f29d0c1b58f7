import { Datagrid, DateField, List, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { AgencyField } from '../common/fields';
import { StatusField } from '../common/StatusField';
import { STUCK_KINDS, type StuckDossier } from '../types';
import { RepairButton } from './RepairButton';


function KindField(_: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<StuckDossier>();
  const translate = useTranslate();
  return record?.stuckKind ? <span data-kind={record.stuckKind}>{translate(`resources.stuck-dossiers.kinds.${record.stuckKind}`)}</span> : null;
}

/** Dossiers whose workflow cannot record (GET /api/dossiers/stuck), oldest first, with the administrator's repair. */
export function StuckList() {
  const translate = useTranslate();
  const kinds = STUCK_KINDS.map((k) => ({ id: k, name: translate(`resources.stuck-dossiers.kinds.${k}`) }));
  return (
    <List filters={[<SelectInput key="kind" source="kind" choices={kinds} alwaysOn />]} sort={{ field: 'stuckAt', order: 'ASC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="stuck-list">
        <TextField source="code" />
        <AgencyField source="agencyCode" label="resources.stuck-dossiers.fields.agencyCode" sortable={false} />
        <StatusField label="resources.stuck-dossiers.fields.status" />
        <DateField source="stuckAt" showTime />
        <KindField label="resources.stuck-dossiers.fields.stuckKind" sortable={false} />
        <TextField source="stuckReason" sortable={false} />
        <RepairButton />
      </Datagrid>
    </List>
  );
}
