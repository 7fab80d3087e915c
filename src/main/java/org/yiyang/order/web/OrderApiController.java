package org.yiyang.order.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.order.NewOrder;
import org.yiyang.order.OrderAction;
import org.yiyang.order.OrderQuery;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderSummary;
import org.yiyang.order.OrderView;
import org.yiyang.order.ServiceOrders;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.Violations;

/**
 * Service orders over JSON. Reads are scoped (another area's order is 404); who may take which
 * action depends on the role (403 otherwise); an action the state does not allow is 409.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Service orders: place, dispatch, accept, check in/out, confirm, rate, cancel")
class OrderApiController {

    private final ServiceOrders orders;

    OrderApiController(ServiceOrders orders) {
        this.orders = orders;
    }

    @PostMapping
    @Operation(summary = "Place an order (operator, family, system account); 201 with Location. Accepts Idempotency-Key")
    ResponseEntity<OrderView> place(@RequestBody NewOrder order) {
        OrderView placed = orders.placeAndView(order);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.id())).body(placed);
    }

    @GetMapping
    @Operation(summary = "Search orders in the caller's scope, newest first")
    PageResult<OrderSummary> search(
            @Parameter(description = "CREATED, OFFERED, ACCEPTED, EN_ROUTE, IN_SERVICE, COMPLETED, CONFIRMED, RATED, CANCELLED, EXPIRED")
            @RequestParam(required = false) String state,
            @Parameter(description = "Region prefix (2–12 digits): the elder's community lies in it") @RequestParam(required = false) String region,
            @Parameter(description = "Placed on or after this day (yyyy-MM-dd)") @RequestParam(required = false) String from,
            @Parameter(description = "Placed on or before this day (yyyy-MM-dd)") @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        OrderState st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = OrderState.valueOf(state.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                v.add("state", "order.state.invalid", state);
            }
        }
        LocalDate f = day(v, "from", from);
        LocalDate t = day(v, "to", to);
        PageQuery pq = v.parse("page", () -> PageQuery.of(page, size));
        v.throwIfAny();
        return orders.search(new OrderQuery(st, region == null || region.isBlank() ? null : region.strip(), f, t), pq);
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "An order with its full history (who, when, where), visit record and photos")
    OrderView get(@PathVariable long id) {
        return orders.get(id);
    }

    @PostMapping("/{id:\\d{1,18}}/{action:dispatch|accept|refuse|en-route|check-in|check-out|confirm|rate|cancel}")
    @Operation(summary = "A workflow step: dispatch (operator), accept/refuse/en-route/check-in/check-out (caregiver), "
            + "confirm, rate (family), cancel. 409 with a code when the state does not allow it")
    OrderView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) OrderAction body) {
        return orders.act(id, action, body);
    }

    @PostMapping(path = "/{id:\\d{1,18}}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a visit photo (JPEG, PNG or WebP, ≤ 5 MB) as the assigned caregiver; stored with its SHA-256")
    ResponseEntity<Map<String, Object>> photo(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InputRejectedException.of("file", "order.photo.empty");
        }
        long photoId = orders.addPhoto(id, file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id)).body(Map.of("id", photoId, "orderId", id));
    }

    @GetMapping("/{id:\\d{1,18}}/photos/{photoId:\\d{1,18}}")
    @Operation(summary = "A visit photo's content")
    ResponseEntity<byte[]> photoContent(@PathVariable long id, @PathVariable long photoId) {
        ServiceOrders.PhotoFile f = orders.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Cache-Control", "private, max-age=86400").body(f.content());
    }

    private static LocalDate day(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            v.add(field, "order.date.invalid", text);
            return null;
        }
    }
}
