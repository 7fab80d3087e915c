package org.yiyang.provider.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiyang.provider.ServiceItemCategory;
import org.yiyang.provider.internal.ServiceItemService;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

@RestController
@RequestMapping("/api/v1/service-items")
@Tag(name = "Service items", description = "The service catalogue (服务项目): readable by everyone, edited by the bureau (CATALOGUE_EDIT)")
class ServiceItemApiController {

    private final ServiceItemService catalogue;

    ServiceItemApiController(ServiceItemService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Search the catalogue by category, text (code, name) and active flag")
    PageResult<ServiceItemJson> search(@RequestParam(required = false) String category,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Boolean active,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        ServiceItemCategory c = null;
        if (category != null && !category.isBlank()) {
            try {
                c = ServiceItemCategory.valueOf(category.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw InputRejectedException.of("category", "service-item.category-invalid", category);
            }
        }
        return catalogue.search(c, q, active, PageQuery.of(page, size)).map(ServiceItemJson::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item; 404 service-item.not-found when absent")
    ServiceItemJson get(@PathVariable long id) {
        return ServiceItemJson.of(catalogue.get(id));
    }

    @PostMapping
    @Operation(summary = "Add an item (CATALOGUE_EDIT); a code in use is 409 service-item.code-taken")
    ResponseEntity<ServiceItemJson> create(@RequestBody ServiceItemRequest body) {
        long id = catalogue.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an item (CATALOGUE_EDIT)")
    ServiceItemJson update(@PathVariable long id, @RequestBody ServiceItemRequest body) {
        catalogue.update(id, body.toInput(), body.version());
        return get(id);
    }
}
