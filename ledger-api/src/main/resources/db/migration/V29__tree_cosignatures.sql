-- Witnesses' cosignatures of the tree checkpoints (c2sp.org/tlog-cosignature), one row per checkpoint and
-- witness, as the signature line the witness returned. Append-only like the checkpoints.
create table ledger_tree_cosignature (
    tree_size      bigint       not null,
    witness        varchar(255) not null,
    signature_line text         not null,
    cosigned_at    timestamptz  not null,
    primary key (tree_size, witness)
);

create trigger ledger_tree_cosignature_append_only
    before update or delete on ledger_tree_cosignature
    for each row execute function reject_event_rewrite();
create trigger ledger_tree_cosignature_no_truncate
    before truncate on ledger_tree_cosignature
    for each statement execute function reject_event_rewrite();
