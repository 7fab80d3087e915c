package org.yiyang.order.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.order.OrderBoard;
import org.yiyang.order.OrderChannel;
import org.yiyang.order.OrderQuery;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderSummary;
import org.yiyang.order.OrderView;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;

/** Orders, their history and photos in SQL; every read applies the caller's scope in the WHERE clause. */
@Repository
class OrderRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    OrderRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The scope as a SQL condition over {@code service_order o}; ids are numbers, so literals are safe. */
    static String scopePredicate(DataScope scope) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("o.region_code");
            case DataScope.Provider p -> "o.provider_id = " + p.providerId();
            case DataScope.Caregiver c -> "(o.caregiver_id = " + c.caregiverId() + " or o.past_caregiver_ids @> array["
                    + c.caregiverId() + "]::bigint[])";
            case DataScope.Elder e -> "o.elder_id = " + e.elderId();
            case DataScope.None n -> "false";
        };
    }

    long insert(ServiceOrder o) {
        return jdbc.sql("""
                        insert into service_order (elder_id, region_code, service_item_id, service_code, service_name, price_fen,
                                                   standard_minutes, required_skill, channel, placed_by, placed_by_name, placed_at,
                                                   address_text, address_community, address_lat, address_lng, window_from, window_to,
                                                   notes, state, elder_name, dispatch_due_at)
                        values (:elder, :region, :item, :code, :name, :price, :minutes, :skill, :channel, :by, :byName, :at,
                                :addr, :community, :lat, :lng, :from, :to, :notes, :state, :elderName, :due)
                        returning id
                        """)
                .param("elder", o.elderId).param("region", o.regionCode).param("item", o.item.id())
                .param("code", o.item.code()).param("name", o.item.name()).param("price", o.item.priceFen())
                .param("minutes", o.item.standardMinutes()).param("skill", o.item.requiredSkill())
                .param("channel", o.channel.name()).param("by", o.placedBy).param("byName", o.placedByName)
                .param("at", ts(o.placedAt)).param("addr", o.address.text()).param("community", o.address.communityCode())
                .param("lat", o.address.location().lat()).param("lng", o.address.location().lng())
                .param("from", ts(o.windowFrom)).param("to", ts(o.windowTo)).param("notes", o.notes)
                .param("state", o.state.name()).param("elderName", o.elderName).param("due", ts(o.dispatchDueAt))
                .query(Long.class).single();
    }

    /** Writes the mutable part; a concurrent change in between is {@code order.changed} (409). */
    void update(ServiceOrder o) {
        int n = jdbc.sql("""
                        update service_order set state = :state, state_reason = :reason, caregiver_id = :cg, provider_id = :pv,
                               past_caregiver_ids = :past, offer_expires_at = :offerExp, accepted_at = :acc,
                               confirmation_code = :code, check_in_at = :ciAt, check_in_lat = :ciLat, check_in_lng = :ciLng,
                               check_in_distance_m = :ciDist, check_in_reason = :ciReason, check_out_at = :coAt,
                               check_out_lat = :coLat, check_out_lng = :coLng, check_out_distance_m = :coDist,
                               confirmed_at = :confAt, confirmed_by = :confBy, rating = :rating, rating_comment = :comment,
                               rated_at = :ratedAt, caregiver_notes = :cgNotes, confirm_failures = :confFail,
                               confirm_locked_until = :confLock, dispatch_due_at = :due, version = version + 1,
                               unassignable_reason_zh = case when :state = 'CREATED' then unassignable_reason_zh end,
                               unassignable_reason_en = case when :state = 'CREATED' then unassignable_reason_en end,
                               unassignable_at = case when :state = 'CREATED' then unassignable_at end
                         where id = :id and version = :version
                        """)
                .param("state", o.state.name()).param("reason", o.stateReason).param("cg", o.caregiverId)
                .param("pv", o.providerId).param("past", o.pastCaregivers.toArray(new Long[0]))
                .param("offerExp", ts(o.offerExpiresAt)).param("acc", ts(o.acceptedAt)).param("code", o.confirmationCode)
                .param("ciAt", ts(o.checkInAt)).param("ciLat", o.checkInLocation == null ? null : o.checkInLocation.lat())
                .param("ciLng", o.checkInLocation == null ? null : o.checkInLocation.lng())
                .param("ciDist", o.checkInDistance).param("ciReason", o.checkInReason).param("coAt", ts(o.checkOutAt))
                .param("coLat", o.checkOutLocation == null ? null : o.checkOutLocation.lat())
                .param("coLng", o.checkOutLocation == null ? null : o.checkOutLocation.lng())
                .param("coDist", o.checkOutDistance).param("confAt", ts(o.confirmedAt)).param("confBy", o.confirmedBy)
                .param("rating", o.rating).param("comment", o.ratingComment).param("ratedAt", ts(o.ratedAt))
                .param("cgNotes", o.caregiverNotes).param("confFail", o.confirmFailures).param("confLock", ts(o.confirmLockedUntil))
                .param("due", ts(o.dispatchDueAt)).param("id", o.id).param("version", o.version)
                .update();
        if (n != 1) {
            throw RuleViolationException.conflict("order.changed");
        }
        o.version++;
    }

    /** A step as the history shows it once stored. */
    static OrderView.HistoryEntry entry(ServiceOrder.Step s) {
        return new OrderView.HistoryEntry(s.action(), s.from(), s.to(), s.actor().userId(), s.actor().username(), s.at(),
                s.location(), s.reason(), s.detail());
    }

    void appendSteps(long orderId, List<ServiceOrder.Step> steps) {
        for (ServiceOrder.Step s : steps) {
            jdbc.sql("""
                            insert into order_event (order_id, action, from_state, to_state, user_id, username, at, lat, lng, reason, detail)
                            values (:order, :action, :from, :to, :user, :username, :at, :lat, :lng, :reason, :detail)
                            """)
                    .param("order", orderId).param("action", s.action()).param("from", s.from() == null ? null : s.from().name())
                    .param("to", s.to().name()).param("user", s.actor().userId()).param("username", s.actor().username())
                    .param("at", ts(s.at())).param("lat", s.location() == null ? null : s.location().lat())
                    .param("lng", s.location() == null ? null : s.location().lng()).param("reason", s.reason())
                    .param("detail", s.detail())
                    .update();
        }
    }

    /**
     * Writes the offers of a dispatch batch in one round trip: only the columns an offer changes
     * ({@link ServiceOrder#offerTo}); each order locked by {@link #lockDueForDispatch} beforehand.
     */
    void updateOffers(List<ServiceOrder> offered) {
        int[][] counts = batch.batchUpdate("""
                        update service_order set state = 'OFFERED', state_reason = null, caregiver_id = ?, provider_id = ?,
                               offer_expires_at = ?, dispatch_due_at = null, version = version + 1,
                               unassignable_reason_zh = null, unassignable_reason_en = null, unassignable_at = null
                         where id = ? and version = ? and state = 'CREATED'
                        """, offered, offered.size(), (ps, o) -> {
                    ps.setLong(1, o.caregiverId);
                    ps.setLong(2, o.providerId);
                    ps.setTimestamp(3, ts(o.offerExpiresAt));
                    ps.setLong(4, o.id);
                    ps.setInt(5, o.version);
                });
        for (int[] chunk : counts) {
            for (int n : chunk) {
                if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) {
                    throw RuleViolationException.conflict("order.changed");
                }
            }
        }
        offered.forEach(o -> o.version++);
    }

    /** A dispatch batch's "nobody qualifies" marks: reason, time, and when to try again. */
    record UnassignableMark(long orderId, String reasonZh, String reasonEn, Instant at, Instant retryAt) {
    }

    void markUnassignable(List<UnassignableMark> marks) {
        batch.batchUpdate("""
                        update service_order set unassignable_reason_zh = ?, unassignable_reason_en = ?, unassignable_at = ?,
                               dispatch_due_at = ?
                         where id = ? and state = 'CREATED'
                        """, marks, marks.size(), (ps, m) -> {
                    ps.setString(1, m.reasonZh());
                    ps.setString(2, m.reasonEn());
                    ps.setTimestamp(3, ts(m.at()));
                    ps.setTimestamp(4, ts(m.retryAt()));
                    ps.setLong(5, m.orderId());
                });
    }

    /** Puts the orders of a dispatch batch left without a decision back in the queue at {@code retryAt} (null: out of it). */
    void retryDispatchAt(List<Long> orderIds, Instant retryAt) {
        if (!orderIds.isEmpty()) {
            jdbc.sql("update service_order set dispatch_due_at = :at where id = any(:ids)")
                    .param("at", ts(retryAt)).param("ids", orderIds.toArray(new Long[0]))
                    .update();
        }
    }

    /** The steps of many orders in one round trip. */
    void appendSteps(List<Map.Entry<Long, ServiceOrder.Step>> steps) {
        batch.batchUpdate("""
                        insert into order_event (order_id, action, from_state, to_state, user_id, username, at, lat, lng, reason, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, steps, steps.size(), (ps, e) -> {
                    ServiceOrder.Step s = e.getValue();
                    ps.setLong(1, e.getKey());
                    ps.setString(2, s.action());
                    ps.setString(3, s.from() == null ? null : s.from().name());
                    ps.setString(4, s.to().name());
                    ps.setLong(5, s.actor().userId());
                    ps.setString(6, s.actor().username());
                    ps.setTimestamp(7, ts(s.at()));
                    ps.setObject(8, s.location() == null ? null : s.location().lat(), java.sql.Types.DOUBLE);
                    ps.setObject(9, s.location() == null ? null : s.location().lng(), java.sql.Types.DOUBLE);
                    ps.setString(10, s.reason());
                    ps.setString(11, s.detail());
                });
    }

    /** Keeps a wrong confirmation code's count and lock although the action itself fails. */
    void recordConfirmFailure(ServiceOrder o) {
        jdbc.sql("update service_order set confirm_failures = :n, confirm_locked_until = :until where id = :id")
                .param("n", o.confirmFailures).param("until", ts(o.confirmLockedUntil)).param("id", o.id)
                .update();
    }

    /** The order within the scope, locked for the rest of the transaction when {@code lock}. */
    Optional<ServiceOrder> find(long id, DataScope scope, boolean lock) {
        return jdbc.sql("select o.* from service_order o where o.id = :id and " + scopePredicate(scope)
                        + (lock ? " for update" : ""))
                .param("id", id)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /** The order whatever the scope (the platform's own dispatch), locked for the rest of the transaction when {@code lock}. */
    Optional<ServiceOrder> findForPlatform(long id, boolean lock) {
        return jdbc.sql("select o.* from service_order o where o.id = :id" + (lock ? " for update" : ""))
                .param("id", id)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /** Keeps an order awaiting dispatch in the dispatcher's queue with why nobody qualified. */
    boolean markUnassignable(long id, String reasonZh, String reasonEn, Instant at, Instant retryAt) {
        return jdbc.sql("""
                        update service_order set unassignable_reason_zh = :zh, unassignable_reason_en = :en, unassignable_at = :at,
                               dispatch_due_at = :retry
                         where id = :id and state = 'CREATED'
                        """)
                .param("zh", reasonZh).param("en", reasonEn).param("at", ts(at)).param("retry", ts(retryAt)).param("id", id)
                .update() == 1;
    }

    /**
     * Up to {@code limit} orders due for automatic dispatch at {@code now}, earliest first, locked
     * for the rest of the transaction; rows another worker (or node) holds are skipped, not waited for.
     */
    List<ServiceOrder> lockDueForDispatch(Instant now, int limit) {
        return jdbc.sql("""
                        select o.* from service_order o
                         where o.dispatch_due_at <= :now
                         order by o.dispatch_due_at limit :limit
                           for update skip locked
                        """)
                .param("now", ts(now)).param("limit", limit)
                .query((rs, i) -> map(rs))
                .list();
    }

    /** For each elder, the caregivers who completed a visit to them (continuity of care); absent = nobody. */
    Map<Long, java.util.Set<Long>> caregiversWhoServed(java.util.Collection<Long> elderIds) {
        if (elderIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, java.util.Set<Long>> result = new java.util.HashMap<>();
        jdbc.sql("""
                        select distinct o.elder_id, o.caregiver_id from service_order o
                         where o.elder_id = any(:elders) and o.caregiver_id is not null
                           and o.state in ('COMPLETED', 'CONFIRMED', 'RATED')
                        """)
                .param("elders", elderIds.toArray(new Long[0]))
                .query((rs, i) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getLong(2)))
                .list();
        return result;
    }

    /** Orders per caregiver on the day (by the window's start, or the placing time for ASAP), offered or taken and not cancelled. */
    Map<Long, Integer> loadOn(java.util.Collection<Long> caregiverIds, LocalDate day, ZoneId zone) {
        if (caregiverIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> result = new java.util.HashMap<>();
        jdbc.sql("""
                        select o.caregiver_id, count(*) as n from service_order o
                         where o.caregiver_id = any(:ids)
                           and o.state in ('OFFERED', 'ACCEPTED', 'EN_ROUTE', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED', 'RATED')
                           and coalesce(o.window_from, o.placed_at) >= :from and coalesce(o.window_from, o.placed_at) < :to
                         group by o.caregiver_id
                        """)
                .param("ids", caregiverIds.toArray(new Long[0]))
                .param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, i) -> result.put(rs.getLong("caregiver_id"), rs.getInt("n")))
                .list();
        return result;
    }

    /** The caregivers who completed a visit to the elder. */
    java.util.Set<Long> caregiversWhoServed(long elderId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct o.caregiver_id from service_order o
                         where o.elder_id = :elder and o.caregiver_id is not null and o.state in ('COMPLETED', 'CONFIRMED', 'RATED')
                        """)
                .param("elder", elderId).query(Long.class).list());
    }

    List<OrderView.HistoryEntry> history(long orderId) {
        return jdbc.sql("select * from order_event where order_id = :id order by id")
                .param("id", orderId)
                .query((rs, i) -> new OrderView.HistoryEntry(rs.getString("action"),
                        rs.getString("from_state") == null ? null : OrderState.valueOf(rs.getString("from_state")),
                        OrderState.valueOf(rs.getString("to_state")), rs.getLong("user_id"), rs.getString("username"),
                        instant(rs, "at"), point(rs, "lat", "lng"), rs.getString("reason"), rs.getString("detail")))
                .list();
    }

    List<OrderView.Photo> photos(long orderId) {
        return jdbc.sql("""
                        select p.id, p.sha256, p.content_type, p.size_bytes, p.uploaded_at, p.uploaded_by_name
                          from order_photo p
                         where p.order_id = :id order by p.id
                        """)
                .param("id", orderId)
                .query((rs, i) -> new OrderView.Photo(rs.getLong("id"), rs.getString("sha256"), rs.getString("content_type"),
                        rs.getInt("size_bytes"), rs.getString("uploaded_by_name"), instant(rs, "uploaded_at")))
                .list();
    }

    /** The type and stored path of one photo of the order. */
    Optional<String[]> photoFile(long orderId, long photoId) {
        return jdbc.sql("select content_type, path from order_photo where order_id = :o and id = :p")
                .param("o", orderId).param("p", photoId)
                .query((rs, i) -> new String[]{rs.getString("content_type"), rs.getString("path")})
                .optional();
    }

    long insertPhoto(long orderId, String sha256, String contentType, int size, String path, long userId, String username,
                     Instant at) {
        return jdbc.sql("""
                        insert into order_photo (order_id, sha256, content_type, size_bytes, path, uploaded_by, uploaded_by_name, uploaded_at)
                        values (:order, :sha, :type, :size, :path, :user, :username, :at) returning id
                        """)
                .param("order", orderId).param("sha", sha256).param("type", contentType).param("size", size)
                .param("path", path).param("user", userId).param("username", username).param("at", ts(at))
                .query(Long.class).single();
    }

    /** Not accepted within this time of being placed: at risk. */
    static final java.time.Duration NOT_ACCEPTED_RISK = java.time.Duration.ofMinutes(10);
    /** Not checked in this long after the window opened: at risk. */
    static final java.time.Duration NOT_CHECKED_IN_RISK = java.time.Duration.ofMinutes(15);

    PageResult<OrderSummary> search(DataScope scope, OrderQuery q, PageQuery page, ZoneId zone, Instant now) {
        StringBuilder where = new StringBuilder(scopePredicate(scope));
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.state() != null) {
            where.append(" and o.state = :state");
            params.put("state", q.state().name());
        }
        if (q.region() != null) {
            where.append(" and o.region_code like :region");
            params.put("region", q.region() + "%");
        }
        if (q.from() != null) {
            where.append(" and o.placed_at >= :from");
            params.put("from", Timestamp.from(q.from().atStartOfDay(zone).toInstant()));
        }
        if (q.to() != null) {
            where.append(" and o.placed_at < :to");
            params.put("to", Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        long total = total(where.toString(), params);
        params.put("notAccepted", ts(now.minus(NOT_ACCEPTED_RISK)));
        params.put("notCheckedIn", ts(now.minus(NOT_CHECKED_IN_RISK)));
        List<OrderSummary> items;
        if (!q.atRiskFirst()) {
            items = listed(where.toString(), params, page.size(), page.offset());
        } else {
            // at-risk orders first, then the rest, each newest first: two index-ordered reads instead of
            // ranking every order in scope (the at-risk ones are all open orders, a small partial index)
            String risky = where + " and o.state in ('CREATED', 'OFFERED', 'ACCEPTED', 'EN_ROUTE') and " + AT_RISK + " is true";
            long riskyCount = jdbc.sql("select count(*) from service_order o where " + risky).params(params).query(Long.class).single();
            items = new java.util.ArrayList<>();
            if (page.offset() < riskyCount) {
                items.addAll(listed(risky, params, page.size(), page.offset()));
            }
            if (items.size() < page.size()) {
                items.addAll(listed(where + " and " + AT_RISK + " is not true", params, page.size() - items.size(),
                        Math.max(0, page.offset() - riskyCount)));
            }
        }
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Totals at least this large are counted again at most every {@link #BIG_TOTAL_TTL_NANOS}. */
    static final long BIG_TOTAL = 10_000;
    private static final long BIG_TOTAL_TTL_NANOS = 5_000_000_000L;

    private record Counted(long total, long atNanos) {
    }

    private final Map<String, Counted> bigTotals = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The number of orders matching a list's filters. Counting a whole city's history is the
     * dearest part of a list (90 ms for 375,000 orders, all of it on every refresh of every
     * operator's list); a total of {@value #BIG_TOTAL} or more is reused for 5 s by every list with
     * the same filters and scope, smaller ones are always exact.
     */
    private long total(String where, Map<String, Object> params) {
        String key = where + params;
        long now = System.nanoTime();
        Counted known = bigTotals.get(key);
        if (known != null && now - known.atNanos() < BIG_TOTAL_TTL_NANOS) {
            return known.total();
        }
        long total = jdbc.sql("select count(*) from service_order o where " + where).params(params).query(Long.class).single();
        if (total >= BIG_TOTAL) {
            if (bigTotals.size() > 1_000) {
                bigTotals.clear();
            }
            bigTotals.put(key, new Counted(total, now));
        } else if (known != null) {
            bigTotals.remove(key);
        }
        return total;
    }

    /** An order not accepted 10 min after placing, nobody qualifying, or not checked in 15 min after its window opened. */
    private static final String AT_RISK = """
            ((o.state = 'CREATED' and o.unassignable_at is not null)
              or (o.state in ('CREATED', 'OFFERED') and o.placed_at < :notAccepted)
              or (o.state in ('ACCEPTED', 'EN_ROUTE') and o.window_from < :notCheckedIn))""";

    private List<OrderSummary> listed(String where, Map<String, Object> params, int limit, long offset) {
        return jdbc.sql("""
                        select o.id, o.state, o.elder_id, o.region_code, o.service_code, o.service_name, o.placed_at,
                               o.window_from, o.window_to, o.caregiver_id, coalesce(%s, false) as at_risk
                          from service_order o where %s
                         order by o.placed_at desc, o.id desc limit :limit offset :offset
                        """.formatted(AT_RISK, where))
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new OrderSummary(rs.getLong("id"), OrderState.valueOf(rs.getString("state")),
                        rs.getLong("elder_id"), rs.getString("region_code"), rs.getString("service_code"),
                        rs.getString("service_name"), instant(rs, "placed_at"), instant(rs, "window_from"),
                        instant(rs, "window_to"), (Long) rs.getObject("caregiver_id"), rs.getBoolean("at_risk")))
                .list();
    }

    /** The board shows the work of the next day; bookings further ahead are only counted. */
    static final java.time.Duration BOARD_HORIZON = java.time.Duration.ofHours(24);

    /**
     * The open orders of the board due within {@link #BOARD_HORIZON}: per column the at-risk ones
     * first, then the oldest, at most {@code perColumn}.
     */
    List<OrderBoard.Card> boardCards(DataScope scope, String region, int perColumn, Instant now) {
        // per column the at-risk cards first, then the others, each oldest first: eight short reads in
        // index order (one statement) instead of ranking every open order in scope on every refresh
        String common = "coalesce(o.window_from, o.placed_at) < :horizon and o.region_code like :region and " + scopePredicate(scope);
        String[] parts = {   // column 0 (awaiting dispatch) at risk, the rest; column 1 (offered) …; 2 (accepted, en route); 3 (in service)
                "o.state = 'CREATED' and (o.unassignable_at is not null or o.placed_at < :notAccepted)",
                "o.state = 'CREATED' and o.unassignable_at is null and o.placed_at >= :notAccepted",
                "o.state = 'OFFERED' and o.placed_at < :notAccepted",
                "o.state = 'OFFERED' and o.placed_at >= :notAccepted",
                "o.state in ('ACCEPTED', 'EN_ROUTE') and o.window_from < :notCheckedIn",
                "o.state in ('ACCEPTED', 'EN_ROUTE') and (o.window_from is null or o.window_from >= :notCheckedIn)",
                "o.state = 'IN_SERVICE'"};
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("""
                    (select o.id, o.state, o.elder_id, o.elder_name, o.region_code, o.address_text, o.service_name,
                            o.required_skill, o.placed_at, o.window_from, o.window_to, o.caregiver_id,
                            o.offer_expires_at, o.unassignable_reason_zh, o.unassignable_reason_en, %d as part,
                            case when o.state = 'CREATED' and o.unassignable_at is not null then 'UNASSIGNABLE'
                                 when o.state in ('CREATED', 'OFFERED') and o.placed_at < :notAccepted then 'NOT_ACCEPTED'
                                 when o.state in ('ACCEPTED', 'EN_ROUTE') and o.window_from < :notCheckedIn then 'NOT_CHECKED_IN'
                            end as risk
                       from service_order o where %s and %s
                      order by o.placed_at, o.id limit :perColumn)
                    """.formatted(i, parts[i], common));
        }
        sql.append(") o order by o.part, o.placed_at, o.id");
        List<OrderBoard.Card> read = jdbc.sql(sql.toString())
                .param("region", (region == null ? "" : region) + "%").param("perColumn", perColumn)
                .param("horizon", ts(now.plus(BOARD_HORIZON)))
                .param("notAccepted", ts(now.minus(NOT_ACCEPTED_RISK))).param("notCheckedIn", ts(now.minus(NOT_CHECKED_IN_RISK)))
                .query((rs, i) -> new OrderBoard.Card(rs.getLong("id"), OrderState.valueOf(rs.getString("state")),
                        rs.getLong("elder_id"), rs.getString("elder_name"), rs.getString("region_code").trim(),
                        rs.getString("address_text"), rs.getString("service_name"), rs.getString("required_skill"),
                        instant(rs, "placed_at"), instant(rs, "window_from"), instant(rs, "window_to"),
                        (Long) rs.getObject("caregiver_id"), null, instant(rs, "offer_expires_at"),
                        rs.getString("risk") == null ? null : OrderBoard.Risk.valueOf(rs.getString("risk")),
                        rs.getString("unassignable_reason_zh"), rs.getString("unassignable_reason_en")))
                .list();
        // in column order (the parts come column by column, at risk before the rest), at most perColumn each
        List<OrderBoard.Card> cards = new ArrayList<>();
        Map<Integer, Integer> taken = new java.util.HashMap<>();
        for (OrderBoard.Card c : read) {
            int col = switch (c.state()) {
                case CREATED -> 0;
                case OFFERED -> 1;
                case IN_SERVICE -> 3;
                default -> 2;
            };
            if (taken.merge(col, 1, Integer::sum) <= perColumn) {
                cards.add(c);
            }
        }
        return cards;
    }

    /** Per state: open orders (all), and today's finished ones; with how many open ones are at risk. */
    Map<String, long[]> boardCounts(DataScope scope, String region, Instant now, Instant startOfToday) {
        Map<String, long[]> result = new LinkedHashMap<>();
        jdbc.sql("""
                        select o.state, count(*) as n,
                               count(*) filter (where (o.state = 'CREATED' and o.unassignable_at is not null)
                                                   or (o.state in ('CREATED', 'OFFERED') and o.placed_at < :notAccepted)
                                                   or (o.state in ('ACCEPTED', 'EN_ROUTE') and o.window_from < :notCheckedIn)) as risky
                          from service_order o
                         where o.region_code like :region and %s
                           and ((o.state in ('CREATED', 'OFFERED', 'ACCEPTED', 'EN_ROUTE', 'IN_SERVICE')
                                 and coalesce(o.window_from, o.placed_at) < :horizon)
                                or (o.state in ('COMPLETED', 'CONFIRMED', 'RATED') and o.check_out_at >= :today))
                         group by o.state
                        union all
                        select 'LATER', count(*), 0 from service_order o
                         where o.region_code like :region and %s
                           and o.state in ('CREATED', 'OFFERED', 'ACCEPTED', 'EN_ROUTE', 'IN_SERVICE')
                           and o.window_from >= :horizon
                        union all
                        select e.to_state, count(distinct e.order_id), 0
                          from order_event e join service_order o on o.id = e.order_id
                         where e.to_state in ('CANCELLED', 'EXPIRED') and e.at >= :today
                           and o.region_code like :region and %s
                         group by e.to_state
                        """.formatted(scopePredicate(scope), scopePredicate(scope), scopePredicate(scope)))
                .param("region", (region == null ? "" : region) + "%").param("horizon", ts(now.plus(BOARD_HORIZON)))
                .param("notAccepted", ts(now.minus(NOT_ACCEPTED_RISK))).param("notCheckedIn", ts(now.minus(NOT_CHECKED_IN_RISK)))
                .param("today", ts(startOfToday))
                .query((rs, i) -> result.put(rs.getString("state"), new long[] {rs.getLong("n"), rs.getLong("risky")}))
                .list();
        return result;
    }

    /** Offers past their expiry and open orders past their window (or ASAP orders placed before the deadline), locked and skipped if another node holds them. */
    List<ServiceOrder> due(Instant now, Instant asapPlacedBefore, int limit) {
        return jdbc.sql("""
                        select o.* from service_order o
                         where o.id in (select id from service_order where state = 'OFFERED' and offer_expires_at <= :now
                                        union
                                        select id from service_order where state in ('CREATED', 'OFFERED') and window_to <= :now
                                        union
                                        select id from service_order
                                         where state in ('CREATED', 'OFFERED') and window_to is null and placed_at <= :asap)
                           and o.state in ('CREATED', 'OFFERED')
                           and ((o.state = 'OFFERED' and o.offer_expires_at <= :now)
                             or (o.window_to is not null and o.window_to <= :now)
                             or (o.window_to is null and o.placed_at <= :asap))
                         order by o.id limit :limit
                         for update skip locked
                        """)
                .param("now", ts(now)).param("asap", ts(asapPlacedBefore)).param("limit", limit)
                .query((rs, i) -> map(rs))
                .list();
    }

    private static ServiceOrder map(ResultSet rs) throws SQLException {
        ServiceOrder o = new ServiceOrder(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("region_code").trim(),
                new ServiceOrder.Item(rs.getLong("service_item_id"), rs.getString("service_code"), rs.getString("service_name"),
                        rs.getLong("price_fen"), rs.getInt("standard_minutes"), rs.getString("required_skill")),
                OrderChannel.valueOf(rs.getString("channel")), rs.getLong("placed_by"), rs.getString("placed_by_name"),
                instant(rs, "placed_at"),
                new ServiceOrder.Address(rs.getString("address_text"), rs.getString("address_community").trim(),
                        point(rs, "address_lat", "address_lng")),
                instant(rs, "window_from"), instant(rs, "window_to"), rs.getString("notes"),
                OrderState.valueOf(rs.getString("state")));
        o.stateReason = rs.getString("state_reason");
        o.caregiverId = (Long) rs.getObject("caregiver_id");
        o.providerId = (Long) rs.getObject("provider_id");
        Array past = rs.getArray("past_caregiver_ids");
        if (past != null) {
            o.pastCaregivers.addAll(new ArrayList<>(Arrays.asList((Long[]) past.getArray())));
        }
        o.offerExpiresAt = instant(rs, "offer_expires_at");
        o.acceptedAt = instant(rs, "accepted_at");
        o.confirmationCode = rs.getString("confirmation_code");
        o.checkInAt = instant(rs, "check_in_at");
        o.checkInLocation = point(rs, "check_in_lat", "check_in_lng");
        o.checkInDistance = (Integer) rs.getObject("check_in_distance_m");
        o.checkInReason = rs.getString("check_in_reason");
        o.checkOutAt = instant(rs, "check_out_at");
        o.checkOutLocation = point(rs, "check_out_lat", "check_out_lng");
        o.checkOutDistance = (Integer) rs.getObject("check_out_distance_m");
        o.confirmedAt = instant(rs, "confirmed_at");
        o.confirmedBy = rs.getString("confirmed_by");
        o.rating = rs.getObject("rating") == null ? null : rs.getInt("rating");
        o.ratingComment = rs.getString("rating_comment");
        o.ratedAt = instant(rs, "rated_at");
        o.unassignableZh = rs.getString("unassignable_reason_zh");
        o.unassignableEn = rs.getString("unassignable_reason_en");
        o.unassignableAt = instant(rs, "unassignable_at");
        o.dispatchDueAt = instant(rs, "dispatch_due_at");
        o.version = rs.getInt("version");
        o.elderName = rs.getString("elder_name");
        o.caregiverNotes = rs.getString("caregiver_notes");
        o.confirmFailures = rs.getInt("confirm_failures");
        o.confirmLockedUntil = instant(rs, "confirm_locked_until");
        return o;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static GeoPoint point(ResultSet rs, String lat, String lng) throws SQLException {
        Object a = rs.getObject(lat);
        Object b = rs.getObject(lng);
        return a == null || b == null ? null : new GeoPoint(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    static LocalDate day(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toLocalDate();
    }
}
