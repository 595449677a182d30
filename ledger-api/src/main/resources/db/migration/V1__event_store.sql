-- Axon's JDBC event store, token store and dead-letter queue, in snake_case (see AxonConfiguration).
-- Payloads and metadata are Jackson JSON in bytea: readable with convert_from(payload, 'UTF8')::jsonb.

create table domain_event_entry (
    global_index         bigserial    primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table dead_letter_entry (
    dead_letter_identifier varchar(255)  not null primary key,
    processing_group       varchar(255)  not null,
    sequence_identifier    varchar(255)  not null,
    sequence_index         bigint        not null,
    message_type           varchar(255)  not null,
    event_identifier       varchar(255)  not null,
    time_stamp             varchar(255)  not null,
    payload_type           varchar(255)  not null,
    payload_revision       varchar(255),
    payload                bytea         not null,
    meta_data              bytea,
    aggregate_type         varchar(255),
    aggregate_identifier   varchar(255),
    sequence_number        bigint,
    token_type             varchar(255),
    token                  bytea,
    enqueued_at            varchar(255)  not null,
    last_touched           varchar(255),
    processing_started     varchar(255),
    cause_type             varchar(255),
    cause_message          varchar(1023),
    diagnostics            bytea,
    constraint dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_processing_group on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence_identifier on dead_letter_entry (sequence_identifier);

-- Events are never updated or deleted: a mistake is fixed by a correction event.
create function reject_event_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'ledger events are append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function reject_event_rewrite();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function reject_event_rewrite();
