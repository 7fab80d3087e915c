package org.yiyang.order.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.identity.Role;
import org.yiyang.order.NewOrder;
import org.yiyang.order.OrderAction;
import org.yiyang.order.OrderQuery;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderSummary;
import org.yiyang.order.OrderView;
import org.yiyang.order.ServiceOrders;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.provider.ServiceItemCategory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.RuleViolationException;

/**
 * The large-font page for an elder and their family under {@code /f/}: order a service in three
 * steps (service, time and address, review), follow the orders in plain words, rate a finished
 * one, cancel while allowed, and call the hotline. Everything goes through {@link ServiceOrders}
 * as the logged-in family user, so scope and state rules are the order module's.
 */
@Controller
@RequestMapping("/f")
class FamilyAppController {

    static final ZoneId ZONE = OrderConsoleController.ZONE;
    static final List<String> WHEN = List.of("asap", "today-am", "today-pm", "tomorrow-am", "tomorrow-pm");
    private static final Set<OrderState> CANCELLABLE = EnumSet.of(OrderState.CREATED, OrderState.OFFERED,
            OrderState.ACCEPTED, OrderState.EN_ROUTE);

    private final ServiceOrders orders;
    private final ElderRegistry elders;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;
    private final String hotline;

    FamilyAppController(ServiceOrders orders, ElderRegistry elders, ServiceCatalogue catalogue, MessageSource messages,
                        @Value("${yiyang.family.hotline:12345}") String hotline) {
        this.orders = orders;
        this.elders = elders;
        this.catalogue = catalogue;
        this.messages = messages;
        this.hotline = hotline;
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        ElderRecord elder = elder();
        List<OrderSummary> list = orders.search(new OrderQuery(null, null, null, null), PageQuery.of(0, 20)).items();
        model.addAttribute("elder", elder);
        model.addAttribute("orders", list);
        model.addAttribute("hotline", hotline);
        model.addAttribute("zone", ZONE);
        return "family/home";
    }

    @GetMapping("/order")
    String order(@RequestParam(required = false) Long item, @RequestParam(required = false) String when,
                 @RequestParam(required = false) String address, @RequestParam(defaultValue = "0") int step, Model model) {
        ElderRecord elder = elder();
        model.addAttribute("elder", elder);
        model.addAttribute("hotline", hotline);
        ServiceItem chosen = item == null ? null : catalogue.findById(item).filter(ServiceItem::active).orElse(null);
        if (chosen == null) {
            Map<ServiceItemCategory, List<ServiceItem>> byCategory = new LinkedHashMap<>();
            for (ServiceItem i : catalogue.listActive()) {
                byCategory.computeIfAbsent(i.category(), k -> new ArrayList<>()).add(i);
            }
            model.addAttribute("categories", byCategory);
            return "family/step1";
        }
        model.addAttribute("item", chosen);
        List<String> addresses = elder.addresses().stream().map(ElderRecord.Address::address).toList();
        model.addAttribute("addresses", addresses);
        String addr = address != null && addresses.contains(address) ? address
                : elder.primaryAddress() == null ? "" : elder.primaryAddress().address();
        model.addAttribute("address", addr);
        List<String> options = WHEN.stream().filter(w -> window(w) == null || window(w)[0].isAfter(OffsetDateTime.now(ZONE))).toList();
        model.addAttribute("options", options);
        if (step < 3 || when == null || !options.contains(when)) {
            model.addAttribute("when", when != null && options.contains(when) ? when : "asap");
            return "family/step2";
        }
        model.addAttribute("when", when);
        return "family/step3";
    }

    @PostMapping("/order")
    String place(@RequestParam long item, @RequestParam String when, @RequestParam(required = false) String address,
                 Model model, RedirectAttributes flash) {
        ElderRecord elder = elder();
        OffsetDateTime[] w = WHEN.contains(when) ? window(when) : null;
        try {
            long id = orders.place(new NewOrder(elder.id(), item, null, address == null ? "" : address,
                    w == null ? null : w[0], w == null ? null : w[1], null));
            flash.addFlashAttribute("done", text("family.done.placed"));
            return "redirect:/f/orders/" + id;
        } catch (InputRejectedException e) {
            List<String> texts = new ArrayList<>();
            for (FieldViolation v : e.violations()) {
                texts.add(messages.getMessage(v.code(), v.args(), v.code(), LocaleContextHolder.getLocale()));
            }
            model.addAttribute("error", String.join(" ", texts));
            return order(item, when, address, 2, model);
        }
    }

    @GetMapping("/orders/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model) {
        ElderRecord elder = elder();
        OrderView o = orders.get(id);
        model.addAttribute("elder", elder);
        model.addAttribute("o", o);
        model.addAttribute("zone", ZONE);
        model.addAttribute("hotline", hotline);
        model.addAttribute("cancellable", CANCELLABLE.contains(o.state()));
        model.addAttribute("rateable", (o.state() == OrderState.COMPLETED || o.state() == OrderState.CONFIRMED)
                && o.rating() == null);
        return "family/order";
    }

    @PostMapping("/orders/{id:\\d{1,18}}/rate")
    String rate(@PathVariable long id, @RequestParam(required = false) Integer stars,
                @RequestParam(required = false) String comment, RedirectAttributes flash) {
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        return act(id, "rate", new OrderAction(null, null, null, null, stars, c), flash, "family.done.rated");
    }

    @PostMapping("/orders/{id:\\d{1,18}}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes flash) {
        return act(id, "cancel", new OrderAction(null, null, text("family.cancel.reason"), null, null, null), flash,
                "family.done.cancelled");
    }

    private String act(long id, String action, OrderAction input, RedirectAttributes flash, String doneKey) {
        elder();
        Locale locale = LocaleContextHolder.getLocale();
        try {
            orders.act(id, action, input);
            flash.addFlashAttribute("done", text(doneKey));
        } catch (InputRejectedException e) {
            List<String> texts = new ArrayList<>();
            for (FieldViolation v : e.violations()) {
                texts.add(messages.getMessage(v.code(), v.args(), v.code(), locale));
            }
            flash.addFlashAttribute("error", String.join(" ", texts));
        } catch (RuleViolationException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/f/orders/" + id;
    }

    /** The window of a choice such as {@code today-am}; null for "as soon as possible". */
    static OffsetDateTime[] window(String when) {
        if (when == null || "asap".equals(when)) {
            return null;
        }
        LocalDate day = LocalDate.now(ZONE).plusDays(when.startsWith("tomorrow") ? 1 : 0);
        LocalTime from = when.endsWith("am") ? LocalTime.of(9, 0) : LocalTime.of(14, 0);
        LocalTime to = when.endsWith("am") ? LocalTime.of(12, 0) : LocalTime.of(17, 0);
        return new OffsetDateTime[] {day.atTime(from).atZone(ZONE).toOffsetDateTime(), day.atTime(to).atZone(ZONE).toOffsetDateTime()};
    }

    /** The family user's elder (their scope is that one elder); 403 for everyone else. */
    private ElderRecord elder() {
        if (!CurrentUser.hasAuthority(Role.FAMILY.authority()) || !(CurrentUser.scope() instanceof DataScope.Elder e)) {
            throw new AccessDeniedException("the family page is for family members");
        }
        try {
            return elders.find(e, e.elderId());
        } catch (NotFoundException ex) {
            throw new AccessDeniedException("the family member's elder is not available");
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

}
