import { sql, type SQL } from 'drizzle-orm';

/**
 * The bill run's arithmetic, set-based. For each target (room or parking space) of a chunk and each
 * periodic fee item, the period is cut into segments wherever the assignment, the standard's version
 * or (rooms) the payer changes; each segment is charged
 *
 *   monthly × Σ_months days_in_month_of_segment / days_of_that_month
 *
 * exactly, with one half-up rounding per line — the same as `segmentLines` / `periodicCharge` in
 * @wuye/shared (run.golden.test.ts checks them against each other). The month fractions are summed
 * over the common denominator L = lcm(28, 29, 30, 31) = 377,580, so the exact amount is an integer
 * numerator over an integer denominator and `div` on numeric rounds it without floating point:
 *   area:  a(1/100 m²) · p(1/10,000 元) · N / (10,000 · L) 分        fixed: amount · N / L 分
 *   round half up = div(2·num + den, 2·den)   (amounts are positive)
 */
export const MONTH_LCM = 377_580;

export type TargetPhase = 'room' | 'space';

export interface RunScope {
  companyId: string;
  projectId: string;
  periodFrom: string;
  periodTo: string;
  feeItemIds: string[];
}

/** The next chunk's target ids in id order after `afterId` (null = from the start). */
export function nextTargetsSql(phase: TargetPhase, s: Pick<RunScope, 'companyId' | 'projectId'>, afterId: string | null, limit: number): SQL {
  const after = afterId ? sql`and x.id > ${afterId}::uuid` : sql``;
  const table = sql.raw(phase === 'room' ? 'rooms' : 'parking_spaces');
  const active = phase === 'space' ? sql`and x.status = 'active'` : sql``;
  return sql`select x.id from ${table} x where x.company_id = ${s.companyId}::uuid and x.project_id = ${s.projectId}::uuid ${active} ${after} order by x.id limit ${limit}`;
}

/**
 * Which targets: a chunk's ids, or (ids null, the preview) every one of the project. Every table read
 * per target is filtered by `= any(ids)` itself, so each is one index scan and the joins between the
 * CTEs can be hash joins (the statements run with nested loops off: CTE row estimates are poor).
 */
const idsFilter = (col: SQL, ids: string[] | null) => (ids ? sql`and ${col} = any(${sql.param(ids)}::uuid[])` : sql``);

function targetsSql(phase: TargetPhase, s: RunScope, ids: string[] | null): SQL {
  return phase === 'room'
    ? sql`select x.id, x.building_area, x.inside_area, coalesce(x.delivery_date, ${s.periodFrom}::date) as starts from rooms x
        where x.company_id = ${s.companyId}::uuid and x.project_id = ${s.projectId}::uuid ${idsFilter(sql`x.id`, ids)}`
    : sql`select x.id, x.area as building_area, x.area as inside_area, ${s.periodFrom}::date as starts from parking_spaces x
        where x.company_id = ${s.companyId}::uuid and x.project_id = ${s.projectId}::uuid and x.status = 'active' ${idsFilter(sql`x.id`, ids)}`;
}

/**
 * CTEs `t` (targets), `seg` (one row per bill line: target, fee item, dates, payer, rule, amount) and
 * `grp` (one row per bill). Shared by the preview (which only reads) and the chunk (which writes).
 */
