// The caregiver's home base and the centre of its community, on a map that works with no tile server.
(function () {
  // Leaflet puts a string tooltip in as HTML: names are data, so they go in as text.
  function asText(s) { var span = document.createElement('span'); span.textContent = s; return span; }
  var el = document.getElementById('caregiver-map');
  var d = window.caregiverMap;
  if (!el || !window.L || !d) return;
  var map = L.map(el, { zoomSnap: 0.25 });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
  var points = [[d.home.lat, d.home.lng]];
  L.circleMarker(points[0], { radius: 11, color: '#0b5a8a', weight: 3, fillColor: '#5fa8d3', fillOpacity: 0.9 })
    .addTo(map).bindTooltip(asText(d.homeLabel), { permanent: true, direction: 'top', offset: [0, -8] });
  if (d.centre) {
    points.push([d.centre.lat, d.centre.lng]);
    L.circleMarker(points[1], { radius: 7, color: '#7a4a00', weight: 2, fillColor: '#f2c46d', fillOpacity: 0.9 })
      .addTo(map).bindTooltip(asText(d.centreLabel), { permanent: true, direction: 'bottom', offset: [0, 6] });
  }
  if (points.length === 1 || map.distance(points[0], points[1]) < 50) map.setView(points[0], 15);
  else map.fitBounds(points, { padding: [60, 60], maxZoom: 16 });
})();
