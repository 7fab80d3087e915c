-- The order list (newest first, at-risk orders on top) reads orders in this order and stops after a
-- page instead of ranking every order in scope (0.2 s on 375,000 orders, growing with history).
create index service_order_placed_idx on service_order (placed_at desc, id desc);
