package org.yiyang.order.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.elder.CallerMatch;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;

/**
 * The hotline operator's first screen (来电下单): type the caller's number, see whose it is — the
 * elder's own or a family member's — with the family's numbers, and start an order in one click.
 * Phone number → elder → service → placed: three clicks.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class HotlineController {

    private final ElderRegistry elders;

    HotlineController(ElderRegistry elders) {
        this.elders = elders;
    }

    /** One elder the number belongs to, and as whom the caller is calling. */
    record Match(ElderRecord elder, CallerMatch how) {
    }

    @GetMapping("/hotline")
    String hotline(@RequestParam(required = false) String phone, Model model) {
        String number = phone == null ? "" : phone.strip();
        model.addAttribute("phone", number);
        if (!number.isEmpty()) {
            DataScope scope = CurrentUser.scope();
            boolean reveal = CurrentUser.hasAuthority(Authorities.PII_VIEW);
            List<Match> matches = new ArrayList<>();
            for (CallerMatch m : elders.findByCaller(scope, number, 10)) {
                // opening an elder's record to the operator is audited like any other
                matches.add(new Match(elders.open(scope, m.elderId(), reveal), m));
            }
            model.addAttribute("matches", matches);
            model.addAttribute("valid", number.replaceAll("[\\s\\-()+]", "").matches("\\d{7,13}"));
        }
        return "order/hotline";
    }
}
