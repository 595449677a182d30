-- Inventory: command-side lookup tables (subscribing processors, same transaction as the events)
-- and the stock-lots read model (pooled processor, rebuildable from zero).

create table client_registry (
    practice_id   varchar(64) not null,
    client_id     varchar(64) not null,
    registered_at timestamptz not null,
    primary key (practice_id, client_id)
);

-- clients registered before this table existed
insert into client_registry (practice_id, client_id, registered_at)
select e.payload ->> 'practiceId', e.payload ->> 'clientId', (e.payload ->> 'occurredAt')::timestamptz
from (select convert_from(payload, 'UTF8')::jsonb as payload
      from domain_event_entry
      where payload_type = 'org.doseledger.core.client.api.ClientRegisteredEvent') e
on conflict do nothing;

create table location_registry (
    practice_id   varchar(64)  not null,
    location_id   varchar(64)  not null,
    name          text         not null,
    kind          varchar(32)  not null,
    refrigerated  boolean      not null,
    registered_at timestamptz  not null,
    primary key (practice_id, location_id)
);

create table practitioner_registry (
    practice_id     varchar(64) not null,
    practitioner_id varchar(64) not null,
    name            text        not null,
    roles           jsonb       not null,
    dea_number      varchar(9),
    active          boolean     not null,
    registered_at   timestamptz not null,
    deactivated_at  timestamptz,
    primary key (practice_id, practitioner_id)
);

create table product_catalogue (
    practice_id         varchar(64)  not null,
    ndc                 varchar(13)  not null,
    name                text         not null,
    substance           varchar(32)  not null,
    schedule            varchar(8)   not null,
    dosage_form         varchar(32)  not null,
    finished_form       text         not null,
    milligrams_per_unit numeric      not null,
    unit                varchar(16)  not null,
    container_size      numeric      not null,
    registered_at       timestamptz  not null,
    primary key (practice_id, ndc)
);

create table stock_lot (
    practice_id         varchar(64) not null,
    location_id         varchar(64) not null,
    ndc                 varchar(13) not null,
    lot_number          varchar(40) not null,
    substance           varchar(32) not null,
    unit                varchar(16) not null,
    milligrams_per_unit numeric     not null,
    expires_on          date        not null,
    on_hand             numeric     not null,
    last_counted        numeric,
    last_counted_at     timestamptz,
    last_position       bigint      not null,
    primary key (practice_id, location_id, ndc, lot_number)
);

create table stock_draw (
    practice_id  varchar(64) not null,
    location_id  varchar(64) not null,
    ndc          varchar(13) not null,
    lot_number   varchar(40) not null,
    draw_id      varchar(64) not null,
    client_id    varchar(64) not null,
    drawn_by     varchar(64) not null,
    drawn_at     timestamptz not null,
    drawn        numeric     not null,
    administered numeric     not null,
    wasted       numeric     not null,
    status       varchar(16) not null,
    overdue      boolean     not null default false,
    primary key (practice_id, location_id, ndc, lot_number, draw_id)
);
create index stock_draw_open on stock_draw (status, drawn_at) where status = 'OPEN';

create table stock_discrepancy (
    practice_id    varchar(64) not null,
    location_id    varchar(64) not null,
    ndc            varchar(13) not null,
    lot_number     varchar(40) not null,
    discrepancy_id varchar(64) not null,
    expected       numeric     not null,
    counted        numeric     not null,
    difference     numeric     not null,
    recorded_at    timestamptz not null,
    status         varchar(16) not null,
    primary key (practice_id, location_id, ndc, lot_number, discrepancy_id)
);

create table stock_movement (
    ledger_position bigint       primary key,
    event_id        varchar(255) not null,
    practice_id     varchar(64)  not null,
    location_id     varchar(64)  not null,
    ndc             varchar(13)  not null,
    lot_number      varchar(40)  not null,
    movement        varchar(32)  not null,
    quantity        numeric,
    milligrams      numeric,
    balance_change  numeric      not null,
    balance_after   numeric,
    draw_id         varchar(64),
    client_id       varchar(64),
    actor           varchar(64),
    witness         varchar(64),
    late_entry      boolean      not null,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    details         jsonb        not null
);
create index stock_movement_by_lot on stock_movement (practice_id, location_id, ndc, lot_number, ledger_position);
