-- Read model: every event of the ledger, one row per ledger position (global index), with the columns the
-- audit-trail filters use pulled out of payload and metadata. Payload and metadata are json (not jsonb) so
-- that they keep the text the ledger wrote, key order included. Rebuildable from zero (audit-trail processor).
create table audit_trail (
    ledger_position  bigint       primary key,
    event_id         varchar(255) not null,
    event_type       varchar(128) not null,
    aggregate_type   varchar(255),
    aggregate_id     varchar(255),
    sequence_number  bigint,
    practice_id      varchar(64),
    client_id        varchar(64),
    location_id      varchar(64),
    substance        varchar(32),
    practitioners    text[]       not null,
    credential_id    varchar(64),
    request_id       varchar(128),
    idempotency_key  varchar(255),
    occurred_at      timestamptz  not null,
    recorded_at      timestamptz  not null,
    payload          json         not null,
    meta_data        json         not null
);

-- One index per filter, each ending in the position so that a filtered page is an index range scan in
-- cursor order; time ranges use their own index and sort the (bounded) range.
create index audit_trail_by_practice on audit_trail (practice_id, ledger_position);
create index audit_trail_by_client on audit_trail (practice_id, client_id, ledger_position) where client_id is not null;
create index audit_trail_by_location on audit_trail (practice_id, location_id, ledger_position) where location_id is not null;
create index audit_trail_by_substance on audit_trail (practice_id, substance, ledger_position) where substance is not null;
create index audit_trail_by_type on audit_trail (practice_id, event_type, ledger_position);
create index audit_trail_by_credential on audit_trail (practice_id, credential_id, ledger_position);
create index audit_trail_by_request on audit_trail (request_id) where request_id is not null;
create index audit_trail_by_occurred on audit_trail (practice_id, occurred_at);
create index audit_trail_by_recorded on audit_trail (practice_id, recorded_at);
create index audit_trail_by_practitioner on audit_trail using gin (practitioners);
