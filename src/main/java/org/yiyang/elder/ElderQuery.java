package org.yiyang.elder;

/**
 * A search over the elders the caller may see. {@code q}: a name (or part of it), a phone number (or
 * its last 4+ digits), or an ID number (18 or 15 digits); {@code region}: a 12-digit region code
 * whose subtree is searched (intersected with the caller's scope); {@code category}: an
 * {@link ElderCategory} name or {@link ElderCategory#ADVANCED_AGE}; {@code status}: an
 * {@link ElderStatus} name. Blank means "any".
 */
public record ElderQuery(String q, String region, String category, String status) {

    public static ElderQuery all() {
        return new ElderQuery(null, null, null, null);
    }
}
