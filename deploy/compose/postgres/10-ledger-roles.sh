#!/bin/sh
# Runs once, when the postgres container initialises an empty volume: the database and the two roles of
# deploy/README.md ("Database roles"). ledger_owner owns the schema and runs the migrations; the service connects
# as ledger_app, which after every migration may only insert into and read the event tables.
set -eu
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v owner_password="$LEDGER_OWNER_PASSWORD" -v app_password="$LEDGER_APP_PASSWORD" <<'SQL'
create role ledger_owner login password :'owner_password';
create role ledger_app login password :'app_password';
create database ledger owner ledger_owner;
\connect ledger
set role ledger_owner;
alter default privileges for role ledger_owner in schema public
    grant select, insert, update, delete on tables to ledger_app;
alter default privileges for role ledger_owner in schema public
    grant usage, select on sequences to ledger_app;
SQL
