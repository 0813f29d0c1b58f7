import AccessAlarmIcon from '@mui/icons-material/AccessAlarm';
import FlagIcon from '@mui/icons-material/Flag';
import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem, SavedQueriesList, useTranslate } from 'react-admin';
import { OPEN_STATUSES } from '../types';

/** Saved queries and one-click filters beside the dossier list. */
export function DossierAside() {
  const translate = useTranslate();
  return (
    // Only on wide screens: below 1400 px the list needs the room (its quick filters are under "Thêm bộ lọc" too).
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 230, flexShrink: 0, display: 'none', '@media (min-width: 1400px)': { display: 'block' } }}>
      <CardContent>
        <SavedQueriesList />
        <FilterList label="resources.dossiers.fields.overdue" icon={<AccessAlarmIcon />}>
          <FilterListItem label="app.due.overdue" value={{ overdue: true }} />
          <FilterListItem label="app.due.on_time" value={{ overdue: false }} />
        </FilterList>
        <FilterList label="resources.dossiers.fields.status" icon={<FlagIcon />}>
          {OPEN_STATUSES.map((s) => (
            <FilterListItem key={s} label={translate(`app.status.${s}`)} value={{ status: s }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}
