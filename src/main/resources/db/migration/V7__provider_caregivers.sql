-- provider (caregivers and catalogue): the rules the application checks, kept by the database too,
-- and the index dispatch's candidate search goes through (skill first).
alter table caregiver
    add constraint caregiver_work_hours_check check (work_start < work_end),
    add constraint caregiver_max_daily_orders_check check (max_daily_orders between 1 and 30),
    add constraint caregiver_status_check check (status in ('ACTIVE', 'ON_LEAVE', 'LEFT'));

create index caregiver_skill_skill_idx on caregiver_skill (skill, caregiver_id);

alter table service_item
    add constraint service_item_unit_check check (unit in ('VISIT', 'HOUR', 'MEAL'));
create index service_item_category_idx on service_item (category, code);
