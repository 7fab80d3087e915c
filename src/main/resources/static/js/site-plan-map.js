// Site planning maps: candidate sites, or a plan's chosen sites as numbered markers in the order
// chosen, over the region's uncovered elders (hexagons, darker = more) and its facilities of the
// type. Names are data: they go in as text, never as HTML. Works with no tile server.
(function () {
  function asText(s) { var span = document.createElement('span'); span.textContent = s; return span; }
  document.querySelectorAll('.site-plan-map').forEach(function (el) {
    var source = document.getElementById(el.getAttribute('data-source'));
    if (!source || !window.L) return;
    var data;
    try { data = JSON.parse(source.textContent); } catch (e) { return; }
    var map = L.map(el, { zoomSnap: 0.25 });
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '', maxZoom: 19 }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);
    var bounds = [];
    var max = data.max || 1;
    (data.cells || []).forEach(function (c) {
      var share = Math.min(1, c.u / max);
      var colour = share > 0.5 ? '#f4874b' : share > 0.25 ? '#fdb47e' : '#fdd49e';
      L.polygon(c.b, { color: '#8a8a8a', weight: 1, fillColor: colour, fillOpacity: 0.55, interactive: false, className: 'hex' }).addTo(map);
      c.b.forEach(function (p) { bounds.push(p); });
    });
    (data.facilities || []).forEach(function (f) {
      L.circleMarker([f.lat, f.lng], {
        radius: 5, color: '#ffffff', weight: 2, fillColor: '#2e7d32', fillOpacity: 1, className: 'facility'
      }).addTo(map).bindTooltip(asText(f.text));
    });
    (data.sites || []).forEach(function (s) {
      var marker;
      if (s.rank) {
        var badge = document.createElement('span');
        badge.className = 'rank-badge';
        badge.textContent = String(s.rank);
        marker = L.marker([s.lat, s.lng], {
          icon: L.divIcon({ html: badge, className: 'rank-icon', iconSize: [36, 36], iconAnchor: [18, 18] }),
          title: s.name, alt: s.name, keyboard: true
        });
      } else {
        marker = L.circleMarker([s.lat, s.lng], {
          radius: 8, color: '#ffffff', weight: 2, fillColor: '#0b5a8a', fillOpacity: 1, className: 'candidate'
        });
      }
      marker.addTo(map).bindTooltip(asText(s.text || s.name)).bindPopup(asText(s.text || s.name));
      bounds.push([s.lat, s.lng]);
    });
    if (bounds.length === 0) {
      map.setView([35.76, 115.03], 10);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  });
})();
