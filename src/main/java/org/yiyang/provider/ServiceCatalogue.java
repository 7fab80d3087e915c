package org.yiyang.provider;

import java.util.List;
import java.util.Optional;

/** The service catalogue as other modules (orders, subsidies) read it. Not regional: everyone may read it. */
public interface ServiceCatalogue {

    Optional<ServiceItem> findById(long id);

    /** By code such as {@code ZC-001} (case-insensitive). */
    Optional<ServiceItem> findByCode(String code);

    /** The active items, ordered by category and code. */
    List<ServiceItem> listActive();
}
