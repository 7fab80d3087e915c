-- Shared infrastructure: the module event publication registry (Spring Modulith 2, schema v2),
-- cluster-safe scheduling locks, and demo-mode bookkeeping.

create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamptz not null,
    locked_at  timestamptz not null,
    locked_by  varchar(255) not null
);

create table demo_state (
    seed       bigint not null,
    size       text not null,
    created_at timestamptz not null default now()
);

create extension if not exists pg_trgm;
