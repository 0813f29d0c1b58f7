import { CreateButton, Datagrid, ExportButton, FilterButton, List, TextField, TopToolbar } from 'react-admin';
import { DueBadge } from '../common/DueBadge';
import { AgencyField, DateTimeField, ProcedureNameField, UserField, WRAP } from '../common/fields';
import { StatusField } from '../common/StatusField';
import { BulkAssignButton } from './BulkAssignButton';
import { DossierAside } from './DossierAside';
import { DossierListEmpty } from './DossierListEmpty';
import { dossierExporter } from './exporter';
import { dossierFilters } from './DossierFilters';
import { RegisterExport } from './RegisterExport';

// The actions wrap onto a second line rather than widen the page past a 1280-px screen.
const ListActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', rowGap: 1 }}>
    <FilterButton />
    <CreateButton label="app.menu.reception" />
    <ExportButton />
    <RegisterExport />
  </TopToolbar>
);

/** Every dossier the officer may read (the API scopes the list), soonest due first. */
export function DossierList() {
  return (
    <List
      filters={dossierFilters}
      actions={<ListActions />}
      aside={<DossierAside />}
      sort={{ field: 'dueAt', order: 'ASC' }}
      exporter={dossierExporter as never}
      perPage={25}
      // Keep the search and filters on screen even when this officer's scope has no dossier yet.
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={<BulkAssignButton />} empty={<DossierListEmpty />}>
        <TextField source="code" />
        <ProcedureNameField label="resources.dossiers.fields.procedureName" sortable={false} />
        <TextField source="applicant.fullName" sortable={false} sx={WRAP} />
        <StatusField label="resources.dossiers.fields.status" sortBy="status" />
        <AgencyField source="agencyCode" label="resources.dossiers.fields.agencyCode" sortable={false} />
        <UserField source="assigneeId" label="resources.dossiers.fields.assigneeId" sortable={false} />
        <DateTimeField source="dueAt" label="resources.dossiers.fields.dueAt" sortBy="dueAt" />
        <DueBadge label="resources.dossiers.fields.remaining" sortable={false} />
      </Datagrid>
    </List>
  );
}
