-- Idempotency-Key for API writes that create things: the same key and body again returns the
-- first result; the same key with another body is 422.
create table idempotency_record (
    principal     text not null,
    key           text not null,
    request_hash  text not null,
    status        int,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz not null default now(),
    completed_at  timestamptz,
    primary key (principal, key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
