import tiles from '../../domain/advisor-tiles.json';
import { useT } from './i18n';

export const TILES = tiles.tiles;
export type Tile = (typeof TILES)[number];

/** The life-event tiles (domain/advisor-tiles.json): a tap is the citizen's first words to the advisor. */
export function AdvisorTiles({ onPick }: { onPick: (t: Tile) => void }) {
  const t = useT();
  return (
    <ul className="tiles" aria-label={t('advisor.tiles')}>
      {TILES.map((tile) => (
        <li key={tile.id}>
          <button type="button" className="tile" data-tile={tile.id} onClick={() => onPick(tile)}>
            {tile.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
