/* World map of activities: Leaflet over a shipped world basemap, fed by the server-clustered
   GeoJSON endpoint. Clusters zoom to what they cover; a cluster whose activities share one place
   lists them. Everything works with the keyboard: Tab reaches clusters and pins, Enter or Space
   opens them, and focus follows to what opened. */
(function () {
  "use strict";
  var element = document.getElementById("activity-map");
  if (!element || !window.L) { return; }
  var config = JSON.parse(element.dataset.config || "{}");
  var status = document.getElementById("map-status");
  var lang = document.documentElement.lang || "en";
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var ONE_PLACE_ZOOM = 16;

  var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  map.createPane("basemap").style.zIndex = 150;  // beneath the tiles (200) and the clusters
  if (config.tiles) {
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
  }
  if (config.basemap) {
    fetch(config.basemap)
      .then(function (r) { return r.json(); })
      .then(function (world) {
        L.geoJSON(world, {
          pane: "basemap", interactive: false, renderer: L.canvas({ pane: "basemap" }),
          style: { color: "#8a9aa6", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }
        }).addTo(map);
      })
      .catch(function () {});
  }
  var layer = L.layerGroup().addTo(map);
  var pending = null;
  var focusNear = null;  // after a keyboard zoom: focus the marker nearest this point

  function plural(count, one, other) {
    var form = plurals ? plurals.select(count) : (count === 1 ? "one" : "other");
    return (form === "one" ? one : other).replace("{n}", count.toLocaleString(lang));
  }
  function countLabel(count) {
    return plural(count, element.dataset.labelOne, element.dataset.labelOther);
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

  function byKeyboard(marker, action) {
    // Leaflet makes markers focusable; Enter and Space must do what a click does.
    marker.on("add", function () {
      var icon = marker.getElement();
      if (!icon) { return; }
      icon.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation();
          action(true);
        }
      });
    });
    marker.on("click", function () { action(false); });
  }

  function focusPopup(popup) {
    var target = popup.getElement() && popup.getElement().querySelector("a");
    if (target) { target.focus(); }
  }

  function activityList(data) {
    var box = document.createElement("div");
    box.className = "map-place";
    var title = box.appendChild(document.createElement("p"));
    title.className = "map-place-title";
    title.textContent = plural(data.total, element.dataset.hereOne, element.dataset.hereOther);
    var list = box.appendChild(document.createElement("ul"));
    data.activities.forEach(function (item) {
      var li = list.appendChild(document.createElement("li"));
      var link = li.appendChild(document.createElement("a"));
      link.href = item.url;
      link.lang = item.language;
      link.textContent = item.title;
      var meta = li.appendChild(document.createElement("span"));
      meta.className = "map-place-meta";
      meta.textContent = item.when + " · " + item.museum;
    });
    if (data.total > data.activities.length) {
      var more = box.appendChild(document.createElement("a"));
      var near = new URLSearchParams(config.query || "");
      near.set("lat", ((+data.bbox[1] + +data.bbox[3]) / 2).toFixed(5));
      near.set("lng", ((+data.bbox[0] + +data.bbox[2]) / 2).toFixed(5));
      near.set("radius", "0.1");
      more.href = element.dataset.list + "?" + near.toString();
      more.textContent = element.dataset.more;
    }
    return box;
  }

  function placeQuery(bbox) {
    var params = new URLSearchParams(config.query || "");
    params.set("bbox", bbox.join(","));
    return params;
  }

  function openPlace(marker, bounds, viaKeyboard) {
    var pad = 0.0005;
    var bbox = [bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad]
      .map(function (n) { return n.toFixed(5); });
    fetch(config.place + "?" + placeQuery(bbox).toString())
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.activities) { return; }
        data.bbox = bbox;
        marker.bindPopup(activityList(data), { maxWidth: 320, maxHeight: 320 }).openPopup();
        if (viaKeyboard) { focusPopup(marker.getPopup()); }
      })
      .catch(function () {});
  }

  function addCluster(c, p) {
    var at = L.latLng(c[1], c[0]);
    var marker = L.marker(at, { icon: clusterIcon(p.count), keyboard: true,
                                title: countLabel(p.count) });
    byKeyboard(marker, function (viaKeyboard) {
      var b = p.bounds;
      if (b && (p.one_place || map.getZoom() >= ONE_PLACE_ZOOM)) {
        openPlace(marker, b, viaKeyboard);
        return;
      }
      focusNear = viaKeyboard ? at : null;
      if (b && (b[2] - b[0] > 1e-6 || b[3] - b[1] > 1e-6)) {
        map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [48, 48], maxZoom: 18 });
      } else {
        map.setView(at, Math.min(map.getZoom() + 3, 18));
      }
    });
    layer.addLayer(marker);
    return marker;
  }

  function addSingle(c, p) {
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.title;
    var marker = L.marker([c[1], c[0]], { title: p.title, alt: p.title, keyboard: true })
      .bindPopup(link);
    byKeyboard(marker, function (viaKeyboard) {
      marker.openPopup();
      if (viaKeyboard) { focusPopup(marker.getPopup()); }
    });
    layer.addLayer(marker);
    return marker;
  }

  function render(data) {
    layer.clearLayers();
    var total = 0, markers = [];
    data.features.forEach(function (feature) {
      var c = feature.geometry.coordinates;
      var p = feature.properties;
      if (p.cluster) {
        total += p.count;
        markers.push(addCluster(c, p));
      } else {
        total += 1;
        markers.push(addSingle(c, p));
      }
    });
    if (status) {
      status.textContent = plural(total, element.dataset.viewOne, element.dataset.viewOther);
    }
    if (focusNear && markers.length) {
      var target = focusNear;
      markers.sort(function (a, b) {
        return a.getLatLng().distanceTo(target) - b.getLatLng().distanceTo(target);
      });
      var icon = markers[0].getElement();
      if (icon) { icon.focus(); }
    }
    focusNear = null;
  }

  function load() {
    var b = map.getBounds();
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    var params = new URLSearchParams(config.query || "");
    element.dataset.zoom = map.getZoom();
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
  var r = config.bounds;  // where the results of the filters are: the map opens on them
  if (r && r[2] - r[0] < 300) {
    map.fitBounds([[r[1], r[0]], [r[3], r[2]]], { padding: [40, 40], maxZoom: 12 });
  } else {
    map.setView([20, 0], 2);
  }
  load();
}());
