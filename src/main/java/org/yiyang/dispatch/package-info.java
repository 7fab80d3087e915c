/**
 * Choosing the caregiver (派单): for a requested service at an elder's location and time, the
 * caregivers who are qualified (skill, certificate valid on the day), on duty for the whole window,
 * not overloaded and within the radius, ranked by travel time; near-ties go to the caregiver who
 * served the elder before, then to the better rated. When nobody qualifies the result says which
 * filter eliminated the last candidates.
 *
 * <p>The caregivers are held in an in-memory spatial index refreshed from
 * {@link org.yiyang.provider.CaregiverDirectory}; travel times come from a {@link org.yiyang.dispatch.TravelTimeModel}
 * (straight line × detour factor by default; a road network can replace it). The load, the service
 * history and the ratings are interfaces the order module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch", allowedDependencies = {"shared", "region", "provider"})
package org.yiyang.dispatch;
