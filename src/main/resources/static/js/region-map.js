// Draws the children of a division as labelled points; works with no tile server.
(function () {
  // Leaflet puts a string tooltip in as HTML: names are data, so they go in as text.
  function asText(s) { var span = document.createElement('span'); span.textContent = s; return span; }
  var el = document.getElementById('region-map');
  if (!el || !window.L || !window.regionPoints || window.regionPoints.length === 0) return;
  var map = L.map(el, { zoomSnap: 0.25 });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
  var bounds = [];
  window.regionPoints.forEach(function (p) {
    var m = L.circleMarker([p.lat, p.lng], {
      radius: 9, color: p.village ? '#7a4a00' : '#0b5a8a', weight: 2,
      fillColor: p.village ? '#f2c46d' : '#5fa8d3', fillOpacity: 0.85
    }).addTo(map);
    m.bindTooltip(asText(p.name), { permanent: window.regionPoints.length <= 16, direction: 'right' });
    m.on('click', function () { window.location.href = (document.querySelector('base') ? '' : '') + '/regions/' + p.code; });
    bounds.push([p.lat, p.lng]);
  });
  if (bounds.length === 1) map.setView(bounds[0], 14); else map.fitBounds(bounds, { padding: [30, 30] });
})();
