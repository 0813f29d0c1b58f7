import { Box, Typography } from '@mui/material';
import { Suspense } from 'react';
import { LinearProgress, Title, useGetIdentity, useTranslate } from 'react-admin';
import { ability } from '../ability';
import { StatsDashboard } from '../stats';
import { MyWork } from './MyWork';

/** Officers land on their work; supervisors on the statistics; an administrator on a greeting. */
export function Dashboard() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  if (identity.role === 'supervisor') return <StatsDashboard />;
  if (ability.can('act', 'Dossier')) return <MyWork />;
  return (
    <Box sx={{ mt: 3 }}>
      <Title title="app.title" />
      <Typography variant="h5">{translate('app.welcome', { name: identity.fullName ?? '' })}</Typography>
      {ability.can('read', 'Stats') && (
        // The greeting stays on screen while the statistics chunk loads.
        <Suspense fallback={<LinearProgress />}>
          <StatsDashboard />
        </Suspense>
      )}
    </Box>
  );
}
