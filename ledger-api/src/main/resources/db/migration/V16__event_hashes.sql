-- Tamper evidence, part one: every event carries the hash of its predecessor in its stream and its own
-- hash over a canonical form (docs/tamper-evidence.md defines it byte by byte). A trigger computes both at
-- insert, so no writer can skip them; the verifier recomputes them from the stored columns.

-- One field of the canonical form: 4-byte big-endian length, then the bytes; null is length 0xFFFFFFFF.
create function ledger_field(value bytea) returns bytea language sql immutable as $$
    select case when value is null then '\xffffffff'::bytea else int4send(length(value)) || value end
$$;

create function ledger_text(value text) returns bytea language sql immutable as $$
    select ledger_field(convert_to(value, 'UTF8'))
$$;

create function ledger_event_hash(global_index bigint, event_identifier text, aggregate_identifier text,
                                  sequence_number bigint, type text, payload_type text, payload_revision text,
                                  time_stamp text, payload bytea, meta_data bytea, previous_hash bytea)
    returns bytea language sql immutable as $$
    select sha256(convert_to('DOSE-LEDGER-EVENT/1', 'UTF8')
                  || ledger_text(global_index::text)
                  || ledger_text(event_identifier)
                  || ledger_text(aggregate_identifier)
                  || ledger_text(sequence_number::text)
                  || ledger_text(type)
                  || ledger_text(payload_type)
                  || ledger_text(payload_revision)
                  || ledger_text(time_stamp)
                  || ledger_field(payload)
                  || ledger_field(meta_data)
                  || ledger_field(previous_hash))
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
