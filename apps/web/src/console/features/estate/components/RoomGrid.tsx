import { Empty, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellLabel, ROOM_STATUSES, roomStatusColour } from '../labels.tsx';
import type { BuildingGrid, RoomStatus } from '../types.ts';
import '../estate.css';

interface Props {
  grid: BuildingGrid;
  /** only this unit (a unit picked in the tree) */
  unitId?: string;
  onOpen: (roomId: string) => void;
}

/** The legend: each status's colour and how many of the shown rooms have it. */
export function StatusLegend({ counts }: { counts: Record<RoomStatus, number> }) {
  const { t } = useTranslation();
  return (
    <div className="estate-legend" data-testid="grid-legend">
      {ROOM_STATUSES.map((s) => (
        <span key={s} data-testid={`legend-${s}`}>
          <span className="estate-legend-swatch" style={{ background: roomStatusColour[s] }} />
          {t(`roomStatus.${s}`)} <b>{counts[s]}</b>
        </span>
      ))}
    </div>
  );
}

/** 房态图: units side by side, floors from the top down, each room a cell coloured by its status. */
export function RoomGrid({ grid, unitId, onOpen }: Props) {
  const { t } = useTranslation();
  const units = unitId ? grid.units.filter((u) => u.id === unitId) : grid.units;
  const counts: Record<RoomStatus, number> = { vacant: 0, occupied: 0, decorating: 0, rented: 0 };
  for (const u of units) for (const f of u.floors) for (const r of f.rooms) counts[r.status] += 1;
  const hasRooms = units.some((u) => u.floors.length > 0);

  return (
    <>
      <StatusLegend counts={counts} />
      {!hasRooms ? (
        <Empty description={t('estate.noRooms')} />
      ) : (
        <div className="estate-grid" data-testid="room-grid">
          {units.map((u) => (
            <div className="estate-grid-unit" key={u.id}>
              <h5>{u.name}</h5>
              {u.floors.map((f) => (
                <div className="estate-grid-row" key={f.floor}>
                  <span className="estate-grid-floor">{f.floor < 0 ? `B${-f.floor}` : `${f.floor}F`}</span>
                  {f.rooms.map((r) => (
                    <Tooltip key={r.id} title={`${r.code} · ${t(`roomStatus.${r.status}`)} · ${r.buildingArea} m²`} mouseEnterDelay={0.3}>
                      <button
                        type="button"
                        className={`estate-grid-cell is-${r.status}`}
                        style={{ background: roomStatusColour[r.status] }}
                        onClick={() => onOpen(r.id)}
                        data-testid={`grid-cell-${r.code}`}
                        data-status={r.status}
                        aria-label={`${r.code} ${t(`roomStatus.${r.status}`)}`}
                      >
                        {cellLabel(f.floor, r.number)}
                      </button>
                    </Tooltip>
                  ))}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
