import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';
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
      <Typography variant="caption" sx={{ opacity: 0.8 }}>
        {identity.agency?.name ?? ''}
      </Typography>
    </Box>
  );
}

const MyAppBar = () => (
  <AppBar>
    <TitlePortal />
    <WhoAmI />
  </AppBar>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={MyAppBar} menu={AppMenu}>
    {children}
  </Layout>
);
