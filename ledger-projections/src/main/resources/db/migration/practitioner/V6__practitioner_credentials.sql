-- Credentials of practitioners, checked on the day of each clinical act.
alter table practitioner_registry
    add column licence_number     varchar(64),
    add column licence_state      varchar(2),
    add column licence_expires_on date,
    add column dea_expires_on     date,
    add column dea_schedules      jsonb not null default '[]',
    add column kap_trained_on     date,
    add column acls_expires_on    date;
