import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Chip, Collapse, IconButton, List as MuiList, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useListContext, useRedirect, useTranslate } from 'react-admin';
import type { Agency } from '../types';

/** The agency list as a tree by parentCode (province → departments and communes → their police units). */
export function AgencyTree() {
  const { data = [], isPending } = useListContext<Agency>();
  if (isPending) return null;
  const codes = new Set(data.map((a) => a.code));
  const children = new Map<string | null, Agency[]>();
  for (const a of data) {
    const parent = a.parentCode && codes.has(a.parentCode) ? a.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  return (
    <MuiList dense data-testid="agency-tree">
      {(children.get(null) ?? []).map((a) => (
        <Node key={a.code} agency={a} childrenOf={children} depth={0} />
      ))}
    </MuiList>
  );
}

function Node({ agency, childrenOf, depth }: { agency: Agency; childrenOf: Map<string | null, Agency[]>; depth: number }) {
  const kids = childrenOf.get(agency.code) ?? [];
  const [open, setOpen] = useState(depth === 0);
  const translate = useTranslate();
  const redirect = useRedirect();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'agencies' });
  return (
    <>
      <ListItem
        disablePadding
        sx={{ pl: depth * 3 }}
        secondaryAction={
          kids.length > 0 && (
            <IconButton edge="end" onClick={() => setOpen(!open)} size="small">
              {open ? <ExpandLess /> : <ExpandMore />}
            </IconButton>
          )
        }
      >
        <ListItemButton onClick={() => canEdit && redirect('edit', 'agencies', agency.code)}>
          <ListItemText primary={agency.name} secondary={`${agency.code}${kids.length ? ` · ${kids.length}` : ''}`} />
          <Chip size="small" label={translate(`app.kind.${agency.kind}`)} sx={{ mr: 4 }} />
        </ListItemButton>
      </ListItem>
      {kids.length > 0 && (
        <Collapse in={open} unmountOnExit>
          <MuiList dense disablePadding>
            {kids.map((k) => (
              <Node key={k.code} agency={k} childrenOf={childrenOf} depth={depth + 1} />
            ))}
          </MuiList>
        </Collapse>
      )}
    </>
  );
}
