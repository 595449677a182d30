-- Practice policies (defaults until an administrator sets them) and clients' medical clearances,
-- both read by dose commands in their transaction.
alter table practice_registry
    add column require_medical_clearance    boolean not null default false,
    add column dose_increase_limit_percent integer not null default 25;

create table clearance_registry (
    practice_id  varchar(64) not null,
    client_id    varchar(64) not null,
    clearance_id varchar(64) not null,
    cleared_at   timestamptz not null,
    expires_at   timestamptz,
    primary key (practice_id, client_id, clearance_id)
);

insert into clearance_registry (practice_id, client_id, clearance_id, cleared_at, expires_at)
select p ->> 'practiceId', p ->> 'clientId', p ->> 'clearanceId', (p ->> 'clearedAt')::timestamptz,
       (p ->> 'expiresAt')::timestamptz
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.client.api.MedicalClearanceRecordedEvent') clearances
on conflict do nothing;
