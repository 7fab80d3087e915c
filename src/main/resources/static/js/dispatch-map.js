// The elder and the caregivers around them for a manual dispatch; works with no tile server.
// Clicking a caregiver scrolls to their row in the table below.
(function () {
  var el = document.getElementById('dispatch-map');
  var dataEl = document.getElementById('dispatch-map-data');
  if (!el || !window.L || !dataEl) return;
  var d = JSON.parse(dataEl.textContent);
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
  if (!d) return;
  var map = L.map(el, { zoomSnap: 0.25 });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
  var colours = {
    qualified: { color: '#1b6e2d', fillColor: '#4caf50' },
    override: { color: '#8a5a00', fillColor: '#f2b33d' },
    blocked: { color: '#6b7580', fillColor: '#c3c9cf' }
  };
  var points = [[d.elder.lat, d.elder.lng]];
  d.caregivers.slice().reverse().forEach(function (c) {
    var style = colours[c.kind] || colours.blocked;
    var m = L.circleMarker([c.lat, c.lng], { radius: 9, weight: 3, color: style.color, fillColor: style.fillColor, fillOpacity: 0.9 })
      .addTo(map).bindTooltip(esc(c.label) + '<br>' + esc(c.detail), { direction: 'top', offset: [0, -6] });
    m.on('click', function () {
      var row = document.getElementById('cg-' + c.id);
      if (row) { row.scrollIntoView({ behavior: 'smooth', block: 'center' }); row.classList.add('focus'); setTimeout(function () { row.classList.remove('focus'); }, 2000); }
    });
    points.push([c.lat, c.lng]);
  });
  L.circleMarker(points[0], { radius: 13, color: '#0b3d91', weight: 4, fillColor: '#2f6fd6', fillOpacity: 0.95 })
    .addTo(map).bindTooltip(esc(d.elder.label), { permanent: true, direction: 'top', offset: [0, -10] });
  if (points.length === 1) map.setView(points[0], 15);
  else map.fitBounds(points, { padding: [40, 40], maxZoom: 16 });
})();
