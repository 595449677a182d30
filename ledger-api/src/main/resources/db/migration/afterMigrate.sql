-- Runs after every migration (a Flyway callback). When the deployment has an application role named
-- ledger_app, it may only insert into and read the tables that hold the ledger's history: events, the
-- sealed chain and its checkpoints (docs/tamper-evidence.md, deploy/README.md).
do $$
begin
    -- replicas starting together run this at once, and PostgreSQL refuses a second concurrent change of
    -- the same table's privileges ("tuple concurrently updated"): one at a time, until this transaction ends
    perform pg_advisory_xact_lock(hashtext('dose-ledger afterMigrate'));
    if exists (select 1 from pg_roles where rolname = 'ledger_app') then
        if to_regclass('public.domain_event_entry') is not null then
            revoke update, delete, truncate on domain_event_entry from ledger_app;
        end if;
        if to_regclass('public.ledger_chain') is not null then
            revoke update, delete, truncate on ledger_chain, ledger_checkpoint from ledger_app;
        end if;
        if to_regclass('public.ledger_tree_node') is not null then
            revoke update, delete, truncate on ledger_tree_node, ledger_tree_checkpoint from ledger_app;
        end if;
        if to_regclass('public.ledger_tree_cosignature') is not null then
            revoke update, delete, truncate on ledger_tree_cosignature from ledger_app;
        end if;
        if to_regclass('public.flyway_schema_history') is not null then
            revoke update, delete, truncate on flyway_schema_history from ledger_app;
        end if;
    end if;
end
$$;
