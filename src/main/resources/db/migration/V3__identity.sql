-- identity: users with a role and a data scope, tokens for system accounts, and the audit of
-- reads of personal data.

create table app_user (
    id                 bigint generated always as identity primary key,
    username           text not null unique,
    password_hash      text not null,
    display_name       text not null,
    role               text not null,
    scope_kind         text not null check (scope_kind in ('REGION', 'PROVIDER', 'CAREGIVER', 'ELDER', 'NONE')),
    scope_region       text check (scope_region ~ '^[0-9]{2,12}$'),
    scope_provider_id  bigint,
    scope_caregiver_id bigint,
    scope_elder_id     bigint,
    enabled            boolean not null default true,
    created_at         timestamptz not null default now()
);

create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references app_user (id),
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create table personal_data_audit (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    user_id      bigint,
    username     text not null,
    subject_kind text not null,
    subject_id   bigint not null,
    action       text not null,
    remote_addr  text
);
create index personal_data_audit_subject_idx on personal_data_audit (subject_kind, subject_id, at desc);
create index personal_data_audit_user_idx on personal_data_audit (username, at desc);
