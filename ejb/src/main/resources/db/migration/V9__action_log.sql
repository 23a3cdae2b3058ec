-- The action log: append-only, each entry hash-chained to the one before (SHA-256 over its fields and the previous
-- hash), so that a changed or removed row breaks the chain. Positions are gap-free and given by the head row, which
-- also serialises appends across nodes (it is locked for update by each append) and remembers the last hash, so that
-- removing the newest entries is detected too.
create table action_log_entry (
    position      bigint        primary key,
    occurred_at   timestamp with time zone not null,
    actor         varchar(255)  not null,
    origin        varchar(100)  not null,
    action        varchar(32)   not null,
    outcome       varchar(16)   not null,
    pbx           varchar(100),
    recording_id  bigint,
    detail        varchar(1000),
    previous_hash varchar(64)   not null,
    entry_hash    varchar(64)   not null
);
create index action_log_occurred on action_log_entry (occurred_at);
create index action_log_recording on action_log_entry (recording_id);
create index action_log_actor on action_log_entry (actor);

create table action_log_head (
    id            int           primary key,
    last_position bigint        not null,
    last_hash     varchar(64)   not null
);
insert into action_log_head (id, last_position, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
