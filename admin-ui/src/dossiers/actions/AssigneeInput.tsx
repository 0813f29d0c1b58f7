import { useMemo } from 'react';
import { ReferenceInput, SelectInput, required, useGetList, useTranslate } from 'react-admin';
import type { Dossier, DossierListItem } from '../../types';

export interface Officer {
  id: string;
  username: string;
  fullName: string;
  role: string;
}

/** Open dossiers per assignee at an agency: the leader balances work by it. */
export function useWorkload(agencyCode: string | undefined, enabled = true) {
  const { data = [] } = useGetList<DossierListItem>(
    'dossiers',
    { filter: { agencyCode, open: true }, pagination: { page: 1, perPage: 500 }, sort: { field: 'dueAt', order: 'ASC' } },
    { enabled: enabled && !!agencyCode },
  );
  return useMemo(() => {
    const m = new Map<string, number>();
    for (const d of data) if (d.assigneeId) m.set(d.assigneeId, (m.get(d.assigneeId) ?? 0) + 1);
    return m;
  }, [data]);
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Trần Văn Minh (laocai.specialist) · Chuyên viên · 3 hồ sơ đang xử lý": two namesakes are told apart. */
export const officerLabel = (translate: Translate, workload: Map<string, number>) => (u: Officer) =>
  `${u.fullName} (${u.username}) · ${translate(`app.role.${u.role}`)} · ${translate('app.my_work.workload', { smart_count: workload.get(u.id) ?? 0 })}`;

/** The specialist to assign, each shown with username, role and how many open dossiers they hold. */
export function AssigneeInput({ record, label }: { record: Dossier; label: string }) {
  const translate = useTranslate();
  const optionText = officerLabel(translate, useWorkload(record.agencyCode));
  return (
    <ReferenceInput source="assigneeId" reference="users" filter={{ agencyCode: record.agencyCode, role: 'specialist' }} sort={{ field: 'fullName', order: 'ASC' }}>
      <SelectInput optionText={optionText} label={label} validate={required()} fullWidth />
    </ReferenceInput>
  );
}
