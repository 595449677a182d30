-- Client personal data encrypted at rest (docs/personal-data.md). Each client has one AES-256 data key,
-- stored here wrapped (AES-GCM) by the master key, which lives outside the database. Events carry only
-- the sealed form of names, birth dates, addresses and phones.
--
-- This table is mutable on purpose, unlike the history tables that afterMigrate.sql protects: shredding a
-- client's personal data destroys the wrapped key (wrapped_key set to null, shredded_at set), which makes
-- every sealed item of that client unreadable while the events and their hashes stay as they are.
create table client_data_key (
    practice_id varchar(64) not null,
    client_id   varchar(64) not null,
    key_id      varchar(36) not null,
    wrapped_key bytea,
    created_at  timestamptz not null,
    shredded_at timestamptz,
    primary key (practice_id, client_id),
    constraint client_data_key_shredded_has_no_key check ((wrapped_key is null) = (shredded_at is not null))
);

-- Revision 1 of these events held personal data in plaintext. Events are never rewritten, so a ledger
-- written by a build before this migration cannot be upgraded in place: refuse to start, saying why,
-- rather than fail later on an event this build cannot read.
do $$
begin
    if exists (select 1 from domain_event_entry
               where payload_type in ('org.doseledger.core.client.api.ClientRegisteredEvent',
                                      'org.doseledger.core.client.api.ClientAddressChangedEvent',
                                      'org.doseledger.core.client.api.ClientContactUpdatedEvent')
                 and payload_revision = '1') then
        raise exception 'This ledger holds client personal data in plaintext (client events of revision 1, '
            'written by a build before encryption at rest). It cannot be upgraded in place: start this build '
            'with an empty data directory or database. See docs/personal-data.md.';
    end if;
end
$$;
