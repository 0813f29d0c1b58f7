import SecurityIcon from '@mui/icons-material/Security';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { AppMenu } from './AppMenu';

/** Who is signed in, as what, where: officers switch accounts often at a shared desk. */
function WhoAmI() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  return (
    <Box sx={{ mr: 2, textAlign: 'right', display: { xs: 'none', sm: 'block' } }} data-testid="whoami">
      <Typography variant="body2" sx={{ lineHeight: 1.2 }}>
        {identity.fullName} · {translate(`app.role.${identity.role}`)}
      </Typography>
      {/* Full white: a faded caption on the red bar falls under WCAG's 4.5:1. */}
      <Typography variant="caption">
        {identity.agency?.name ?? ''}
      </Typography>
    </Box>
  );
}

/**
 * The account menu's button shows the officer's name, so its accessible name starts with it too
 * (WCAG 2.5.3, "label in name": speech users say what they see).
 */
function AccountMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName} — ${translate('ra.auth.user_menu')}` : 'ra.auth.user_menu'}>
      <SecurityMenuItem />
      <Logout />
    </UserMenu>
  );
}

/** The officer's own two-step verification page (security/TotpPage.tsx). */
function SecurityMenuItem() {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem component={Link} to="/security" onClick={() => menu?.onClose()} data-testid="menu-security">
      <ListItemIcon>
        <SecurityIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.totp.title')}</ListItemText>
    </MenuItem>
  );
}

const MyAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    {/* The page's title is its level-one heading (each page, react-admin's or ours, fills it). */}
    <TitlePortal component="h1" />
    <WhoAmI />
  </AppBar>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={MyAppBar} menu={AppMenu}>
    {children}
  </Layout>
);
