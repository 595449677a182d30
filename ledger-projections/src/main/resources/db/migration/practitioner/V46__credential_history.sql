-- Every expiry a practitioner's credential ever had, and when a renewal replaced it (kept with the
-- practitioner registry, in the transaction of the credential events). An expiring-credential exception
-- that a renewal settled stays in the queue as CLEARED, with its history, instead of vanishing.
create table credential_history (
    practice_id     varchar(64) not null,
    practitioner_id varchar(64) not null,
    credential      varchar(32) not null,
    expires_on      date        not null,
    recorded_at     timestamptz not null,
    replaced_at     timestamptz,
    replaced_by     date,
    primary key (practice_id, practitioner_id, credential, expires_on)
);

-- credentials recorded before this table existed, in ledger order
with recorded as (
    select p ->> 'practiceId' as practice_id, p ->> 'practitionerId' as practitioner_id,
           case e.payload_type
               when 'org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent' then 'LICENCE'
               when 'org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent'
                   then 'DEA_REGISTRATION'
               else 'ACLS' end as credential,
           (p ->> 'expiresOn')::date as expires_on, (p ->> 'occurredAt')::timestamptz as occurred_at,
           e.global_index
    from (select payload_type, global_index, convert_from(payload, 'UTF8')::jsonb as p
          from domain_event_entry
          where payload_type in ('org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent',
                                 'org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent',
                                 'org.doseledger.core.practitioner.api.PractitionerCertificateRecordedEvent')) e
    where p ->> 'expiresOn' is not null
      and (e.payload_type <> 'org.doseledger.core.practitioner.api.PractitionerCertificateRecordedEvent'
           or p ->> 'kind' = 'ACLS')
),
changes as (
    select *, lag(expires_on) over (partition by practice_id, practitioner_id, credential
                                    order by global_index) as previous
    from recorded
),
kept as (
    select * from changes where previous is null or previous <> expires_on
),
chained as (
    select *, lead(expires_on) over w as next_expires_on, lead(occurred_at) over w as next_at
    from kept
    window w as (partition by practice_id, practitioner_id, credential order by global_index)
)
insert into credential_history (practice_id, practitioner_id, credential, expires_on, recorded_at, replaced_at,
                                replaced_by)
select practice_id, practitioner_id, credential, expires_on, occurred_at, next_at, next_expires_on
from chained
on conflict do nothing;
