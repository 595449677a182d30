-- Tamper evidence, part three: the sealed events as an RFC 9162 Merkle tree (docs/tamper-evidence.md).
-- The leaves are the sealed positions of ledger_chain in global-index order: leaf_index numbers them from
-- 0 and leaf_hash is SHA-256(0x00 || 'DOSE-LEDGER-LEAF/1' || global index, 8 bytes big-endian || event
-- hash). The roots of complete subtrees are kept in ledger_tree_node, so that a root, an inclusion proof
-- or a consistency proof costs O(log n) reads. Checkpoints of the tree are C2SP signed notes
-- (tlog-checkpoint), kept with the witnesses' cosignatures in ledger_tree_checkpoint. All append-only.
alter table ledger_chain disable trigger ledger_chain_append_only;
alter table ledger_chain add column leaf_index bigint, add column leaf_hash bytea;
update ledger_chain c
set leaf_index = n.leaf_index,
    leaf_hash = sha256('\x00'::bytea || convert_to('DOSE-LEDGER-LEAF/1', 'UTF8') || int8send(c.global_index)
                       || c.event_hash)
from (select global_index, row_number() over (order by global_index) - 1 as leaf_index from ledger_chain) n
where n.global_index = c.global_index;
alter table ledger_chain enable trigger ledger_chain_append_only;
alter table ledger_chain alter column leaf_index set not null, alter column leaf_hash set not null;
create unique index ledger_chain_leaf_index on ledger_chain (leaf_index);

-- The root of the complete subtree of 2^level leaves starting at leaf node_index * 2^level (level >= 1).
create table ledger_tree_node (
    level      smallint not null,
    node_index bigint   not null,
    hash       bytea    not null,
    primary key (level, node_index)
);

create table ledger_tree_checkpoint (
    tree_size bigint      primary key,
    root_hash bytea       not null,
    note      text        not null,
    sealed_at timestamptz not null
);

create trigger ledger_tree_node_append_only
    before update or delete on ledger_tree_node
    for each row execute function reject_event_rewrite();
create trigger ledger_tree_node_no_truncate
    before truncate on ledger_tree_node
    for each statement execute function reject_event_rewrite();
create trigger ledger_tree_checkpoint_append_only
    before update or delete on ledger_tree_checkpoint
    for each row execute function reject_event_rewrite();
create trigger ledger_tree_checkpoint_no_truncate
    before truncate on ledger_tree_checkpoint
    for each statement execute function reject_event_rewrite();
