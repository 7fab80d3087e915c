package org.yiyang.dispatch;

import java.time.Instant;

/**
 * The caregivers the chooser works from: an in-memory snapshot of {@link org.yiyang.provider.CaregiverDirectory},
 * refreshed on a schedule ({@code yiyang.dispatch.refresh-interval}) and on demand, e.g. after a
 * caregiver's shift or skills changed.
 */
public interface CandidatePool {

    /** Reloads the snapshot now (the chooser keeps using the previous one until the new one is complete). */
    void refresh();

    /** How many caregivers the current snapshot holds. */
    int size();

    /** When the current snapshot was loaded ({@link Instant#EPOCH} before the first load). */
    Instant loadedAt();
}
