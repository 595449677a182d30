-- Dosing sessions as the rules on draws need them (a subscribing processor, same transaction as the
-- events): whose session it is, for which substance, and when it started and ended.

create table session_registry (
    practice_id   varchar(64) not null,
    session_id    varchar(64) not null,
    client_id     varchar(64) not null,
    substance     varchar(32) not null,
    started_at    timestamptz,
    discharged_at timestamptz,
    cancelled_at  timestamptz,
    primary key (practice_id, session_id)
);

-- sessions scheduled before this table existed
insert into session_registry (practice_id, session_id, client_id, substance)
select p ->> 'practiceId', p ->> 'sessionId', p ->> 'clientId', p ->> 'substance'
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.session.api.DosingSessionScheduledEvent') scheduled
on conflict do nothing;

update session_registry s set started_at = (p ->> 'occurredAt')::timestamptz
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.session.api.DosingSessionStartedEvent') started
where s.practice_id = p ->> 'practiceId' and s.session_id = p ->> 'sessionId';

update session_registry s set discharged_at = (p ->> 'occurredAt')::timestamptz
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.session.api.ClientDischargedEvent') discharged
where s.practice_id = p ->> 'practiceId' and s.session_id = p ->> 'sessionId';

update session_registry s set cancelled_at = (p ->> 'occurredAt')::timestamptz
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.session.api.DosingSessionCancelledEvent') cancelled
where s.practice_id = p ->> 'practiceId' and s.session_id = p ->> 'sessionId';

-- no dose without a treatment plan unless the practice says otherwise
alter table practice_registry add column require_treatment_plan boolean not null default true;
