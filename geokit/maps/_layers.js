// geokit map layers. Data arrive as JSON; every text is written with textContent (never HTML).
(function () {
  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (style) { e.style.cssText = style; }
    return e;
  }
  function popup(fields) {
    var box = el("div", null, "font: 12px sans-serif; max-width: 280px");
    fields.forEach(function (f) {
      if (f[1] === null || f[1] === undefined || f[1] === "") { return; }
      var row = el("div");
      row.appendChild(el("b", f[0] + ": "));
      row.appendChild(el("span", f[1]));
      box.appendChild(row);
    });
    return box;
  }
  window.geokitLegend = function (map, title, items, extra) {
    var ctl = L.control({position: "bottomright"});
    ctl.onAdd = function () {
      var div = el("div", null, "background: white; padding: 6px 8px; font: 12px sans-serif; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-height: 260px; overflow: auto");
      div.className = "geokit-legend";
      div.appendChild(el("div", title, "font-weight: 600; margin-bottom: 4px"));
      items.forEach(function (it) {
        var row = el("div");
        row.appendChild(el("span", "", "display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border-radius: 6px; background: " + it[1]));
        row.appendChild(el("span", it[0]));
        div.appendChild(row);
      });
      (extra || []).forEach(function (t) { div.appendChild(el("div", t, "margin-top: 4px")); });
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    ctl.addTo(map);
    return ctl;
  };
  // data: columnar arrays lat, lon, cat, day (-1 = undated) and popup columns
  // ({values: distinct strings, codes: one index per event}); data.mode is "markers" (canvas
  // circles), "cluster" (Leaflet.markercluster) or "heatmap" (Leaflet.heat).
  window.geokitEvents = function (map, data) {
    var n = data.lat.length, mode = data.mode || "markers";
    var catOn = data.categories.map(function () { return true; });
    var upTo = -1;  // time slider: last day shown, -1 = all
    function shown(i) {
      return catOn[data.cat[i]] && (upTo < 0 || (data.day[i] >= 0 && data.day[i] <= upTo));
    }
    function field(c, i) {
      var col = data.columns[c];
      if (!col.codes) { return null; }
      var k = col.codes[i];
      return k < 0 ? null : col.values[k];
    }
    function onClick(e) {
      var i = e.layer.geokitIndex;
      if (i === undefined) { return; }
      L.popup().setLatLng(e.layer.getLatLng())
        .setContent(popup(data.fields.map(function (f, c) { return [f, field(c, i)]; })))
        .openOn(map);
    }
    function onHover(e) {
      var i = e.layer.geokitIndex;
      if (i === undefined) { return; }
      e.layer.bindTooltip(el("span", (field(0, i) || "") + " · " + (field(1, i) || "")))
        .openTooltip();
    }
    var markers = [], latlngs = [];
    var renderer = L.canvas({padding: 0.3});
    for (var i = 0; i < n; i++) {
      if (mode === "heatmap") { latlngs.push([data.lat[i], data.lon[i]]); continue; }
      var m = L.circleMarker([data.lat[i], data.lon[i]], {renderer: renderer, radius: 5,
        weight: 1, color: "#333", fillColor: data.colours[data.cat[i]], fillOpacity: 0.85});
      m.geokitIndex = i;
      markers.push(m);
    }
    var overlays = {}, refresh;
    if (mode === "markers") {
      // one layer per category (toggled by the layer control), one handler per layer
      var groups = data.categories.map(function () {
        return L.featureGroup().on("click", onClick).on("mouseover", onHover);
      });
      markers.forEach(function (m, i) { groups[data.cat[i]].addLayer(m); });
      groups.forEach(function (g, c) { g.addTo(map); overlays[data.categories[c]] = g; });
      refresh = function () {
        markers.forEach(function (m, i) {
          var g = groups[data.cat[i]], show = upTo < 0 || (data.day[i] >= 0 && data.day[i] <= upTo);
          if (show && !g.hasLayer(m)) { g.addLayer(m); }
          if (!show && g.hasLayer(m)) { g.removeLayer(m); }
        });
      };
    } else {
      // one cluster or heat layer for all events; the category entries of the layer control
      // are empty switches that filter it
      var layer = mode === "cluster"
        ? L.markerClusterGroup({chunkedLoading: true, chunkInterval: 100, showCoverageOnHover: false,
            chunkProgress: function (done, total) { window.geokitReady = done >= total; }})
            .on("click", onClick).on("mouseover", onHover)
        : L.heatLayer([], {radius: 14, blur: 16, minOpacity: 0.35, maxZoom: 11});
      layer.addTo(map);
      window.geokitEventLayer = layer;
      var switches = data.categories.map(function (c) { return L.layerGroup().addTo(map); });
      switches.forEach(function (s, c) { overlays[data.categories[c]] = s; });
      map.on("overlayadd overlayremove", function (e) {
        var c = switches.indexOf(e.layer);
        if (c >= 0) { catOn[c] = e.type === "overlayadd"; refresh(); }
      });
      refresh = function () {
        if (mode === "cluster") {
          window.geokitReady = false;
          layer.clearLayers();
          layer.addLayers(markers.filter(function (m, i) { return shown(i); }));
        } else {
          layer.setLatLngs(latlngs.filter(function (p, i) { return shown(i); }));
        }
      };
      refresh();
    }
    L.control.layers(null, overlays, {collapsed: true}).addTo(map);
    window.geokitDrawn = (window.geokitDrawn || 0) + n;
    window.geokitMode = mode;
    if (mode !== "cluster" || !n) { window.geokitReady = true; }
    if (data.days && data.days.length > 1) {
      var ctl = L.control({position: "bottomleft"});
      ctl.onAdd = function () {
        var div = el("div", null, "background: white; padding: 6px 8px; font: 12px sans-serif; border-radius: 4px");
        div.className = "geokit-timeslider";
        var label = el("div", "All dates");
        var input = document.createElement("input");
        input.type = "range"; input.min = -1; input.max = data.days.length - 1; input.value = -1;
        input.style.width = "240px";
        input.addEventListener("input", function () {
          upTo = parseInt(input.value, 10);
          label.textContent = upTo < 0 ? "All dates" : "Up to " + data.days[upTo];
          refresh();
        });
        div.appendChild(label); div.appendChild(input);
        L.DomEvent.disableClickPropagation(div);
        return div;
      };
      ctl.addTo(map);
    }
  };
  // The vector basemap: country polygons, admin1 lines and settlement labels that appear by
  // zoom (data.labels sorted by the zoom from which each is drawn).
  window.geokitBasemap = function (map, data) {
    function pane(name, z) {
      var p = map.createPane(name);
      p.style.zIndex = z;
      p.style.pointerEvents = "none";
      return name;
    }
    var base = pane("geokitBase", 250), labels = pane("geokitLabels", 450);
    if (data.offline) { map.getContainer().style.background = "#d4e6f1"; }
    L.geoJSON(data.countries, {pane: base, interactive: false, style: {
      color: "#666", weight: 1.2, fill: true, fillColor: "#f4f1ea",
      fillOpacity: data.offline ? 1 : 0.35}}).addTo(map);
    if (data.admin1) {
      L.geoJSON(data.admin1, {pane: base, interactive: false,
        style: {color: "#8a8a8a", weight: 0.8, dashArray: "4 3", fill: false}}).addTo(map);
    }
    var lab = data.labels;
    if (!lab) { return; }
    var drawn = {}, group = L.layerGroup().addTo(map);
    function update() {
      var z = map.getZoom(), b = map.getBounds().pad(0.1), want = {};
      for (var i = 0; i < lab.z.length && lab.z[i] <= z; i++) {
        if (b.contains([lab.lat[i], lab.lon[i]])) { want[i] = true; }
      }
      Object.keys(drawn).forEach(function (k) {
        if (!want[k]) { group.removeLayer(drawn[k]); delete drawn[k]; }
      });
      Object.keys(want).forEach(function (k) {
        if (drawn[k]) { return; }
        var tier = lab.z[k] <= 6 ? 1 : (lab.z[k] <= 9 ? 2 : 3);
        var icon = L.divIcon({className: "geokit-label geokit-label-" + tier,
          html: el("span", lab.name[k]), iconSize: null});
        drawn[k] = L.marker([lab.lat[k], lab.lon[k]], {icon: icon, pane: labels,
          interactive: false, keyboard: false}).addTo(group);
      });
      window.geokitLabelsDrawn = Object.keys(drawn).length;
    }
    map.on("moveend", update);
    map.whenReady(update);
  };
  var css = document.createElement("style");
  css.textContent = ".geokit-label{width:0;height:0}" +
    ".geokit-label span{position:absolute;transform:translate(-50%,-50%);white-space:nowrap;" +
    "font:11px/1.2 sans-serif;color:#444;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}" +
    ".geokit-label-1 span{font-size:13px;font-weight:600;color:#222}" +
    ".geokit-label-2 span{font-size:12px;color:#333}";
  document.head.appendChild(css);
})();
