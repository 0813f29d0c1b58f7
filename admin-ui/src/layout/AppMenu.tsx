import BarChartIcon from '@mui/icons-material/BarChart';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import { Menu, useGetIdentity } from 'react-admin';
import { ability } from '../ability';

/** Menu entries follow the CASL rules: an officer never sees a door that would answer 403. */
export function AppMenu() {
  const { identity } = useGetIdentity();
  const officer = ability.can('act', 'Dossier');
  return (
    <Menu>
      {officer && <Menu.DashboardItem primaryText="app.menu.my_work" />}
      {ability.can('create', 'Dossier') && identity?.role === 'desk-officer' && (
        <Menu.Item to="/dossiers/create" primaryText="app.menu.reception" leftIcon={<InboxIcon />} data-testid="menu-reception" />
      )}
      {ability.can('read', 'Dossier') && <Menu.ResourceItem name="dossiers" />}
      {ability.can('read', 'Stats') && <Menu.Item to="/stats" primaryText="app.menu.stats" leftIcon={<BarChartIcon />} />}
      {ability.can('read', 'Agency') && <Menu.ResourceItem name="agencies" />}
      {ability.can('manage', 'User') && <Menu.ResourceItem name="users" />}
      {ability.can('read', 'Procedure') && <Menu.ResourceItem name="procedures" />}
      {ability.can('read', 'Holiday') && <Menu.ResourceItem name="holidays" />}
      {ability.can('read', 'Holiday') && <Menu.ResourceItem name="commune-categories" />}
      {ability.can('triage', 'Dossier') && <Menu.ResourceItem name="stuck-dossiers" />}
    </Menu>
  );
}
