package org.yiyang.order;

import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * The order workflow for the current user (scope and role from {@link org.yiyang.shared.CurrentUser}).
 * An order outside the caller's scope is {@code order.not-found} (404); an action the role may
 * not take is 403; an action the order's state does not allow is a 409 with a code such as
 * {@code order.not-offered}; bad input is a 400 with field errors. Every successful action
 * appends to the history and publishes its module event in the same transaction.
 */
public interface ServiceOrders {

    /** Places an order; returns its id. */
    long place(NewOrder order);

    /** Places an order and returns it as the caller sees it (one transaction, as {@link #get} would show it). */
    OrderView placeAndView(NewOrder order);

    OrderView get(long id);

    PageResult<OrderSummary> search(OrderQuery query, PageQuery page);

    /**
     * The dispatcher's board over the caller's scope, narrowed to a region prefix (2–12 digits)
     * when given; at most {@code perColumn} orders per column.
     */
    OrderBoard board(String region, int perColumn);

    /** Performs one of dispatch, accept, refuse, en-route, check-in, check-out, confirm, rate, cancel. */
    OrderView act(long id, String action, OrderAction input);

    /** Stores a visit photo (JPEG, PNG or WebP, at most the configured size) and returns its id. */
    long addPhoto(long id, byte[] content);

    /** A photo of an order in the caller's scope ({@code order.photo.not-found} 404 otherwise). */
    PhotoFile photo(long orderId, long photoId);

    record PhotoFile(String contentType, byte[] content) {
    }

    /**
     * Turns offers past their expiry back to "awaiting dispatch" and expires orders nobody accepted before their
     * window closed (ASAP orders: within the configured deadline); returns how many changed.
     */
    int sweep();
}
