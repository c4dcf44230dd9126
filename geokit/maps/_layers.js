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
  // ({values: distinct strings, codes: one index per event}).
  window.geokitEvents = function (map, data) {
    var renderer = L.canvas({padding: 0.3});
    var groups = data.categories.map(function () { return L.featureGroup(); });
    var markers = [];
    function field(c, i) {
      var col = data.columns[c];
      if (!col.codes) { return null; }
      var k = col.codes[i];
      return k < 0 ? null : col.values[k];
    }
    for (var i = 0; i < data.lat.length; i++) {
      var m = L.circleMarker([data.lat[i], data.lon[i]], {renderer: renderer, radius: 5,
        weight: 1, color: "#333", fillColor: data.colours[data.cat[i]], fillOpacity: 0.85});
      m.geokitIndex = i;
      m.geokitDay = data.day[i];
      m.geokitCat = data.cat[i];
      groups[data.cat[i]].addLayer(m);
      markers.push(m);
    }
    // one handler per layer instead of one popup and tooltip per marker: fast with 100k points
    groups.forEach(function (g) {
      g.on("click", function (e) {
        var i = e.layer.geokitIndex;
        L.popup().setLatLng(e.layer.getLatLng())
          .setContent(popup(data.fields.map(function (f, c) { return [f, field(c, i)]; })))
          .openOn(map);
      });
      g.on("mouseover", function (e) {
        var i = e.layer.geokitIndex;
        e.layer.bindTooltip(el("span", (field(0, i) || "") + " · " + (field(1, i) || "")))
          .openTooltip();
      });
    });
    var overlays = {};
    groups.forEach(function (g, i) { g.addTo(map); overlays[data.categories[i]] = g; });
    L.control.layers(null, overlays, {collapsed: true}).addTo(map);
    window.geokitDrawn = (window.geokitDrawn || 0) + markers.length;
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
          var d = parseInt(input.value, 10);
          label.textContent = d < 0 ? "All dates" : "Up to " + data.days[d];
          markers.forEach(function (m, i) {
            var show = d < 0 || (m.geokitDay >= 0 && m.geokitDay <= d);
            var g = groups[m.geokitCat];
            if (show && !g.hasLayer(m)) { g.addLayer(m); }
            if (!show && g.hasLayer(m)) { g.removeLayer(m); }
          });
        });
        div.appendChild(label); div.appendChild(input);
        L.DomEvent.disableClickPropagation(div);
        return div;
      };
      ctl.addTo(map);
    }
  };
})();
