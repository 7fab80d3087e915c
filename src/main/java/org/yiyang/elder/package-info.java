/**
 * The elder registry (老年人信息库): who the elders are, where they live (one or more service
 * addresses, each in a community), their categories (独居, 空巢, …; 高龄 derived from age), emergency
 * contacts and status (active, moved out, deceased — never deleted). Every read and write is scoped
 * to the caller's {@link org.yiyang.shared.DataScope} in SQL. ID numbers are encrypted at rest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Elders", allowedDependencies = {"shared", "region", "identity"})
package org.yiyang.elder;
