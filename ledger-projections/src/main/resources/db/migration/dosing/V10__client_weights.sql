-- Client weights, for treatment plans dosed in mg/kg: kept by the dosing registry (a subscribing
-- projection, written in the same transaction as the event).
create table client_weight (
    event_id    varchar(36)   primary key,
    practice_id varchar(64)   not null,
    client_id   varchar(64)   not null,
    kilograms   numeric(7, 3) not null,
    measured_at timestamptz   not null
);

create index client_weight_latest on client_weight (practice_id, client_id, measured_at desc);
