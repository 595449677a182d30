-- Command-side lookup of every client's consents (subscribing processor, same transaction as the
-- consent events); doses read it FOR SHARE so that they serialise with revocations.
create table consent_registry (
    practice_id          varchar(64)  not null,
    client_id            varchar(64)  not null,
    consent_id           varchar(64)  not null,
    document_id          varchar(100) not null,
    signed_at            timestamptz  not null,
    expires_at           timestamptz,
    revoked_effective_at timestamptz,
    superseded_at        timestamptz,
    routes               jsonb        not null,
    care_models          jsonb        not null,
    primary key (practice_id, client_id, consent_id)
);

-- consents recorded before this table existed
insert into consent_registry (practice_id, client_id, consent_id, document_id, signed_at, expires_at, routes,
                              care_models)
select p ->> 'practiceId', p ->> 'clientId', p ->> 'consentId', p -> 'document' ->> 'documentId',
       (p ->> 'signedAt')::timestamptz, (p ->> 'expiresAt')::timestamptz, p -> 'routes', p -> 'careModels'
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.client.api.ConsentSignedEvent') signed
on conflict do nothing;

update consent_registry c set revoked_effective_at = (r.p ->> 'effectiveAt')::timestamptz
from (select convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type = 'org.doseledger.core.client.api.ConsentRevokedEvent') r
where c.practice_id = r.p ->> 'practiceId' and c.client_id = r.p ->> 'clientId'
  and c.consent_id = r.p ->> 'consentId';