export function segmentsSql(phase: TargetPhase, s: RunScope, ids: string[] | null): SQL {
  const targetCol = phase === 'room' ? sql.raw('ca.room_id') : sql.raw('ca.parking_space_id');
  // rooms: who pays a day = the rule of the item's payer category, else the room's '*' rule, else the item's default
  const payerBounds = phase === 'room'
    ? sql`union select p.id, b.d from pieces p
          join fee_items fi on fi.id = p.fee_item_id
          join room_payers rp on rp.company_id = ${s.companyId}::uuid and rp.room_id = p.target_id and rp.fee_category in (fi.fee_category, '*') ${idsFilter(sql`rp.room_id`, ids)}
          cross join lateral (values (rp.valid_from), (rp.valid_to + 1)) b(d)
          where b.d > p.f and b.d <= p.e`
    : sql``;
  const payerAt = phase === 'room'
    ? sql`coalesce(
        (select rp.payer from room_payers rp where rp.company_id = ${s.companyId}::uuid and rp.room_id = c.target_id and rp.fee_category = fi.fee_category
           and rp.valid_from <= c.sf and (rp.valid_to is null or rp.valid_to >= c.sf) limit 1),
        (select rp.payer from room_payers rp where rp.company_id = ${s.companyId}::uuid and rp.room_id = c.target_id and rp.fee_category = '*'
           and rp.valid_from <= c.sf and (rp.valid_to is null or rp.valid_to >= c.sf) limit 1),
        fi.default_payer)`
    : sql`null::text`;
  return sql`
    t as materialized (${targetsSql(phase, s, ids)}),
    -- assignment × standard version, clipped to the period and to the target's start (a room's delivery)
    pieces as materialized (
      select row_number() over () as id, t.id as target_id, ca.fee_item_id, ca.standard_id, st.kind, st.name as standard_name,
             v.basis, v.unit_price, v.amount, t.building_area, t.inside_area,
             greatest(ca.valid_from, v.valid_from, ${s.periodFrom}::date, t.starts) as f,
             least(coalesce(ca.valid_to, ${s.periodTo}::date), coalesce(v.valid_to, ${s.periodTo}::date), ${s.periodTo}::date) as e
      from t
      join charge_assignments ca on ca.company_id = ${s.companyId}::uuid and ${targetCol} = t.id ${idsFilter(targetCol, ids)}
        and ca.fee_item_id = any(${sql.param(s.feeItemIds)}::uuid[]) and ca.valid_from <= ${s.periodTo}::date and (ca.valid_to is null or ca.valid_to >= ${s.periodFrom}::date)
      join charge_standards st on st.id = ca.standard_id and st.kind in ('area', 'fixed')
      join charge_standard_versions v on v.company_id = ${s.companyId}::uuid and v.standard_id = ca.standard_id
        and v.valid_from <= ${s.periodTo}::date and (v.valid_to is null or v.valid_to >= ${s.periodFrom}::date)
    ),
    -- where a segment may start inside a piece: its first day and every payer change
    bounds as (select p.id, p.f as d from pieces p where p.f <= p.e ${payerBounds}),
    cut as (
      select p.*, b.d as sf, coalesce(lead(b.d) over (partition by p.id order by b.d) - 1, p.e) as se
      from bounds b join pieces p on p.id = b.id
    ),
    payer_of as (select c.*, ${payerAt} as payer from cut c join fee_items fi on fi.id = c.fee_item_id),
    -- consecutive cuts with the same payer are one segment (gaps and islands)
    islands as (
      select po.*, sum(case when po.payer is not distinct from po.prev_payer then 0 else 1 end) over (partition by po.id order by po.sf) as island
      from (select x.*, lag(x.payer) over (partition by x.id order by x.sf) as prev_payer from payer_of x) po
    ),
    merged as (
      select id, target_id, fee_item_id, standard_id, kind, standard_name, basis, unit_price, amount, building_area, inside_area, payer,
             min(sf) as sf, max(se) as se
      from islands group by id, target_id, fee_item_id, standard_id, kind, standard_name, basis, unit_price, amount, building_area, inside_area, payer, island
    ),
    priced as (
      select m.*, case when m.kind = 'fixed' then null when m.basis = 'inside_area' then m.inside_area else m.building_area end as area, fr.n, fr.months
      from merged m
      cross join lateral (
        select sum((least(m.se, (mo + interval '1 month' - interval '1 day')::date) - greatest(m.sf, mo::date) + 1)
                   * (${MONTH_LCM} / extract(day from mo + interval '1 month' - interval '1 day')::int)) as n,
               jsonb_agg(jsonb_build_object('month', to_char(mo, 'YYYY-MM'),
                 'days', least(m.se, (mo + interval '1 month' - interval '1 day')::date) - greatest(m.sf, mo::date) + 1,
                 'daysInMonth', extract(day from mo + interval '1 month' - interval '1 day')::int) order by mo) as months
        from generate_series(date_trunc('month', m.sf::timestamp), date_trunc('month', m.se::timestamp), interval '1 month') mo
      ) fr
    ),
    seg as materialized (
      select p.*,
        case when p.kind = 'fixed'
          then div(2 * p.amount::numeric * p.n + ${MONTH_LCM}, 2 * ${MONTH_LCM}::numeric)
          else div(2 * p.area::numeric * p.unit_price * p.n + 10000::numeric * ${MONTH_LCM}, 2 * 10000::numeric * ${MONTH_LCM})
        end::bigint as amount_fen
      from priced p where p.kind = 'fixed' or p.area is not null
    ),
    grp as materialized (
      select target_id, fee_item_id, sum(amount_fen)::bigint as principal_fen from seg group by target_id, fee_item_id having sum(amount_fen) > 0
    )`;
}

