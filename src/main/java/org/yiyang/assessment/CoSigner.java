package org.yiyang.assessment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The second assessor's credentials, typed on the first assessor's tablet to sign with them (see
 * docs/adr/0006-assessment-signatures.md). Checked once and never stored.
 */
public record CoSigner(String username, @Schema(format = "password") String password) {

    public boolean isBlank() {
        return (username == null || username.isBlank()) && (password == null || password.isEmpty());
    }

    @Override
    public String toString() {
        return "CoSigner[" + username + "]";
    }
}
