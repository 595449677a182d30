-- Practice policies (defaults until an administrator sets them) and clients' medical clearances,
-- both read by dose commands in their transaction.
alter table practice_registry
    add column require_medical_clearance    boolean not null default false,
    add column dose_increase_limit_percent integer not null default 25,
    add column late_entry_window_hours     integer not null default 24,
    add column consent_validity_days       integer not null default 0,
    add column require_witnessed_draws     boolean not null default false;

create table clearance_registry (
    practice_id  varchar(64) not null,
    client_id    varchar(64) not null,
    clearance_id varchar(64) not null,
    cleared_at   timestamptz not null,
    expires_at   timestamptz,
    max_systolic  integer,
    max_diastolic integer,
    primary key (practice_id, client_id, clearance_id)
);

create table session_vitals (
    event_id      varchar(255) primary key,
    practice_id   varchar(64)  not null,
    client_id     varchar(64)  not null,
    session_id    varchar(64)  not null,
    systolic      integer      not null,
    diastolic     integer      not null,
    taken_at      timestamptz  not null
);
create index session_vitals_by_session on session_vitals (practice_id, client_id, session_id, taken_at);

insert into clearance_registry (practice_id, client_id, clearance_id, cleared_at, expires_at, max_systolic,
                                max_diastolic)
select p ->> 'practiceId', p ->> 'clientId', p ->> 'clearanceId', (p ->> 'clearedAt')::timestamptz,
       (p ->> 'expiresAt')::timestamptz, (p ->> 'maxSystolicMmHg')::integer, (p ->> 'maxDiastolicMmHg')::integer
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.client.api.MedicalClearanceRecordedEvent') clearances
on conflict do nothing;

insert into session_vitals (event_id, practice_id, client_id, session_id, systolic, diastolic, taken_at)
select event_identifier, p ->> 'practiceId', p ->> 'clientId', p ->> 'sessionId', (p ->> 'systolicMmHg')::integer,
       (p ->> 'diastolicMmHg')::integer, (p ->> 'occurredAt')::timestamptz
from (select event_identifier, convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.session.api.VitalsRecordedEvent') vitals
on conflict do nothing;
