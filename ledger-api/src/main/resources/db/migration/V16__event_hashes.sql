-- Tamper evidence, part one: every event carries the hash of its predecessor in its stream and its own
-- hash over a canonical form (docs/tamper-evidence.md defines it byte by byte). A trigger computes both at
-- insert, so no writer can skip them; the verifier recomputes them from the stored columns.

-- The event hash over the canonical form: the tag DOSE-LEDGER-EVENT/1, then each field as a 4-byte
-- big-endian length and its bytes (text in UTF-8; null is the four bytes FF FF FF FF). Written out in one
-- expression (no helper function per field): the trigger runs it for every event appended.
create function ledger_event_hash(global_index bigint, event_identifier text, aggregate_identifier text,
                                  sequence_number bigint, type text, payload_type text, payload_revision text,
                                  time_stamp text, payload bytea, meta_data bytea, previous_hash bytea)
    returns bytea language plpgsql immutable as $$
declare
    absent         constant bytea := '\xffffffff';
    b_index        bytea := convert_to(global_index::text, 'UTF8');
    b_event        bytea := convert_to(event_identifier, 'UTF8');
    b_stream       bytea := convert_to(aggregate_identifier, 'UTF8');
    b_sequence     bytea := convert_to(sequence_number::text, 'UTF8');
    b_type         bytea := convert_to(type, 'UTF8');
    b_payload_type bytea := convert_to(payload_type, 'UTF8');
    b_revision     bytea := convert_to(payload_revision, 'UTF8');
    b_time         bytea := convert_to(time_stamp, 'UTF8');
begin
    return sha256(convert_to('DOSE-LEDGER-EVENT/1', 'UTF8')
                  || coalesce(int4send(octet_length(b_index)) || b_index, absent)
                  || coalesce(int4send(octet_length(b_event)) || b_event, absent)
                  || coalesce(int4send(octet_length(b_stream)) || b_stream, absent)
                  || coalesce(int4send(octet_length(b_sequence)) || b_sequence, absent)
                  || coalesce(int4send(octet_length(b_type)) || b_type, absent)
                  || coalesce(int4send(octet_length(b_payload_type)) || b_payload_type, absent)
                  || coalesce(int4send(octet_length(b_revision)) || b_revision, absent)
                  || coalesce(int4send(octet_length(b_time)) || b_time, absent)
                  || coalesce(int4send(octet_length(payload)) || payload, absent)
                  || coalesce(int4send(octet_length(meta_data)) || meta_data, absent)
                  || coalesce(int4send(octet_length(previous_hash)) || previous_hash, absent));
end;
$$;

alter table domain_event_entry
    add column inserted_at   timestamptz not null default clock_timestamp(),
    add column previous_hash bytea,
    add column event_hash    bytea;

-- events recorded before this migration: hashed once, stream by stream, in sequence order
alter table domain_event_entry disable trigger domain_event_entry_append_only;
do $$
declare
    event       record;
    predecessor bytea;
begin
    for event in select * from domain_event_entry order by aggregate_identifier, sequence_number loop
        if event.sequence_number = 0 then
            predecessor := decode(repeat('00', 32), 'hex');
        else
            select e.event_hash into predecessor from domain_event_entry e
            where e.aggregate_identifier = event.aggregate_identifier
              and e.sequence_number = event.sequence_number - 1;
        end if;
        update domain_event_entry
        set previous_hash = predecessor,
            event_hash = ledger_event_hash(event.global_index, event.event_identifier, event.aggregate_identifier,
                                           event.sequence_number, event.type, event.payload_type,
                                           event.payload_revision, event.time_stamp, event.payload,
                                           event.meta_data, predecessor)
        where global_index = event.global_index;
    end loop;
end;
$$;
alter table domain_event_entry enable trigger domain_event_entry_append_only;

alter table domain_event_entry
    alter column previous_hash set not null,
    alter column event_hash set not null;

create function ledger_hash_event() returns trigger language plpgsql as $$
declare
    predecessor bytea;
begin
    if new.sequence_number = 0 then
        predecessor := decode(repeat('00', 32), 'hex');
    else
        select e.event_hash into predecessor from domain_event_entry e
        where e.aggregate_identifier = new.aggregate_identifier and e.sequence_number = new.sequence_number - 1;
        if predecessor is null then
            raise exception 'event % of stream % has no predecessor to chain to', new.sequence_number,
                new.aggregate_identifier;
        end if;
    end if;
    new.inserted_at := clock_timestamp();
    new.previous_hash := predecessor;
    new.event_hash := ledger_event_hash(new.global_index, new.event_identifier, new.aggregate_identifier,
                                        new.sequence_number, new.type, new.payload_type, new.payload_revision,
                                        new.time_stamp, new.payload, new.meta_data, predecessor);
    return new;
end;
$$;

create trigger domain_event_entry_hash
    before insert on domain_event_entry
    for each row execute function ledger_hash_event();

create index domain_event_entry_inserted_at on domain_event_entry (inserted_at);

-- Tamper evidence, part two: the global chain over the global index and its signed checkpoints, written
-- by the sealer behind the gap window. Append-only like the events.
create table ledger_chain (
    global_index      bigint primary key,
    event_hash        bytea  not null,
    chain_hash        bytea  not null,
    checkpoint_number bigint not null
);

create table ledger_checkpoint (
    checkpoint_number        bigint       primary key,
    from_index               bigint       not null,
    to_index                 bigint       not null,
    event_count              bigint       not null,
    chain_hash               bytea        not null,
    previous_checkpoint_hash bytea        not null,
    sealed_at                timestamptz  not null,
    key_id                   varchar(64)  not null,
    signature                bytea        not null,
    checkpoint_hash          bytea        not null
);

create trigger ledger_chain_append_only
    before update or delete on ledger_chain
    for each row execute function reject_event_rewrite();
create trigger ledger_chain_no_truncate
    before truncate on ledger_chain
    for each statement execute function reject_event_rewrite();
create trigger ledger_checkpoint_append_only
    before update or delete on ledger_checkpoint
    for each row execute function reject_event_rewrite();
create trigger ledger_checkpoint_no_truncate
    before truncate on ledger_checkpoint
    for each statement execute function reject_event_rewrite();
