package org.yiyang.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every console page the map settings: a tile server URL (empty = draw points on a plain
 * background, which works on a network with no tile server) and its attribution.
 */
@ControllerAdvice(annotations = Controller.class)
class MapSettingsAdvice {

    private final MapSettings settings;

    MapSettingsAdvice(@Value("${yiyang.map.tile-url:}") String tileUrl,
                      @Value("${yiyang.map.tile-attribution:}") String attribution) {
        this.settings = new MapSettings(tileUrl, attribution);
    }

    @ModelAttribute("mapSettings")
    MapSettings mapSettings() {
        return settings;
    }

    record MapSettings(String tileUrl, String attribution) {
    }
}
