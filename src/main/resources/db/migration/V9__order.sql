-- order: service orders (点单→派单→接单→签到/签退→评单), their full history and visit photos.
-- Snapshots (service item, address) are copied at order time: later catalogue or registry edits
-- do not rewrite what was ordered. No foreign keys to other modules' tables (modules own their data).
create table service_order (
    id                    bigint generated always as identity primary key,
    elder_id              bigint not null,
    region_code           char(12) not null,
    service_item_id       bigint not null,
    service_code          text not null,
    service_name          text not null,
    price_fen             bigint not null,
    standard_minutes      int not null,
    required_skill        text,
    channel               text not null check (channel in ('HOTLINE', 'FAMILY', 'ELDER', 'API', 'PROVIDER')),
    placed_by             bigint not null,
    placed_by_name        text not null,
    placed_at             timestamptz not null,
    address_text          text not null,
    address_community     char(12) not null,
    address_lat           double precision not null,
    address_lng           double precision not null,
    window_from           timestamptz,
    window_to             timestamptz,
    notes                 text,
    state                 text not null check (state in ('CREATED', 'OFFERED', 'ACCEPTED', 'EN_ROUTE', 'IN_SERVICE',
                                                         'COMPLETED', 'CONFIRMED', 'RATED', 'CANCELLED', 'EXPIRED')),
    state_reason          text,
    caregiver_id          bigint,
    provider_id           bigint,
    past_caregiver_ids    bigint[] not null default '{}',
    offer_expires_at      timestamptz,
    accepted_at           timestamptz,
    confirmation_code     char(4),
    check_in_at           timestamptz,
    check_in_lat          double precision,
    check_in_lng          double precision,
    check_in_distance_m   int,
    check_in_reason       text,
    check_out_at          timestamptz,
    check_out_lat         double precision,
    check_out_lng         double precision,
    check_out_distance_m  int,
    confirmed_at          timestamptz,
    confirmed_by          text,
    rating                smallint check (rating between 1 and 5),
    rating_comment        text,
    rated_at              timestamptz,
    version               int not null default 0,
    constraint service_order_window_check check (window_to is null or window_from < window_to),
    constraint service_order_offer_check check (state <> 'OFFERED' or (caregiver_id is not null and offer_expires_at is not null))
);
create index service_order_region_idx on service_order (region_code, placed_at desc);
create index service_order_state_idx on service_order (state, placed_at desc);
create index service_order_elder_idx on service_order (elder_id, placed_at desc);
create index service_order_caregiver_idx on service_order (caregiver_id, placed_at desc) where caregiver_id is not null;
create index service_order_provider_idx on service_order (provider_id, placed_at desc) where provider_id is not null;
create index service_order_past_caregivers_idx on service_order using gin (past_caregiver_ids);

-- Every transition and notable step, append-only: who, when, where, what, why.
create table order_event (
    id            bigint generated always as identity primary key,
    order_id      bigint not null references service_order (id),
    action        text not null,
    from_state    text,
    to_state      text not null,
    user_id       bigint not null,
    username      text not null,
    at            timestamptz not null,
    lat           double precision,
    lng           double precision,
    reason        text,
    detail        text
);
create index order_event_order_idx on order_event (order_id, id);

create table order_photo (
    id            bigint generated always as identity primary key,
    order_id      bigint not null references service_order (id),
    sha256        char(64) not null,
    content_type  text not null,
    size_bytes    int not null,
    path          text not null,
    uploaded_by   bigint not null,
    uploaded_by_name text not null,
    uploaded_at   timestamptz not null
);
create index order_photo_order_idx on order_photo (order_id, id);
