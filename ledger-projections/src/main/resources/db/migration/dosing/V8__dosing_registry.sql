-- Command-side lookups for consistent dosing (subscribing processor, same transaction as the events):
-- each client's active treatment plan and every dose given.
create table plan_registry (
    practice_id varchar(64) not null,
    client_id   varchar(64) not null,
    plan_id     varchar(64) not null,
    terms       jsonb       not null,
    primary key (practice_id, client_id)
);

create table dose_registry (
    event_id    varchar(255) primary key,
    practice_id varchar(64)  not null,
    client_id   varchar(64)  not null,
    session_id  varchar(64)  not null,
    quantity    numeric      not null,
    milligrams  numeric      not null,
    occurred_at timestamptz  not null
);
create index dose_registry_by_client on dose_registry (practice_id, client_id, occurred_at);

-- plans and doses recorded before these tables existed
insert into plan_registry (practice_id, client_id, plan_id, terms)
select distinct on (p ->> 'practiceId', p ->> 'clientId') p ->> 'practiceId', p ->> 'clientId', p ->> 'planId', p -> 'terms'
from (select convert_from(payload, 'UTF8')::jsonb as p, global_index
      from domain_event_entry
      where payload_type in ('org.doseledger.core.client.api.TreatmentPlanApprovedEvent',
                             'org.doseledger.core.client.api.TreatmentPlanAmendedEvent')) plans
order by p ->> 'practiceId', p ->> 'clientId', global_index desc
on conflict do nothing;

insert into dose_registry (event_id, practice_id, client_id, session_id, quantity, milligrams, occurred_at)
select event_identifier, p -> 'lot' ->> 'practiceId', p ->> 'clientId', coalesce(p ->> 'sessionId', p ->> 'drawId'),
       (p -> 'quantity' ->> 'amount')::numeric, (p ->> 'milligrams')::numeric, (p ->> 'occurredAt')::timestamptz
from (select event_identifier, convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.stock.api.DoseAdministeredEvent') doses
on conflict do nothing;
