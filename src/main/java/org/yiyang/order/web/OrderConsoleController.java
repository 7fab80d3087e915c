package org.yiyang.order.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.identity.Role;
import org.yiyang.order.NewOrder;
import org.yiyang.order.OrderQuery;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderSummary;
import org.yiyang.order.OrderView;
import org.yiyang.order.ServiceOrders;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/** Orders in the console: the list, the order page with its timeline, and the operator's order form. */
@Controller
class OrderConsoleController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ServiceOrders orders;
    private final ElderRegistry elders;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;

    OrderConsoleController(ServiceOrders orders, ElderRegistry elders, ServiceCatalogue catalogue, MessageSource messages,
                           org.springframework.beans.factory.ObjectProvider<org.yiyang.order.ArrivalEstimates> estimates) {
        this.estimates = estimates;
        this.orders = orders;
        this.elders = elders;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    private final org.springframework.beans.factory.ObjectProvider<org.yiyang.order.ArrivalEstimates> estimates;

    /** The order form as typed: strings, so a wrong entry comes back to be fixed. */
    record OrderForm(String elderId, String serviceItemId, String address, String when, String day, String fromTime,
                     String toTime, String notes) {
        static OrderForm blank(long elderId) {
            return new OrderForm(String.valueOf(elderId), "", "", "asap", "", "09:00", "10:00", "");
        }
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page, Model model) {
        OrderState st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = OrderState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                st = null;
            }
        }
        PageResult<OrderSummary> result = orders.search(new OrderQuery(st, null, null, null,
                org.yiyang.shared.CurrentUser.hasAuthority(org.yiyang.identity.Role.OPERATOR.authority())), PageQuery.of(Math.max(page, 0), 50));
        model.addAttribute("result", result);
        model.addAttribute("state", st == null ? "" : st.name());
        model.addAttribute("states", OrderState.values());
        model.addAttribute("zone", ZONE);
        return "order/list";
    }

    @GetMapping("/orders/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model) {
        OrderView o = orders.get(id);
        model.addAttribute("o", o);
        model.addAttribute("zone", ZONE);
        // The order is in the caller's scope (checked by get); only this elder's name is read.
        try {
            model.addAttribute("elderName", elders.find(new org.yiyang.shared.DataScope.Elder(o.elderId()), o.elderId()).name());
        } catch (org.yiyang.shared.NotFoundException e) {
            model.addAttribute("elderName", null);
        }
        return "order/detail";
    }

    @GetMapping("/orders/{id:\\d{1,18}}/photos/{photoId:\\d{1,18}}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        ServiceOrders.PhotoFile f = orders.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Cache-Control", "private, max-age=86400").body(f.content());
    }

    @GetMapping("/orders/new")
    String form(@RequestParam("elder") long elderId, Model model) {
        requirePlacer();
        return form(OrderForm.blank(elderId), Map.of(), model);
    }

    @PostMapping("/orders")
    String place(@ModelAttribute OrderForm form, Model model) {
        requirePlacer();
        List<FieldViolation> problems = new ArrayList<>();
        Long elderId = number(form.elderId());
        Long itemId = number(form.serviceItemId());
        if (form.serviceItemId() != null && !form.serviceItemId().isBlank() && itemId == null) {
            problems.add(new FieldViolation("serviceItemId", "order.service-item.unknown"));
        }
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        if ("window".equals(form.when())) {
            try {
                LocalDate day = LocalDate.parse(form.day().strip());
                from = day.atTime(LocalTime.parse(form.fromTime().strip())).atZone(ZONE).toOffsetDateTime();
                to = day.atTime(LocalTime.parse(form.toTime().strip())).atZone(ZONE).toOffsetDateTime();
            } catch (DateTimeParseException | NullPointerException e) {
                problems.add(new FieldViolation("windowFrom", "order.date.invalid", String.valueOf(form.day())));
            }
        }
        if (elderId == null) {
            throw new org.yiyang.shared.NotFoundException("elder.not-found", form.elderId());
        }
        try {
            if (!problems.isEmpty()) {
                throw new InputRejectedException(problems);
            }
            long id = orders.place(new NewOrder(elderId, itemId, null, form.address(), from, to, form.notes()));
            return "redirect:/orders/" + id;
        } catch (InputRejectedException e) {
            Locale locale = LocaleContextHolder.getLocale();
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.computeIfAbsent(v.field(), k -> new ArrayList<>())
                        .add(messages.getMessage(v.code(), v.args(), v.code(), locale));
            }
            return form(form, errors, model);
        }
    }

    /**
     * The price and how soon someone could come, for the service, address and time chosen so far
     * (the form asks for it whenever one of them changes).
     */
    @GetMapping("/orders/estimate")
    String estimate(@ModelAttribute OrderForm form, Model model) {
        requirePlacer();
        Long elderId = number(form.elderId());
        Long itemId = number(form.serviceItemId());
        if (elderId == null || itemId == null) {
            return "order/form :: estimate";
        }
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        org.yiyang.provider.ServiceItem item = catalogue.findById(itemId).filter(org.yiyang.provider.ServiceItem::active).orElse(null);
        if (item == null) {
            return "order/form :: estimate";
        }
        ElderRecord.Address address = elder.addresses().stream()
                .filter(a -> form.address() != null && a.address().strip().equals(form.address().strip()))
                .findFirst().orElse(elder.primaryAddress());
        java.time.Instant from = null;
        java.time.Instant to = null;
        if ("window".equals(form.when())) {
            try {
                LocalDate day = LocalDate.parse(form.day().strip());
                from = day.atTime(LocalTime.parse(form.fromTime().strip())).atZone(ZONE).toInstant();
                to = day.atTime(LocalTime.parse(form.toTime().strip())).atZone(ZONE).toInstant();
            } catch (DateTimeParseException | NullPointerException e) {
                from = null;
            }
            if (from == null || !to.isAfter(from) || !to.isAfter(java.time.Instant.now())) {
                model.addAttribute("item", item);
                return "order/form :: estimate";
            }
        }
        model.addAttribute("item", item);
        model.addAttribute("asap", from == null);
        if (address != null && estimates.getIfAvailable() != null) {
            model.addAttribute("estimate", estimates.getObject().estimate(elder.id(),
                    item.requiredSkill() == null ? null : item.requiredSkill().name(), address.location(), from, to,
                    item.standardMinutes()));
        }
        return "order/form :: estimate";
    }

    private String form(OrderForm form, Map<String, List<String>> errors, Model model) {
        ElderRecord elder = elders.find(CurrentUser.scope(), Long.parseLong(form.elderId()));
        model.addAttribute("form", form);
        model.addAttribute("elder", elder);
        model.addAttribute("items", catalogue.listActive());
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        model.addAttribute("today", LocalDate.now(ZONE));
        return "order/form";
    }

    private static void requirePlacer() {
        if (!(CurrentUser.hasAuthority(Role.OPERATOR.authority()) || CurrentUser.hasAuthority(Role.FAMILY.authority()))) {
            throw new AccessDeniedException("only operators and family members place orders here");
        }
    }

    private static Long number(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }
}
