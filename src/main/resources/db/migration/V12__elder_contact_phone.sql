-- elder: the hotline finds elders by a caller's number, which is often a child's (a contact's)
create index elder_contact_phone_idx on elder_contact (phone);