/**
 * Set-based statements over CTEs plan well with hash joins; index lookups happen inside each CTE's
 * own scan. JIT off too: the disabled-nested-loop cost pushes every plan past jit_above_cost, and
 * compiling it takes seconds (PostgreSQL; PGlite has no JIT and ignores the setting).
 */
export const HASH_JOINS = sql`select set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)`;

export const targetColumn = (phase: TargetPhase) => sql.raw(phase === 'room' ? 'room_id' : 'parking_space_id');

export interface ChunkWrite extends RunScope {
  runId: string;
  dueDate: string;
  createdBy: string | null;
}

/** rooms vacant for the whole period get the fee item's vacancy discount (a waiver entry, never an edited bill) */
const vacancySql = (s: RunScope) => sql`
  select ins.id as bill_id, ins.room_id, ins.fee_item_id, fi.vacancy_discount_bp,
         div(2 * ins.principal_fen::numeric * fi.vacancy_discount_bp + 10000, 20000)::bigint as discount_fen
  from ins join fee_items fi on fi.id = ins.fee_item_id
  where ins.room_id is not null and fi.vacancy_discount_bp is not null
    and exists (select 1 from room_status_history h where h.company_id = ${s.companyId}::uuid and h.room_id = ins.room_id and h.status = 'vacant'
                  and h.valid_from <= ${s.periodFrom}::date and (h.valid_to is null or h.valid_to >= ${s.periodTo}::date))`;

/**
 * One chunk in one statement: bills (ON CONFLICT DO NOTHING — the no-overlap constraint refuses a
 * target's bill when a live one already covers any of these days), their lines, a charge entry each
 * and the vacancy discounts. Returns how many bills the chunk meant to write, wrote, and their sums.
 */
