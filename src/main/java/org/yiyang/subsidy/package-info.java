/**
 * Benefits and eligibility (待遇资格): which elders qualify for the old-age allowance (高龄津贴), the
 * service subsidy (养老服务补贴), the care subsidy (护理补贴) and the national consumption voucher
 * (养老服务消费券). Rules are data, per region (the longest region-code prefix wins over the city
 * default), made of a few conditions (minimum age, any of some categories, a minimum ability
 * level). Every elder is evaluated and the result is kept per elder and benefit with its reasons;
 * it is recomputed when an assessment completes, when an elder's categories change, on birthdays
 * (a daily job) and when a rule changes. Each change publishes
 * {@link org.yiyang.subsidy.EligibilityChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subsidies and eligibility",
        allowedDependencies = {"shared", "region", "identity", "elder", "assessment"})
package org.yiyang.subsidy;
