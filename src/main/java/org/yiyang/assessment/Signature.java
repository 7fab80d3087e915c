package org.yiyang.assessment;

import java.time.Instant;

/**
 * An assessor's signature. {@code SESSION}: signed while logged in; {@code CO_SIGN}: confirmed with
 * their password on the other assessor's tablet; {@code RECORDED}: taken over from a paper record.
 */
public record Signature(long userId, String username, String displayName, Instant signedAt, String method) {
}
