/**
 * Who can serve the elders: provider organisations (unified social credit code), their facilities
 * (street centres, community stations, day-care centres, canteens, rural happiness homes,
 * institutions) with location, size and the size standard of their type; caregivers and the
 * service catalogue.
 *
 * <p>Other modules read organisations and facilities through {@link org.yiyang.provider.ProviderDirectory}
 * (always scoped to a {@link org.yiyang.shared.DataScope}); writes go through
 * {@link org.yiyang.provider.ProviderRegistration} and {@link org.yiyang.provider.FacilityStandards}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Providers")
package org.yiyang.provider;
