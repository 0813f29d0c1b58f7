import { Admin, CustomRoutes, Resource, defaultTheme } from 'react-admin';
import { Route } from 'react-router-dom';
import { AbilityProvider } from '@casl/react';
import { ability } from './ability';
import agencies from './agencies';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { MyWork } from './dashboard/MyWork';
import { dataProvider } from './dataProvider';
import dossiers from './dossiers';
import communeCategories from './commune-categories';
import holidays from './holidays';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import procedures from './procedures';
import { StatsDashboard } from './stats';
import stuck from './stuck';
import users from './users';

const theme = { ...defaultTheme, palette: { ...defaultTheme.palette, primary: { main: '#b71c1c' }, secondary: { main: '#1565c0' } } };

export function App() {
  return (
    <AbilityProvider value={ability}>
      <Admin
        title="app.title"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={Dashboard}
        layout={AppLayout}
        theme={theme}
        requireAuth
        disableTelemetry
      >
        <Resource name="dossiers" {...dossiers} />
        <Resource name="agencies" {...agencies} />
        <Resource name="users" {...users} />
        <Resource name="procedures" {...procedures} />
        <Resource name="holidays" {...holidays} />
        <Resource name="commune-categories" {...communeCategories} />
        <Resource name="stuck-dossiers" {...stuck} />
        <CustomRoutes>
          <Route path="/stats" element={<StatsDashboard />} />
          <Route path="/my-work" element={<MyWork />} />
        </CustomRoutes>
      </Admin>
    </AbilityProvider>
  );
}
