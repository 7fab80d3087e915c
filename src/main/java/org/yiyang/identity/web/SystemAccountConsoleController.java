package org.yiyang.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.identity.SystemAccounts;
import org.yiyang.shared.InputRejectedException;

/** Bureau administrators: system accounts and their API tokens. */
@Controller
class SystemAccountConsoleController {

    private final SystemAccounts accounts;

    SystemAccountConsoleController(SystemAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/system-accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list());
        return "identity/system-accounts";
    }

    @PostMapping("/admin/system-accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String regionPrefix, Model model, RedirectAttributes redirect) {
        try {
            accounts.create(username, displayName, regionPrefix);
        } catch (InputRejectedException e) {
            model.addAttribute("accounts", accounts.list());
            model.addAttribute("errors", e.violations());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("regionPrefix", regionPrefix);
            return "identity/system-accounts";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/system-accounts";
    }

    @PostMapping("/admin/system-accounts/{id}/tokens")
    String issue(@PathVariable long id, @RequestParam(defaultValue = "") String tokenName, RedirectAttributes redirect) {
        try {
            var token = accounts.issueToken(id, tokenName);
            redirect.addFlashAttribute("issuedToken", token.token());
            redirect.addFlashAttribute("issuedFor", id);
        } catch (InputRejectedException e) {
            redirect.addFlashAttribute("tokenNameMissing", id);
        }
        return "redirect:/admin/system-accounts";
    }

    @PostMapping("/admin/system-accounts/{id}/tokens/{tokenId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
        accounts.revokeToken(id, tokenId);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/system-accounts";
    }
}