export function chunkWriteSql(phase: TargetPhase, w: ChunkWrite, ids: string[]): SQL {
  const col = targetColumn(phase);
  return sql`with ${segmentsSql(phase, w, ids)},
    ins as (
      insert into bills (id, company_id, project_id, ${col}, fee_item_id, run_id, kind, period_from, period_to, due_date, principal_fen, created_by)
      select uuid_v7(), ${w.companyId}::uuid, ${w.projectId}::uuid, g.target_id, g.fee_item_id, ${w.runId}::uuid, 'periodic',
             ${w.periodFrom}::date, ${w.periodTo}::date, ${w.dueDate}::date, g.principal_fen, ${w.createdBy}::uuid
      from grp g order by g.target_id, g.fee_item_id
      on conflict do nothing
      returning id, room_id, parking_space_id, fee_item_id, principal_fen
    ),
    lines as (
      insert into bill_lines (id, company_id, bill_id, seq, period_from, period_to, description, quantity, unit_price, amount_fen, payer, explanation)
      select uuid_v7(), ${w.companyId}::uuid, ins.id, row_number() over (partition by ins.id order by s.sf, s.standard_id)::int, s.sf, s.se,
             s.standard_name,
             case when s.kind = 'fixed' then '1' else to_char(s.area / 100.0, 'FM999999990.00') end,
             s.unit_price, s.amount_fen, s.payer,
             jsonb_build_object('rule', s.kind, 'basis', s.basis, 'area', s.area, 'unitPrice', s.unit_price, 'monthlyFen', s.amount,
                                'months', s.months, 'fraction', s.n || '/' || ${MONTH_LCM})
      from seg s join ins on coalesce(ins.room_id, ins.parking_space_id) = s.target_id and ins.fee_item_id = s.fee_item_id
      returning 1
    ),
    charges as (
      insert into ledger_entries (id, company_id, project_id, ${col}, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date, created_by)
      select uuid_v7(), ${w.companyId}::uuid, ${w.projectId}::uuid, coalesce(ins.room_id, ins.parking_space_id), ins.fee_item_id, ins.id,
             'charge', 'receivable', 'principal', ins.principal_fen, ${w.periodFrom}::date, ${w.createdBy}::uuid
      from ins
      returning 1
    ),
    vac as (${vacancySql(w)}),
    discounts as (
      insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date, note, created_by)
      select uuid_v7(), ${w.companyId}::uuid, ${w.projectId}::uuid, vac.room_id, vac.fee_item_id, vac.bill_id, 'waiver', 'receivable', 'principal',
             -vac.discount_fen, ${w.periodFrom}::date, '空置优惠 ' || trim_scale(vac.vacancy_discount_bp / 100.0)::text || '%', ${w.createdBy}::uuid
      from vac where vac.discount_fen > 0
      returning amount_fen
    )
    select (select count(*) from grp)::int as planned, (select count(*) from ins)::int as created,
           (select coalesce(sum(principal_fen), 0) from ins)::bigint as total_fen,
           (select coalesce(-sum(amount_fen), 0) from discounts)::bigint as discount_fen,
           (select count(*) from lines)::int as lines, (select count(*) from charges)::int as charges`;
}

/** The preview: the same segments for the whole project, summed per fee item, without writing. */
export function previewSql(phase: TargetPhase, s: RunScope): SQL {
  const col = targetColumn(phase);
  const vacancy = phase === 'room'
    ? sql`case when fi.vacancy_discount_bp is not null and exists (select 1 from room_status_history h where h.company_id = ${s.companyId}::uuid
            and h.room_id = g.target_id and h.status = 'vacant' and h.valid_from <= ${s.periodFrom}::date
            and (h.valid_to is null or h.valid_to >= ${s.periodTo}::date))
          then div(2 * g.principal_fen::numeric * fi.vacancy_discount_bp + 10000, 20000) else 0 end`
    : sql`0`;
  return sql`with ${segmentsSql(phase, s, null)},
    marked as (
      select g.*, ${vacancy} as discount_fen,
             exists (select 1 from bills b where b.company_id = ${s.companyId}::uuid and b.${col} = g.target_id and b.fee_item_id = g.fee_item_id
                       and b.status = 'live' and b.kind in ('periodic', 'opening')
                       and b.period_from <= ${s.periodTo}::date and b.period_to >= ${s.periodFrom}::date) as billed
      from grp g join fee_items fi on fi.id = g.fee_item_id
    )
    select fee_item_id, count(*) filter (where not billed)::int as bills, coalesce(sum(principal_fen) filter (where not billed), 0)::bigint as total_fen,
           coalesce(sum(discount_fen) filter (where not billed), 0)::bigint as discount_fen, count(*) filter (where billed)::int as already_billed,
           0 as missing_inside_area
    from marked group by fee_item_id
    union all
    select null, 0, 0, 0, 0, (select count(distinct target_id) from priced where kind = 'area' and area is null)::int`;
}
