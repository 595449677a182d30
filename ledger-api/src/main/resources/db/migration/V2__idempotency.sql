-- One row per (credential, Idempotency-Key): the fingerprint of the first request and the response
-- it got, written in the same transaction as the events of that request.
create table idempotency_record (
    credential_id       varchar(64)  not null,
    idempotency_key     varchar(255) not null,
    request_fingerprint char(64)     not null,
    response_status     integer,
    response_location   text,
    response_body       json,
    created_at          timestamptz  not null,
    primary key (credential_id, idempotency_key)
);
