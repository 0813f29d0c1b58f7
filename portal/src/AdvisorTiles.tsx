import tiles from '../../domain/advisor-tiles.json';

export const TILES = tiles.tiles;
export type Tile = (typeof TILES)[number];

/** The life-event tiles (domain/advisor-tiles.json): a tap is the citizen's first words to the advisor. */
export function AdvisorTiles({ onPick }: { onPick: (t: Tile) => void }) {
  return (
    <ul className="tiles" aria-label="Việc thường gặp">
      {TILES.map((t) => (
        <li key={t.id}>
          <button type="button" className="tile" data-tile={t.id} onClick={() => onPick(t)}>
            {t.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
