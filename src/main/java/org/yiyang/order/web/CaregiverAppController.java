package org.yiyang.order.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.identity.Role;
import org.yiyang.order.OrderAction;
import org.yiyang.order.OrderQuery;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderSummary;
import org.yiyang.order.OrderView;
import org.yiyang.order.ServiceOrders;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.InvalidValueException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.RuleViolationException;

/**
 * The caregiver's phone page under {@code /m/}: offers to accept or refuse, the visits in order
 * with a way to navigate, and one visit at a time with a big button for the next step only.
 * Everything goes through {@link ServiceOrders} as the logged-in caregiver, so scope and state
 * rules are the order module's; a refused action comes back to the page as the server's text.
 */
@Controller
@RequestMapping("/m")
class CaregiverAppController {

    static final ZoneId ZONE = OrderConsoleController.ZONE;
    private static final Set<OrderState> VISIT_STATES = EnumSet.of(OrderState.ACCEPTED, OrderState.EN_ROUTE,
            OrderState.IN_SERVICE, OrderState.COMPLETED);
    private static final List<String> REFUSE_REASONS = List.of("mobile.refuse.reason.busy", "mobile.refuse.reason.far",
            "mobile.refuse.reason.skill", "mobile.refuse.reason.sick");

    private final ServiceOrders orders;
    private final ElderRegistry elders;
    private final MessageSource messages;

    CaregiverAppController(ServiceOrders orders, ElderRegistry elders, MessageSource messages) {
        this.orders = orders;
        this.elders = elders;
        this.messages = messages;
    }

    /** One order as the phone page shows it: the order and the elder's name and navigation target. */
    record Card(OrderView order, String elderName, String geoUri, String amapUrl, String baiduUrl) {
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        requireCaregiver();
        List<Card> offers = cards(EnumSet.of(OrderState.OFFERED));
        List<Card> visits = cards(VISIT_STATES);
        LocalDate today = LocalDate.now(ZONE);
        model.addAttribute("offers", offers);
        model.addAttribute("today", visits.stream().filter(c -> !isLater(c.order(), today)).toList());
        model.addAttribute("later", visits.stream().filter(c -> isLater(c.order(), today)).toList());
        model.addAttribute("reasons", REFUSE_REASONS);
        model.addAttribute("zone", ZONE);
        return "mobile/home";
    }

    @GetMapping("/orders/{id:\\d{1,18}}")
    String visit(@PathVariable long id, Model model) {
        requireCaregiver();
        OrderView o = orders.get(id);
        model.addAttribute("c", card(o));
        model.addAttribute("o", o);
        model.addAttribute("reasons", REFUSE_REASONS);
        model.addAttribute("zone", ZONE);
        return "mobile/visit";
    }

    @PostMapping("/orders/{id:\\d{1,18}}/accept")
    String accept(@PathVariable long id, RedirectAttributes flash) {
        return act(id, "accept", OrderAction::empty, flash, "mobile.done.accept");
    }

    @PostMapping("/orders/{id:\\d{1,18}}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String otherReason, RedirectAttributes flash) {
        String text = reason == null || reason.isBlank() || "other".equals(reason)
                ? (otherReason == null ? "" : otherReason.strip())
                : REFUSE_REASONS.contains(reason) ? text(reason) : "";
        String target = act(id, "refuse", () -> new OrderAction(null, null, text.isEmpty() ? null : text, null, null, null),
                flash, "mobile.done.refuse");
        return flash.getFlashAttributes().containsKey("error") ? target : "redirect:/m/";
    }

    @PostMapping("/orders/{id:\\d{1,18}}/en-route")
    String enRoute(@PathVariable long id, @RequestParam(required = false) String lat,
                   @RequestParam(required = false) String lng, RedirectAttributes flash) {
        return act(id, "en-route", () -> new OrderAction(null, point(lat, lng), null, null, null, null), flash,
                "mobile.done.en-route");
    }

