import { Button, CardContent, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/**
 * What an empty dossier list means: nothing matches the filters (and one click clears them all,
 * the overdue switch included, so the list and its export come back), or nothing in this
 * officer's scope yet.
 */
export function DossierListEmpty() {
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return (
    <CardContent data-testid="list-empty">
      <Typography color="text.secondary" gutterBottom>
        {translate(filtered ? 'app.dossier_list.no_match' : 'app.dossier_list.none_yet')}
      </Typography>
      {filtered && (
        // No filter value and no filter input left on screen: a hidden input cannot hold a value back.
        <Button variant="outlined" onClick={() => setFilters({}, {})}>
          {translate('app.dossier_list.clear_filters')}
        </Button>
      )}
    </CardContent>
  );
}
