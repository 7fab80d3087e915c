// The coverage heat map: H3 hexagons shaded by the number of uncovered elders, the facilities of
// the chosen type as dots, a legend in words. Works with no tile server.
(function () {
  // Leaflet puts a string tooltip in as HTML: names are data, so they go in as text.
  function asText(s) { var span = document.createElement('span'); span.textContent = s; return span; }
  var el = document.getElementById('coverage-map');
  var source = document.getElementById('coverage-map-data');
  if (!el || !source || !window.L) return;
  var data;
  try { data = JSON.parse(source.textContent); } catch (e) { return; }
  var shades = ['#f2f2f2', '#fdd49e', '#f4874b', '#a4161a'];
  var breaks = data.breaks || [1, 2];
  function shade(u) {
    if (u <= 0) return shades[0];
    if (u <= breaks[0]) return shades[1];
    if (u <= breaks[1]) return shades[2];
    return shades[3];
  }
  var map = L.map(el, { zoomSnap: 0.25 });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '', maxZoom: 19 }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);
  var bounds = [];
  (data.cells || []).forEach(function (c) {
    var poly = L.polygon(c.b, {
      color: '#555555', weight: 1, fillColor: shade(c.u), fillOpacity: c.u > 0 ? 0.8 : 0.35,
      className: c.u > 0 ? 'hex uncovered' : 'hex'
    }).addTo(map);
    poly.bindPopup(asText(c.t));
    poly.bindTooltip(asText(c.t));
    c.b.forEach(function (p) { bounds.push(p); });
  });
  (data.facilities || []).forEach(function (f) {
    L.circleMarker([f.lat, f.lng], {
      radius: 6, color: '#ffffff', weight: 2, fillColor: f.colour, fillOpacity: 1, className: 'facility'
    }).addTo(map).bindTooltip(asText(f.name + ' · ' + f.type));
    bounds.push([f.lat, f.lng]);
  });
  if (bounds.length === 0) {
    map.setView([35.76, 115.03], 10);
  } else {
    map.fitBounds(bounds, { padding: [16, 16] });
  }
  var legend = document.getElementById('coverage-legend');
  if (legend && data.legend) {
    data.legend.forEach(function (text, i) {
      var key = document.createElement('span');
      key.className = 'key';
      var swatch = document.createElement('i');
      swatch.style.background = shades[i];
      key.appendChild(swatch);
      key.appendChild(document.createTextNode(text));
      legend.appendChild(key);
    });
  }
})();
