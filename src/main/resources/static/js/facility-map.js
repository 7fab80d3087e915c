// Facilities as coloured circles by type, with a legend and popups (name, type, standard status).
// Works with no tile server; a tile layer is added only when the page carries data-tile-url.
(function () {
  // Leaflet puts a string tooltip in as HTML: names are data, so they go in as text.
  function asText(s) { var span = document.createElement('span'); span.textContent = s; return span; }
  var el = document.getElementById('facility-map');
  var source = document.getElementById('facility-map-data');
  if (!el || !source || !window.L) return;
  var data;
  try { data = JSON.parse(source.textContent); } catch (e) { return; }
  var items = data.items || [];
  var colours = {};
  (data.legend || []).forEach(function (l) { colours[l.type] = l.colour; });

  var map = L.map(el, { zoomSnap: 0.25, tap: true });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '', maxZoom: 19 }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);

  function popup(item) {
    var box = document.createElement('div');
    var title = document.createElement('strong');
    title.textContent = item.name;
    box.appendChild(title);
    var type = document.createElement('div');
    type.textContent = item.typeLabel;
    box.appendChild(type);
    var status = document.createElement('div');
    status.textContent = item.status;
    if (item.below) status.style.color = '#a4161a';
    box.appendChild(status);
    if (items.length > 1) {
      var link = document.createElement('a');
      link.className = 'button';
      link.href = item.url;
      link.textContent = (data.labels && data.labels.open) || 'Open';
      box.appendChild(link);
    }
    return box;
  }

  var bounds = [];
  items.forEach(function (item) {
    var colour = colours[item.type] || '#0b5a8a';
    // below-standard facilities are drawn hollow with a thick ring; the popup says so in words
    L.circleMarker([item.lat, item.lng], {
      radius: item.below ? 9 : 8, color: item.below ? '#a4161a' : colour, weight: item.below ? 4 : 2,
      fillColor: item.below ? '#ffffff' : colour, fillOpacity: item.below ? 0.9 : 0.8,
      interactive: false, className: 'facility-marker'
    }).addTo(map);
    // an invisible 44 px target over each marker, so a finger can hit it on a phone
    var target = L.circleMarker([item.lat, item.lng], {
      radius: 22, stroke: false, fillColor: '#000000', fillOpacity: 0.001, className: 'facility-target'
    }).addTo(map);
    target.bindPopup(popup(item));
    target.bindTooltip(asText(item.name));
    bounds.push([item.lat, item.lng]);
  });
  if (bounds.length === 0) {
    map.setView([35.76, 115.03], 10);
  } else if (bounds.length === 1) {
    map.setView(bounds[0], 15);
  } else {
    map.fitBounds(bounds, { padding: [24, 24] });
  }

  var legend = document.getElementById('facility-map-legend');
  if (legend && data.legend) {
    data.legend.forEach(function (l) {
      var key = document.createElement('span');
      key.className = 'key';
      var dot = document.createElement('i');
      dot.style.borderColor = l.colour;
      dot.style.background = l.colour;
      key.appendChild(dot);
      key.appendChild(document.createTextNode(l.label + ' (' + l.count + ')'));
      legend.appendChild(key);
    });
    var below = document.createElement('span');
    below.className = 'key';
    var ring = document.createElement('i');
    ring.style.borderColor = '#a4161a';
    ring.style.background = '#ffffff';
    below.appendChild(ring);
    below.appendChild(document.createTextNode(data.labels.below));
    legend.appendChild(below);
  }
})();
