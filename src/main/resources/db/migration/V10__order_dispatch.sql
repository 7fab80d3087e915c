-- order: when automatic dispatch finds nobody, the order stays awaiting dispatch (CREATED) in the
-- dispatcher's queue with the reason in both languages; the next offer clears it.
alter table service_order add column unassignable_reason_zh text;
alter table service_order add column unassignable_reason_en text;
alter table service_order add column unassignable_at timestamptz;
create index service_order_unassignable_idx on service_order (placed_at) where state = 'CREATED' and unassignable_at is not null;
