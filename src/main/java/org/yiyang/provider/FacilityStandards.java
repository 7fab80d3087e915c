package org.yiyang.provider;

import java.util.List;

/**
 * The size standards per facility type and region prefix. Everybody may read them; changing them
 * needs {@code Authorities.CATALOGUE_EDIT} and a region scope that contains the rule's prefix
 * (the default rules, prefix "", come from the source documents and are changed by migration).
 */
public interface FacilityStandards {

    /** Every rule, ordered by prefix then type. */
    List<FacilityStandard> all();

    /** The rules that can apply to facilities of the caller's region (its prefixes, parents and the default). */
    List<FacilityStandard> visible();

    /** Adds a rule, or replaces the one for the same prefix and type; returns its id. */
    long save(StandardDraft draft);

    void delete(long id);

    /** Whether the current user may add rules (bureau users with CATALOGUE_EDIT). */
    boolean mayEdit();

    /** Whether the current user may change or delete this rule (its prefix lies in the user's region). */
    boolean mayEdit(FacilityStandard rule);

    /** A rule as typed into the form. */
    record StandardDraft(String regionPrefix, String type, String minAreaM2, String minBeds, String source) {
    }
}
