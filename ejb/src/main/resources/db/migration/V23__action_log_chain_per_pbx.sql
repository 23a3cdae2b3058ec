-- The action log is chained per PBX, so that a PBX's verification and export show nothing of another's: each entry
-- belongs to one chain (its PBX's, or '' for the deployment's) and has a gap-free position in it. The entries written
-- so far stay in the one chain they were written in, which becomes the deployment's (the operator verifies it); each
-- PBX's chain starts afresh. The global position stays as the order of all entries, numbered under action_log_head
-- (its last_hash is no longer read); each chain's end is kept in action_log_chain.
alter table action_log_entry add column chain varchar(100) default '' not null;
alter table action_log_entry add column chain_position bigint;
update action_log_entry set chain_position = position;
alter table action_log_entry alter column chain_position set not null;
create unique index action_log_chain_position on action_log_entry (chain, chain_position);

create table action_log_chain (
    chain         varchar(100)  primary key,
    last_position bigint        not null,
    last_hash     varchar(64)   not null
);
insert into action_log_chain (chain, last_position, last_hash) select '', last_position, last_hash from action_log_head;
