package org.yiyang.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.identity.SystemAccount;
import org.yiyang.identity.SystemAccounts;

@RestController
@RequestMapping("/api/v1/system-accounts")
@Tag(name = "System accounts", description = "Accounts of other systems (12345 hotline, provider systems, devices) and their bearer tokens; bureau administrators only")
class SystemAccountApiController {

    private final SystemAccounts accounts;

    SystemAccountApiController(SystemAccounts accounts) {
        this.accounts = accounts;
    }

    record NewSystemAccount(String username, String displayName, String regionPrefix) {
    }

    record NewToken(String name) {
    }

    record TokenIssued(long id, String token, String note) {
    }

    @GetMapping
    @Operation(summary = "The system accounts within the caller's region, with their tokens (never the token values)")
    List<SystemAccount> list() {
        return accounts.list();
    }

    @PostMapping
    @Operation(summary = "Create a system account scoped to a region within the caller's")
    ResponseEntity<SystemAccount> create(@RequestBody NewSystemAccount body) {
        SystemAccount created = accounts.create(body.username(), body.displayName(), body.regionPrefix());
        return ResponseEntity.created(URI.create("/api/v1/system-accounts/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    SystemAccount get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping("/{id}/tokens")
    @Operation(summary = "Issue a bearer token; the value is in this answer only and is never shown again")
    ResponseEntity<TokenIssued> issue(@PathVariable long id, @RequestBody NewToken body) {
        var token = accounts.issueToken(id, body.name());
        return ResponseEntity.status(201).body(new TokenIssued(token.id(), token.token(),
                "Store this token now: only its hash is kept. Send it as 'Authorization: Bearer <token>'."));
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long tokenId) {
        accounts.revokeToken(id, tokenId);
        return ResponseEntity.noContent().build();
    }
}
