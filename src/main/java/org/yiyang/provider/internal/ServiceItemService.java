package org.yiyang.provider.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.provider.ServiceItemCategory;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;

/**
 * The service catalogue: everyone logged in reads it; only holders of {@code CATALOGUE_EDIT}
 * (the bureau) create and change items. Items are never deleted, only deactivated, because orders
 * refer to them.
 *
 * <p>{@link #findById} (every order placed reads its item) keeps items for
 * {@code yiyang.catalogue.cache-ttl}: a change made on this node is seen at once, one made on
 * another node within that time.
 */
@Service
@Transactional(readOnly = true)
public class ServiceItemService implements ServiceCatalogue {

    private final ServiceItemRepository items;
    private final java.time.Duration cacheTtl;
    private final java.util.Map<Long, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Optional<ServiceItem> item, long untilNanos) {
    }

    ServiceItemService(ServiceItemRepository items,
                       @org.springframework.beans.factory.annotation.Value("${yiyang.catalogue.cache-ttl:PT30S}") java.time.Duration cacheTtl) {
        this.items = items;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public Optional<ServiceItem> findById(long id) {
        long now = System.nanoTime();
        Cached hit = cache.get(id);
        if (hit != null && now - hit.untilNanos() < 0) {
            return hit.item();
        }
        Optional<ServiceItem> item = items.findById(id);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(id, new Cached(item, now + cacheTtl.toNanos()));
        return item;
    }

    @Override
    public Optional<ServiceItem> findByCode(String code) {
        return code == null ? Optional.empty() : items.findByCode(code.strip());
    }

    @Override
    public List<ServiceItem> listActive() {
        return items.listActive();
    }

    /** Throws {@code service-item.not-found} (404) when absent. */
    public ServiceItem get(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("service-item.not-found", id));
    }

    public PageResult<ServiceItem> search(ServiceItemCategory category, String q, Boolean active, PageQuery page) {
        return new PageResult<>(items.search(category, q, active, page.size(), page.offset()),
                page.page(), page.size(), items.count(category, q, active));
    }

    /** Creates an item; a code already in use is a 409 {@code service-item.code-taken}. */
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public long create(ServiceItemInput input) {
        ServiceItemDraft draft = ServiceItemDraft.from(input);
        ensureCodeFree(draft.code(), null);
        try {
            long id = items.insert(draft);
            cache.clear();
            return id;
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("service-item.code-taken", draft.code());
        }
    }

    /**
     * Replaces an item. With {@code expectedVersion} (the version the user started from), an item
     * changed by someone else meanwhile is a 409 {@code service-item.changed}.
     */
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public void update(long id, ServiceItemInput input, Integer expectedVersion) {
        get(id);
        ServiceItemDraft draft = ServiceItemDraft.from(input);
        ensureCodeFree(draft.code(), id);
        boolean updated;
        try {
            updated = items.update(id, draft, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("service-item.code-taken", draft.code());
        }
        if (!updated) {
            throw RuleViolationException.conflict("service-item.changed");
        }
        cache.remove(id);
    }

    private void ensureCodeFree(String code, Long exceptId) {
        if (items.codeTakenByAnother(code, exceptId)) {
            throw RuleViolationException.conflict("service-item.code-taken", code);
        }
    }
}
