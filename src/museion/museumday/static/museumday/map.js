/* World map of activities: Leaflet, fed by the server-clustered GeoJSON endpoint. */
(function () {
  "use strict";
  var element = document.getElementById("activity-map");
  if (!element || !window.L) { return; }
  var config = JSON.parse(element.dataset.config || "{}");
  var status = document.getElementById("map-status");
  var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([20, 0], 2);
  if (config.tiles) {
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
  }
  var layer = L.layerGroup().addTo(map);
  var pending = null;
  var lang = document.documentElement.lang || "en";
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function countLabel(count) {
    var form = plurals ? plurals.select(count) : (count === 1 ? "one" : "other");
    var noun = form === "one" ? element.dataset.labelOne : element.dataset.labelOther;
    return count.toLocaleString(lang) + " " + noun;
  }

  function clusterIcon(count) {
    var size = count < 10 ? "small" : count < 1000 ? "medium" : "large";
    // The bare number is for the eye; assistive technologies get "12 activities".
    var html = document.createElement("span");
    var shown = html.appendChild(document.createElement("span"));
    shown.setAttribute("aria-hidden", "true");
    shown.textContent = count.toLocaleString(lang);
    var spoken = html.appendChild(document.createElement("span"));
    spoken.className = "visually-hidden";
    spoken.textContent = countLabel(count);
    return L.divIcon({ html: html, className: "cluster cluster-" + size, iconSize: [40, 40] });
  }

  function render(data) {
    layer.clearLayers();
    var total = 0;
    data.features.forEach(function (feature) {
      var c = feature.geometry.coordinates;
      var p = feature.properties;
      if (p.cluster) {
        total += p.count;
        var marker = L.marker([c[1], c[0]], { icon: clusterIcon(p.count), keyboard: true,
                                              title: countLabel(p.count) });
        marker.on("click", function () { map.setView([c[1], c[0]], Math.min(map.getZoom() + 2, 18)); });
        layer.addLayer(marker);
      } else {
        total += 1;
        var link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.title;
        L.marker([c[1], c[0]], { title: p.title, alt: p.title }).bindPopup(link).addTo(layer);
      }
    });
    if (status) { status.textContent = countLabel(total); }
  }

  function load() {
    var b = map.getBounds();
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    var params = new URLSearchParams(config.query || "");
    params.set("zoom", map.getZoom());
    params.set("bbox", [west, Math.max(b.getSouth(), -90), east, Math.min(b.getNorth(), 90)]
      .map(function (n) { return n.toFixed(4); }).join(","));
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(element.dataset.geojson + "?" + params.toString(), { signal: pending.signal })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (data.features) { render(data); } })
      .catch(function () {});
  }
  map.on("moveend", load);
  load();
}());