    @PostMapping("/orders/{id:\\d{1,18}}/check-in")
    String checkIn(@PathVariable long id, @RequestParam(required = false) String lat,
                   @RequestParam(required = false) String lng, @RequestParam(required = false) String reason,
                   RedirectAttributes flash) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        String target = act(id, "check-in", () -> new OrderAction(null, point(lat, lng), why, null, null, null), flash,
                "mobile.done.check-in");
        if (flash.getFlashAttributes().containsKey("error") && "reason".equals(flash.getFlashAttributes().get("errorField"))) {
            flash.addFlashAttribute("needReason", true);
        }
        return target;
    }

    @PostMapping("/orders/{id:\\d{1,18}}/check-out")
    String checkOut(@PathVariable long id, @RequestParam(required = false) String lat,
                    @RequestParam(required = false) String lng, @RequestParam(required = false) String notes,
                    RedirectAttributes flash) {
        return act(id, "check-out", () -> new OrderAction(null, point(lat, lng), null, null, null, notes), flash,
                "mobile.done.check-out");
    }

    @PostMapping("/orders/{id:\\d{1,18}}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String code, RedirectAttributes flash) {
        String digits = code == null ? "" : code.strip();
        if (!digits.matches("\\d{4}")) {
            requireCaregiver();
            orders.get(id);
            flash.addFlashAttribute("error", text("mobile.confirm.four-digits"));
            flash.addFlashAttribute("errorField", "code");
            return "redirect:/m/orders/" + id;
        }
        return act(id, "confirm", () -> new OrderAction(null, null, null, digits, null, null), flash, "mobile.done.confirm");
    }

    @PostMapping("/orders/{id:\\d{1,18}}/photos")
    String photo(@PathVariable long id, @RequestParam(name = "photo", required = false) MultipartFile photo,
                 RedirectAttributes flash) throws IOException {
        requireCaregiver();
        if (photo == null || photo.isEmpty()) {
            orders.get(id);
            flash.addFlashAttribute("error", text("mobile.photo.missing"));
            flash.addFlashAttribute("errorField", "photo");
            return "redirect:/m/orders/" + id;
        }
        try {
            orders.addPhoto(id, photo.getBytes());
            flash.addFlashAttribute("done", text("mobile.done.photo"));
        } catch (InputRejectedException e) {
            rejected(e, flash);
        } catch (RuleViolationException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/m/orders/" + id;
    }

    private String act(long id, String action, Supplier<OrderAction> input, RedirectAttributes flash, String doneKey) {
        requireCaregiver();
        try {
            orders.act(id, action, input.get());
            flash.addFlashAttribute("done", text(doneKey));
        } catch (InputRejectedException e) {
            rejected(e, flash);
        } catch (RuleViolationException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/m/orders/" + id;
    }

    private void rejected(InputRejectedException e, RedirectAttributes flash) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> texts = new ArrayList<>();
        for (FieldViolation v : e.violations()) {
            String code = "location".equals(v.field()) && "field.required".equals(v.code()) ? "mobile.location.missing" : v.code();
            texts.add(messages.getMessage(code, v.args(), code, locale));
        }
        flash.addFlashAttribute("error", String.join(" ", texts));
        flash.addFlashAttribute("errorField", e.violations().isEmpty() ? "" : e.violations().getFirst().field());
    }

    private List<Card> cards(Set<OrderState> states) {
        List<Card> result = new ArrayList<>();
        for (OrderState state : states) {
            for (OrderSummary s : orders.search(new OrderQuery(state, null, null, null), PageQuery.of(0, 50)).items()) {
                result.add(card(orders.get(s.id())));
            }
        }
        result.sort(Comparator.comparing((Card c) -> start(c.order())).thenComparing(c -> c.order().id()));
        return result;
    }

    /**
     * The elder's name for an order the caregiver may see: {@link ServiceOrders#get} has already
     * checked that, and only this one elder is read (scoped to that elder), so nothing else leaks.
     */
    private Card card(OrderView o) {
        String name;
        try {
            ElderRecord elder = elders.find(new DataScope.Elder(o.elderId()), o.elderId());
            name = elder.name();
        } catch (NotFoundException e) {
            name = text("mobile.elder.unknown");
        }
        GeoPoint p = o.address().location();
        String geo = null;
        String amap = null;
        String baidu = null;
        if (p != null) {
            String lat = String.format(Locale.ROOT, "%.6f", p.lat());
            String lng = String.format(Locale.ROOT, "%.6f", p.lng());
            String label = java.net.URLEncoder.encode(o.address().text(), java.nio.charset.StandardCharsets.UTF_8);
            geo = "geo:" + lat + "," + lng + "?q=" + lat + "," + lng;
            amap = "https://uri.amap.com/navigation?to=" + lng + "," + lat + "," + label + "&mode=walk&coordinate=wgs84&callnative=1";
            baidu = "https://api.map.baidu.com/direction?destination=latlng:" + lat + "," + lng + "|name:" + label
                    + "&mode=walking&coord_type=wgs84&output=html&src=yiyang";
        }
        return new Card(o, name, geo, amap, baidu);
    }

    private static Instant start(OrderView o) {
        return o.windowFrom() != null ? o.windowFrom() : o.placedAt();
    }

    private static boolean isLater(OrderView o, LocalDate today) {
        return o.windowFrom() != null && o.windowFrom().atZone(ZONE).toLocalDate().isAfter(today);
    }

    private static GeoPoint point(String lat, String lng) {
        if (lat == null || lng == null || lat.isBlank() || lng.isBlank()) {
            return null;
        }
        try {
            return new GeoPoint(Double.parseDouble(lat.strip()), Double.parseDouble(lng.strip()));
        } catch (NumberFormatException | InvalidValueException e) {
            throw InputRejectedException.of("location", "geo.invalid", lat + "," + lng);
        }
    }

    static void requireCaregiver() {
        if (!CurrentUser.hasAuthority(Role.CAREGIVER.authority())) {
            throw new AccessDeniedException("the phone page is for caregivers");
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
