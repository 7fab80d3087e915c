-- The dispatch queue is the orders table itself (ADR 0010): an order awaiting dispatch carries when
-- automatic dispatch should next try it. Placing, a refusal and an expired offer set it to "now";
-- finding nobody sets it a retry interval ahead; an offer, a cancellation or expiry clear it. Workers
-- on every node take due orders in batches with FOR UPDATE SKIP LOCKED, so the queue is exactly as
-- durable as the orders and no order is taken twice.
alter table service_order add column dispatch_due_at timestamptz;

update service_order
   set dispatch_due_at = coalesce(unassignable_at + interval '2 minutes', placed_at)
 where state = 'CREATED';

create index service_order_dispatch_due_idx on service_order (dispatch_due_at) where dispatch_due_at is not null;
