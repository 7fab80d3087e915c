package org.yiyang.provider;

import org.yiyang.shared.PageQuery;

/**
 * A search over organisations: {@code q} part of the name or the credit code, {@code region} a
 * region code or prefix (digits), optional kind and status; all nullable except the page.
 */
public record ProviderQuery(String q, String region, ProviderKind kind, ProviderStatus status, PageQuery page) {

    public static ProviderQuery all(PageQuery page) {
        return new ProviderQuery(null, null, null, null, page);
    }
}
