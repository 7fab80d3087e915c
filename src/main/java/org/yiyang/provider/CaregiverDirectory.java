package org.yiyang.provider;

import java.time.LocalDate;
import java.util.List;

/**
 * Who can serve: the read side of the caregiver registry used by dispatch. It is a platform
 * service, not a user's view, so it is not limited to the caller's data scope; the region variant
 * narrows the search to a region subtree (e.g. the elder's county).
 */
public interface CaregiverDirectory {

    /**
     * The caregivers qualified for a skill on a day, in one query: status ACTIVE, of an ACTIVE
     * provider, having the skill, working on that day of the week, and holding a certificate that
     * is still valid on that day. Ordered by id. An unknown skill name yields an empty list.
     */
    List<CaregiverCandidate> candidatesFor(String skill, LocalDate day);

    /** As {@link #candidatesFor(String, LocalDate)}, for caregivers whose home base lies within the region prefix (2–12 digits). */
    List<CaregiverCandidate> candidatesFor(String skill, LocalDate day, String regionPrefix);

    /** Names and phones of the caregivers with these ids (any status; unknown ids are left out), in one query. */
    java.util.Map<Long, CaregiverCard> cards(java.util.Collection<Long> ids);

    /**
     * One caregiver who could be offered visits at all (status ACTIVE, of an ACTIVE provider),
     * whatever their skills, days and certificate: for a dispatcher's manual choice, which the
     * caller checks against the visit.
     */
    java.util.Optional<CaregiverCandidate> activeCaregiver(long caregiverId);

    /**
     * Every caregiver who could be offered visits at all (ACTIVE, of an ACTIVE provider), with their
     * skills, certificate expiry (possibly past or missing), days and hours: what dispatch indexes.
     */
    List<CaregiverCandidate> activeCaregivers();
}
