/**
 * Service orders (服务工单): the loop 点单 → 派单 → 接单 → 签到/签退 → 确认 → 评单. The state machine
 * is enforced by the aggregate; every transition is kept in the order's history (who, when,
 * where, why) and published as a module event ({@code ServiceOrderPlaced}, …) through Spring
 * Modulith's persistent event publication. Reads are scoped in SQL: region prefix, provider,
 * caregiver (own offers and visits) or elder (family).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders", allowedDependencies = {"shared", "elder", "provider", "identity"})
package org.yiyang.order;
