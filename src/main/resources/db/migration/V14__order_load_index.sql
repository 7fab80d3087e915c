-- A caregiver's load on a day (dispatch's "not overloaded" rule) counts their offered and taken
-- orders by the visit's day: this index answers it from the index alone, without visiting every
-- order the caregiver ever had.
create index service_order_load_idx on service_order (caregiver_id, (coalesce(window_from, placed_at)))
    where state in ('OFFERED', 'ACCEPTED', 'EN_ROUTE', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED', 'RATED');
