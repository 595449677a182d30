-- A person's sign-in to the console. The account is a credential the ledger issued like any API key
-- (ApiKeyIssued: its role, practice, grants, expiry and revocation are the key's), so every fact a person
-- records in the console names that credential. What only sign-in needs stays here, outside the history:
-- the password's hash (Spring Security's encoder), the TOTP secret sealed under a key derived from the
-- master key, the last time step accepted (a code is good once), and the failures that lock the account.
create table console_account (
    username          varchar(64)  primary key,
    display_name      varchar(200) not null,
    key_id            varchar(16)  not null unique,
    password_hash     text         not null,
    totp_secret       bytea        not null,
    last_totp_step    bigint       not null default 0,
    failed_sign_ins   int          not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz  not null,
    password_set_at   timestamptz  not null
);
