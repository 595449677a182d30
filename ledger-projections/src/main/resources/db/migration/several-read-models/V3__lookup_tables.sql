-- Command-side lookup tables, written by subscribing processors in the same transaction as the events.

create table practice_registry (
    practice_id                 varchar(64)  primary key,
    name                        text         not null,
    address                     jsonb        not null,
    dea_number                  varchar(9)   not null,
    dea_registration_expires_on date         not null,
    authorized_schedules        jsonb        not null,
    time_zone                   varchar(64)  not null,
    registered_at               timestamptz  not null,
    recorded_at                 timestamptz  not null
);

create table api_key_registry (
    key_id        varchar(64)  primary key,
    role          varchar(32)  not null,
    practice_id   varchar(64),
    label         text,
    secret_sha256 char(64)     not null,
    issued_at     timestamptz  not null,
    issued_by     varchar(64),
    expires_at    timestamptz,
    revoked_at    timestamptz
);
