-- The practices a REGULATOR key may read and export (the key's first practice included); kept by the
-- api-key registry in the same transaction as the grant events.
create table api_key_practice_grant (
    key_id      varchar(64)  not null references api_key_registry (key_id),
    practice_id varchar(64)  not null,
    granted_at  timestamptz  not null,
    primary key (key_id, practice_id)
);
