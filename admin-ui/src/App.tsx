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
import { LoginPage } from './layout/LoginPage';
import procedures from './procedures';
import { TotpPage } from './security/TotpPage';
import { StatsDashboard } from './stats';
import stuck from './stuck';
import users from './users';

/**
 * The province's red, and status colours dark enough for text on white and white on them (WCAG AA,
 * 4.5:1; measured by axe in test/browser/accessibility.test.ts): MUI's own orange and light blue
 * fall to 3.1 and 3.9, which made the "Sắp đến hạn" chips unreadable for some.
 */
const theme = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#b71c1c' },
    secondary: { main: '#1565c0' },
    warning: { main: '#b45309' },
    info: { main: '#0277bd' },
  },
  components: {
    ...defaultTheme.components,
    // A spinner says what it is to a screen reader.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Đang tải' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': 'Đang tải' } },
    MuiCheckbox: {
      defaultProps: {
        // react-admin's list rows pass `aria-label` to the Checkbox, which MUI 9 leaves on its
        // root <span> (where ARIA forbids it) and not on the <input> it names: move it.
        slotProps: {
          root: (o: { 'aria-label'?: string }) => (o['aria-label'] ? { 'aria-label': undefined } : {}),
          input: (o: { 'aria-label'?: string }) => (o['aria-label'] ? { 'aria-label': o['aria-label'] } : {}),
        },
      },
    },
  },
};

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
        loginPage={LoginPage}
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
          <Route path="/security" element={<TotpPage />} />
        </CustomRoutes>
      </Admin>
    </AbilityProvider>
  );
}
