package org.yiyang.region.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiyang.region.Region;

/** Browse the division tree: the caller's root, then down level by level, with a map of the children. */
@Controller
class RegionConsoleController {

    private final RegionAccess access;

    RegionConsoleController(RegionAccess access) {
        this.access = access;
    }

    @GetMapping("/regions")
    String roots(Model model) {
        List<Region> roots = access.roots();
        if (roots.size() == 1) {
            return "redirect:/regions/" + roots.getFirst().code().value();
        }
        model.addAttribute("region", null);
        model.addAttribute("path", List.of());
        model.addAttribute("children", roots);
        return "region/browse";
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        Region region = access.get(code);
        model.addAttribute("region", region);
        model.addAttribute("path", access.visiblePath(region));
        model.addAttribute("children", access.children(region));
        return "region/browse";
    }
}
