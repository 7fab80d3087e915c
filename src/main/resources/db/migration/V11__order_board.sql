-- order: what the dispatcher's board and the timelines show, the caregiver's notes, and the limit
-- on guessing the elder's confirmation code.
alter table service_order add column elder_name text;                 -- as it was when placed (like the service's name)
alter table service_order add column caregiver_notes text;            -- written at check-out
alter table service_order add column confirm_failures int not null default 0;
alter table service_order add column confirm_locked_until timestamptz;

-- the board reads the open orders of a region, oldest first
create index service_order_open_idx on service_order (placed_at)
    where state in ('CREATED', 'OFFERED', 'ACCEPTED', 'EN_ROUTE', 'IN_SERVICE');

-- orders cancelled or expired today, for the board's counts
create index order_event_closed_idx on order_event (at) where to_state in ('CANCELLED', 'EXPIRED');
