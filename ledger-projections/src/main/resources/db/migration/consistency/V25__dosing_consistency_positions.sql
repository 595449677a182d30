-- The dosing-consistency export covers the ledger up to a position (upTo). A draw row is changed by later
-- events (administration, waste, corrections) and a session row by its scheduling and its start, so a row
-- alone cannot say what it held at a position. Each draw-changing event is now also kept as a row of its
-- own, keyed by its ledger position (insert-only, as every other position-keyed row): the draw as of upTo is
-- the sum of its changes at or before upTo. The session row keeps the positions of the events that set its
-- fields, which are set once each. dosing_report_draw stays as it was for the live report.
create table dosing_report_draw_change (
    ledger_position bigint      primary key,
    practice_id     varchar(64) not null,
    location_id     varchar(64) not null,
    ndc             varchar(13) not null,
    lot_number      varchar(40) not null,
    draw_id         varchar(64) not null,
    movement        varchar(16) not null,
    drawn_mg        numeric     not null default 0,
    administered_mg numeric     not null default 0,
    wasted_mg       numeric     not null default 0,
    occurred_at     timestamptz not null,
    actor           varchar(64),
    route           varchar(16),
    plan_flags      jsonb       not null default '[]',
    overrides       jsonb       not null default '[]'
);
create index dosing_report_draw_change_by_draw
    on dosing_report_draw_change (practice_id, location_id, ndc, lot_number, draw_id, ledger_position);

alter table dosing_report_session add column scheduled_position bigint;
alter table dosing_report_session add column started_position bigint;

-- Backfill: filled from the ledger for what the processor has already handled (the rows it has not reached
-- yet it writes itself; every statement below can run again and changes nothing then).
create temporary table v25_events on commit drop as
select global_index, payload_type, convert_from(payload, 'UTF8')::jsonb as p
from domain_event_entry
where payload_type in ('org.doseledger.core.stock.api.DoseDrawnEvent',
                       'org.doseledger.core.stock.api.DoseAdministeredEvent',
                       'org.doseledger.core.stock.api.DoseWastedEvent',
                       'org.doseledger.core.stock.api.EntryCorrectedEvent',
                       'org.doseledger.core.session.api.DosingSessionScheduledEvent',
                       'org.doseledger.core.session.api.DosingSessionStartedEvent');

insert into dosing_report_draw_change (ledger_position, practice_id, location_id, ndc, lot_number, draw_id, movement,
                                       drawn_mg, administered_mg, wasted_mg, occurred_at, actor, route, plan_flags,
                                       overrides)
select e.global_index, d.practice_id, d.location_id, d.ndc, d.lot_number, d.draw_id,
       case e.payload_type
           when 'org.doseledger.core.stock.api.DoseDrawnEvent' then 'DRAWN'
           when 'org.doseledger.core.stock.api.DoseAdministeredEvent' then 'ADMINISTERED'
           else 'WASTED' end,
       case when e.payload_type = 'org.doseledger.core.stock.api.DoseDrawnEvent' then (e.p ->> 'milligrams')::numeric else 0 end,
       case when e.payload_type = 'org.doseledger.core.stock.api.DoseAdministeredEvent' then (e.p ->> 'milligrams')::numeric else 0 end,
       case when e.payload_type = 'org.doseledger.core.stock.api.DoseWastedEvent' then (e.p ->> 'milligrams')::numeric else 0 end,
       (e.p ->> 'occurredAt')::timestamptz,
       case e.payload_type
           when 'org.doseledger.core.stock.api.DoseDrawnEvent' then e.p ->> 'drawnBy'
           when 'org.doseledger.core.stock.api.DoseAdministeredEvent' then e.p ->> 'administeredBy'
           else e.p ->> 'wastedBy' end,
       e.p ->> 'route',
       coalesce(nullif(e.p -> 'planFlags', 'null'::jsonb), '[]'::jsonb),
       case when e.p -> 'override' is null or e.p -> 'override' = 'null'::jsonb then '[]'::jsonb
            else jsonb_build_array(jsonb_build_object('rationale', e.p -> 'override' ->> 'rationale',
                                                      'approvedBy', e.p -> 'override' ->> 'approvedBy',
                                                      'at', e.p ->> 'occurredAt')) end
from v25_events e
join dosing_report_draw d
  on d.practice_id = e.p -> 'lot' ->> 'practiceId' and d.location_id = e.p -> 'lot' ->> 'locationId'
 and d.ndc = e.p -> 'lot' ->> 'ndc' and d.lot_number = e.p -> 'lot' ->> 'lotNumber' and d.draw_id = e.p ->> 'drawId'
where e.payload_type in ('org.doseledger.core.stock.api.DoseDrawnEvent',
                         'org.doseledger.core.stock.api.DoseAdministeredEvent',
                         'org.doseledger.core.stock.api.DoseWastedEvent')
  and e.global_index <= d.last_position
on conflict do nothing;

insert into dosing_report_draw_change (ledger_position, practice_id, location_id, ndc, lot_number, draw_id, movement,
                                       drawn_mg, administered_mg, wasted_mg, occurred_at, actor)
select e.global_index, d.practice_id, d.location_id, d.ndc, d.lot_number, d.draw_id, 'CORRECTED',
       case when e.p ->> 'correctedMovement' = 'DRAWN' then c.change else 0 end,
       case when e.p ->> 'correctedMovement' = 'ADMINISTERED' then c.change else 0 end,
       case when e.p ->> 'correctedMovement' = 'WASTED' then c.change else 0 end,
       (e.p ->> 'occurredAt')::timestamptz,
       e.p ->> 'correctedBy'
from v25_events e
join dosing_report_draw d
  on d.practice_id = e.p -> 'lot' ->> 'practiceId' and d.location_id = e.p -> 'lot' ->> 'locationId'
 and d.ndc = e.p -> 'lot' ->> 'ndc' and d.lot_number = e.p -> 'lot' ->> 'lotNumber' and d.draw_id = e.p ->> 'drawId'
join product_catalogue pc on pc.practice_id = d.practice_id and pc.ndc = d.ndc
cross join lateral (
    select (coalesce((e.p -> 'correctedQuantity' ->> 'amount')::numeric, 0)
            - (e.p -> 'originalQuantity' ->> 'amount')::numeric) * pc.milligrams_per_unit as change) c
where e.payload_type = 'org.doseledger.core.stock.api.EntryCorrectedEvent'
  and e.p ->> 'correctedMovement' in ('DRAWN', 'ADMINISTERED', 'WASTED')
  and e.global_index <= d.last_position
on conflict do nothing;

update dosing_report_session s
set scheduled_position = e.global_index
from v25_events e
where e.payload_type = 'org.doseledger.core.session.api.DosingSessionScheduledEvent'
  and s.practice_id = e.p ->> 'practiceId' and s.client_id = e.p ->> 'clientId' and s.session_id = e.p ->> 'sessionId';

update dosing_report_session s
set started_position = e.global_index
from v25_events e
where e.payload_type = 'org.doseledger.core.session.api.DosingSessionStartedEvent'
  and s.practice_id = e.p ->> 'practiceId' and s.client_id = e.p ->> 'clientId' and s.session_id = e.p ->> 'sessionId';
