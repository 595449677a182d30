-- Read model of the dosing-consistency processor: per client, the dosing sessions, the draws given in them
-- (mg drawn, administered and wasted, when, by whom, by which route, with the plan flags and overrides the
-- ledger recorded), the vitals taken, and the plan versions and weights in force over time. The report
-- (dose in mg and mg/kg against the plan, change and interval from the previous session, waste share,
-- delays, missing vitals) is computed from these when read. Rebuildable from zero.
create table dosing_report_session (
    practice_id   varchar(64) not null,
    client_id     varchar(64) not null,
    session_id    varchar(64) not null,
    substance     varchar(32),
    scheduled_for timestamptz,
    started_at    timestamptz,
    location_id   varchar(64),
    monitored_by  varchar(64),
    discharged_at timestamptz,
    cancelled     boolean     not null default false,
    primary key (practice_id, client_id, session_id)
);

create table dosing_report_draw (
    practice_id           varchar(64) not null,
    location_id           varchar(64) not null,
    ndc                   varchar(13) not null,
    lot_number            varchar(40) not null,
    draw_id               varchar(64) not null,
    client_id             varchar(64) not null,
    session_id            varchar(64),
    drawn_by              varchar(64) not null,
    drawn_at              timestamptz not null,
    drawn_mg              numeric     not null,
    administered_mg       numeric     not null default 0,
    first_administered_at timestamptz,
    administered_by       varchar(64),
    route                 varchar(16),
    wasted_mg             numeric     not null default 0,
    first_wasted_at       timestamptz,
    plan_flags            jsonb       not null default '[]',
    overrides             jsonb       not null default '[]',
    last_position         bigint      not null,
    primary key (practice_id, location_id, ndc, lot_number, draw_id)
);
create index dosing_report_draw_by_client on dosing_report_draw (practice_id, client_id);

create table dosing_report_vitals (
    ledger_position bigint      primary key,
    practice_id     varchar(64) not null,
    client_id       varchar(64) not null,
    session_id      varchar(64) not null,
    taken_at        timestamptz not null
);
create index dosing_report_vitals_by_client on dosing_report_vitals (practice_id, client_id);

create table dosing_report_plan (
    ledger_position  bigint      primary key,
    practice_id      varchar(64) not null,
    client_id        varchar(64) not null,
    plan_id          varchar(64) not null,
    effective_at     timestamptz not null,
    route            varchar(16) not null,
    dose_basis       varchar(16) not null,
    min_dose         numeric     not null,
    max_dose         numeric     not null,
    max_single_dose  numeric,
    min_interval     varchar(32)
);
create index dosing_report_plan_by_client on dosing_report_plan (practice_id, client_id, effective_at);

create table dosing_report_weight (
    ledger_position bigint      primary key,
    practice_id     varchar(64) not null,
    client_id       varchar(64) not null,
    measured_at     timestamptz not null,
    kilograms       numeric     not null
);
create index dosing_report_weight_by_client on dosing_report_weight (practice_id, client_id, measured_at);
