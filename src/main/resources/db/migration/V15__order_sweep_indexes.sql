-- The sweep (every 15 s: offers that ran out, windows that closed, ASAP orders past their deadline)
-- used to walk the primary key over every order ever placed (0.5 s on the large city's bench data,
-- more as history grows); each of its three conditions now reads only its own small index.
create index service_order_offer_expiry_idx on service_order (offer_expires_at) where state = 'OFFERED';
create index service_order_window_close_idx on service_order (window_to) where state in ('CREATED', 'OFFERED');
create index service_order_asap_deadline_idx on service_order (placed_at)
    where state in ('CREATED', 'OFFERED') and window_to is null;
