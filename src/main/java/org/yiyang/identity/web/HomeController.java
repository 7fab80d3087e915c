package org.yiyang.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.RegionCode;

/** The workbench: who you are, what area you see, and the shortcuts. */
@Controller
class HomeController {

    private final RegionDirectory regions;
    private final MessageSource messages;

    HomeController(RegionDirectory regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Model model) {
        DataScope scope = CurrentUser.scope();
        String scopeName = switch (scope) {
            case DataScope.Region r -> regions.find(RegionCode.of(padded(r.prefix())))
                    .map(reg -> reg.name()).orElse(r.prefix());
            case DataScope.Provider p -> text("home.scope.provider");
            case DataScope.Caregiver c -> text("home.scope.caregiver");
            case DataScope.Elder e -> text("home.scope.elder");
            case DataScope.None n -> text("home.scope.none");
        };
        model.addAttribute("scopeName", scopeName);
        model.addAttribute("displayName", CurrentUser.principal().map(p -> p.username()).orElse(""));
        return "identity/home";
    }

    private static String padded(String prefix) {
        return (prefix + "000000000000").substring(0, 12);
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
