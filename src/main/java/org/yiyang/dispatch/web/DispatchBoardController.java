package org.yiyang.dispatch.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.dispatch.CandidateChooser;
import org.yiyang.dispatch.CandidateReason;
import org.yiyang.dispatch.DispatchCandidate;
import org.yiyang.dispatch.DispatchFilter;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.NearbyCaregiver;
import org.yiyang.dispatch.NoCandidate;
import org.yiyang.order.DispatchContext;
import org.yiyang.order.OrderAction;
import org.yiyang.order.OrderBoard;
import org.yiyang.order.OrderDispatching;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderView;
import org.yiyang.order.ServiceOrders;
import org.yiyang.provider.CaregiverCard;
import org.yiyang.provider.CaregiverDirectory;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher's live board (调度台, {@code /dispatch}): open orders by column with the at-risk
 * ones on top, refreshed every few seconds; and manual dispatch of one order
 * ({@code /dispatch/orders/{id}}) from a map and a list of the caregivers around the elder with
 * their distance, travel time, load and the rule each fails. Operators dispatch; bureau
 * supervisors watch.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'BUREAU_SUPERVISOR')")
class DispatchBoardController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PER_COLUMN = 40;
    /** How many caregivers the manual-dispatch list shows: the best qualified ones, then the nearest others. */
    private static final int SHOW_QUALIFIED = 10;
    private static final int SHOW_OTHERS = 8;
    private static final int NEARBY = 40;

    private final ServiceOrders orders;
    private final OrderDispatching dispatching;
    private final CandidateChooser chooser;
    private final CaregiverDirectory caregivers;
    private final RegionDirectory regions;
    private final MessageSource messages;
    private final JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;

    DispatchBoardController(ServiceOrders orders, OrderDispatching dispatching, CandidateChooser chooser,
                            CaregiverDirectory caregivers, RegionDirectory regions, MessageSource messages, JsonMapper json,
                            @Value("${yiyang.map.tile-url:}") String tileUrl,
                            @Value("${yiyang.map.tile-attribution:}") String tileAttribution) {
        this.orders = orders;
        this.dispatching = dispatching;
        this.chooser = chooser;
        this.caregivers = caregivers;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping("/dispatch")
    String board(@RequestParam(required = false) String region, Model model) {
        fillBoard(region, model);
        model.addAttribute("regions", regionChoices());
        return "dispatch/board";
    }

    /** The board's body alone, which the page reloads every few seconds (htmx). */
    @GetMapping("/dispatch/board")
    String boardFragment(@RequestParam(required = false) String region, Model model) {
        fillBoard(region, model);
        return "dispatch/board :: board";
    }

    private void fillBoard(String region, Model model) {
        String r = region == null || region.isBlank() ? null : region.strip();
        OrderBoard board = orders.board(r, PER_COLUMN);
        model.addAttribute("board", board);
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("columns", OrderBoard.Column.values());
        model.addAttribute("zone", ZONE);
        model.addAttribute("mayDispatch", mayDispatch());
    }

    /** The counties (or streets) of the user's region, to narrow the board. */
    private List<Region> regionChoices() {
        if (!(CurrentUser.scope() instanceof DataScope.Region scope)) {
            return List.of();
        }
        String prefix = scope.prefix();
        if (prefix.length() > 9) {
            return List.of();
        }
        try {
            return regions.children(new RegionCode(prefix + "0".repeat(12 - prefix.length())));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @GetMapping("/dispatch/orders/{id:\\d{1,18}}")
    String assign(@PathVariable long id, Model model, Locale locale) {
        OrderView order = orders.get(id);   // scoped: 404 outside the caller's region
        model.addAttribute("o", order);
        model.addAttribute("zone", ZONE);
        model.addAttribute("mayDispatch", mayDispatch());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        Optional<DispatchContext> context = order.state() == OrderState.CREATED ? dispatching.awaitingDispatch(id) : Optional.empty();
        if (context.isEmpty()) {
            model.addAttribute("rows", List.of());
            model.addAttribute("mapJson", "null");
            return "dispatch/assign";
        }
        DispatchRequest request = DispatchRequest.forOrder(context.get(), ZONE);
        DispatchResult result = chooser.choose(request);
        List<NearbyCaregiver> nearby = chooser.nearby(request, NEARBY);
        if (result instanceof NoCandidate none) {
            model.addAttribute("noCandidate", none.reason(messages, locale));
        }
        List<Row> rows = rows(result, nearby);
        model.addAttribute("rows", rows);
        model.addAttribute("mapJson", mapJson(order, rows, locale));
        return "dispatch/assign";
    }

    @PostMapping("/dispatch/orders/{id:\\d{1,18}}/assign")
    @PreAuthorize("hasRole('OPERATOR')")
    String doAssign(@PathVariable long id, @RequestParam long caregiverId, RedirectAttributes flash, Locale locale) {
        try {
            OrderView o = orders.act(id, "dispatch", new OrderAction(caregiverId, null, null, null, null, null));
            String name = o.caregiver() == null ? String.valueOf(caregiverId) : o.caregiver().name();
            flash.addFlashAttribute("ok", messages.getMessage("dispatch.board.assigned", new Object[] {id, name}, locale));
            return "redirect:/dispatch";
        } catch (InputRejectedException e) {
            FieldViolation v = e.violations().getFirst();
            flash.addFlashAttribute("error", messages.getMessage(v.code(), v.args(), locale));
        } catch (RuleViolationException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/dispatch/orders/" + id;
    }

    private static boolean mayDispatch() {
        return CurrentUser.hasAuthority("ROLE_OPERATOR");
    }

    /** One caregiver on the manual-dispatch list and map. */
    record Row(Integer rank, long caregiverId, String name, String phone, String providerName, GeoPoint home,
               long distanceMeters, long travelMinutes, int load, int maxDailyOrders, DispatchFilter failed,
               Set<CandidateReason> reasons, boolean dispatchable) {

        public String distanceKm() {
            return String.format(Locale.ROOT, "%.1f", distanceMeters / 1000.0);
        }

        public String failedKey() {
            return failed == null ? null : "dispatch.failed." + failed.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The chooser's ranking first (qualified, best first), then everyone else nearby, nearest first. */
    private List<Row> rows(DispatchResult result, List<NearbyCaregiver> nearby) {
        List<DispatchCandidate> ranked = result instanceof DispatchResult.Candidates c
                ? c.ranked().subList(0, Math.min(SHOW_QUALIFIED, c.ranked().size())) : List.of();
        Set<Long> ids = new HashSet<>();
        ranked.forEach(c -> ids.add(c.caregiverId()));
        nearby.forEach(n -> ids.add(n.caregiverId()));
        Map<Long, CaregiverCard> cards = caregivers.cards(ids);
        Map<Long, Row> rows = new LinkedHashMap<>();
        int rank = 1;
        for (DispatchCandidate c : ranked) {
            CaregiverCard card = cards.get(c.caregiverId());
            rows.put(c.caregiverId(), new Row(rank++, c.caregiverId(), card == null ? "#" + c.caregiverId() : card.name(),
                    card == null ? null : card.phone(), card == null ? null : card.providerName(), c.home(), c.distanceMeters(),
                    minutes(c.travelSeconds()), c.load(), c.maxDailyOrders(), null, c.reasons(), true));
        }
        int others = 0;
        for (NearbyCaregiver n : nearby) {
            // qualified ones beyond the ranking are left out: the ranking already names the best
            if (rows.containsKey(n.caregiverId()) || (n.qualifies() && !ranked.isEmpty())) {
                continue;
            }
            if (others++ == (ranked.isEmpty() ? SHOW_QUALIFIED + SHOW_OTHERS : SHOW_OTHERS)) {
                break;
            }
            CaregiverCard card = cards.get(n.caregiverId());
            rows.put(n.caregiverId(), new Row(null, n.caregiverId(), card == null ? "#" + n.caregiverId() : card.name(),
                    card == null ? null : card.phone(), card == null ? null : card.providerName(), n.home(),
                    n.distanceMeters(), minutes(n.travelSeconds()), n.load(), n.maxDailyOrders(), n.failed(), Set.of(),
                    n.dispatchableByHand()));
        }
        return new ArrayList<>(rows.values());
    }

    private static long minutes(long seconds) {
        return Math.max(1, Math.round(seconds / 60.0));
    }

    private String mapJson(OrderView o, List<Row> rows, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("elder", Map.of("lat", o.address().location().lat(), "lng", o.address().location().lng(),
                "label", (o.elderName() == null ? "" : o.elderName()) + " · " + o.service().name()));
        List<Map<String, Object>> points = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.caregiverId());
            p.put("lat", r.home().lat());
            p.put("lng", r.home().lng());
            p.put("label", (r.rank() == null ? "" : r.rank() + ". ") + r.name());
            p.put("detail", messages.getMessage("dispatch.board.map-detail",
                    new Object[] {r.distanceKm(), r.travelMinutes(), r.load(), r.maxDailyOrders()}, locale)
                    + (r.failed() == null ? "" : " · " + messages.getMessage(r.failedKey(), null, locale)));
            p.put("kind", r.failed() == null ? "qualified" : r.dispatchable() ? "override" : "blocked");
            points.add(p);
        }
        data.put("caregivers", points);
        String s = json.writeValueAsString(data);
        return org.yiyang.shared.ScriptJson.safe(s);
    }

    /** How long ago, in whole minutes (for "placed 12 min ago"). */
    static long minutesSince(Instant then, Instant now) {
        return Math.max(0, Duration.between(then, now).toMinutes());
    }
}
