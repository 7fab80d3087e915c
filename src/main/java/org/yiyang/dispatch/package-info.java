/**
 * Choosing the caregiver (派单): for a requested service at an elder's location and time, the
 * caregivers who are qualified (skill, certificate valid on the day), on duty for the whole window,
 * not overloaded and within the radius, ranked by travel time; near-ties go to the caregiver who
 * served the elder before, then to the better rated. When nobody qualifies the result says which
 * filter eliminated the last candidates.
 *
 * <table>
 * <caption>The rules (each a method of {@code internal.DispatchRules} / {@code internal.CandidateRanking}, each with its test in {@code CandidateChooserTests})</caption>
 * <tr><th>rule</th><th>kind</th><th>when nobody is left</th></tr>
 * <tr><td>hasSkill</td><td>filter</td><td>{@code SKILL}</td></tr>
 * <tr><td>certificateValidOn (the visit's day, expiry day included)</td><td>filter</td><td>{@code CERTIFICATE}</td></tr>
 * <tr><td>worksInWindow (work day; on duty for the whole window and service; ASAP: from now until travel + service)</td><td>filter</td><td>{@code OFF_DUTY}</td></tr>
 * <tr><td>withinRadius ({@code yiyang.dispatch.max-radius-m}, straight line)</td><td>filter</td><td>{@code TOO_FAR}</td></tr>
 * <tr><td>notOverloaded (orders that day &lt; max daily orders)</td><td>filter</td><td>{@code OVERLOADED}</td></tr>
 * <tr><td>not among the request's excluded (refused / expired offers)</td><td>filter</td><td>{@code DECLINED}</td></tr>
 * <tr><td>travel time</td><td>rank</td><td></td></tr>
 * <tr><td>continuity (within {@code yiyang.dispatch.tie-tolerance})</td><td>tie-break</td><td></td></tr>
 * <tr><td>betterRating</td><td>tie-break</td><td></td></tr>
 * </table>
 *
 * <p>The caregivers are held in an in-memory spatial index refreshed from
 * {@link org.yiyang.provider.CaregiverDirectory}; travel times come from a {@link org.yiyang.shared.TravelTimeModel}
 * (straight line × detour factor by default; a road network can replace it). The load, the service
 * history and the ratings are interfaces; load and history are read from the orders.
 *
 * <p>{@code internal.AutoDispatcher} dispatches automatically (ADR 0011): a few workers per node
 * take the orders due for dispatch from the orders table in batches through
 * {@link org.yiyang.order.OrderDispatching#dispatchDue} (rows locked, SKIP LOCKED: one worker per
 * order), offer each to the best candidate or put it in the dispatcher's queue with the reason
 * (tried again after the retry interval). Placing, a refusal or an expired offer wakes a worker.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch", allowedDependencies = {"shared", "region", "provider", "order"})
package org.yiyang.dispatch;
