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
  // All events of a map on one canvas, redrawn after each move: every point is a stamp of its
  // category's pre-drawn circle copied pixel by pixel (software-rendered browsers copy pixels
  // far faster than they draw 100k shapes; Leaflet's canvas renderer paths each circle).
  // Points outside the view are skipped and hits are found by distance. With clusterBelow set,
  // points sharing a 64-pixel cell below that zoom are drawn as one numbered circle.
  // (Defined on first use: this file runs before Leaflet is loaded.)
  var Points = null, CELL = 64;
  function pointsClass() { return Points || (Points = L.Layer.extend({
    initialize: function (data, visible, radius, clusterBelow) {
      var n = data.lat.length;
      this._data = data; this._visible = visible; this._r = radius;
      this._clusterBelow = clusterBelow || 0;
      this._ux = new Float64Array(n); this._uy = new Float64Array(n);  // Web Mercator, 0..1
      for (var i = 0; i < n; i++) {
        var s = Math.sin(data.lat[i] * Math.PI / 180);
        this._ux[i] = (data.lon[i] + 180) / 360;
        this._uy[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
      }
      this._px = new Float32Array(n); this._py = new Float32Array(n);
      this.visibleCount = 0; this.clusters = [];
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "geokit-points leaflet-zoom-hide");
      map.getPane(this.options.pane || "overlayPane").appendChild(this._canvas);
      map.on("moveend resize", this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend resize", this.redraw, this);
    },
    // each category's circle, drawn once, as pixel offsets and colours: a filled disc, then
    // (for approximate points, data.approx) a hollow dashed ring of the same colour
    _stamps: function (dpr) {
      var r = this._r * dpr, w = Math.ceil(2 * r + 3), h = Math.floor(w / 2);
      var colours = this._data.colours, kinds = colours.map(function (c) { return [c, false]; });
      if (this._data.approx) { kinds = kinds.concat(colours.map(function (c) { return [c, true]; })); }
      return kinds.map(function (kind) {
        var colour = kind[0], hollow = kind[1];
        var c = document.createElement("canvas");
        c.width = c.height = w;
        var ctx = c.getContext("2d");
        ctx.beginPath(); ctx.arc(h + 0.5, h + 0.5, hollow ? r - dpr : r, 0, 2 * Math.PI);
        if (hollow) {
          ctx.setLineDash([2 * dpr, 1.5 * dpr]);
          ctx.lineWidth = 2 * dpr; ctx.strokeStyle = colour; ctx.stroke();
        } else {
          ctx.fillStyle = colour; ctx.fill();
          ctx.lineWidth = dpr; ctx.strokeStyle = "#333"; ctx.stroke();
        }
        var px = new Uint32Array(ctx.getImageData(0, 0, w, w).data.buffer);
        var st = {dx: [], dy: [], v: [], reach: h};
        for (var k = 0; k < px.length; k++) {
          if ((px[k] >>> 24) > 110) {  // alpha: keep the solid part of the anti-aliased edge
            st.dx.push(k % w - h); st.dy.push(Math.floor(k / w) - h);
            st.v.push((px[k] | 0xff000000) >>> 0);
          }
        }
        return st;
      });
    },
    // project the shown points; returns the indices inside the view (plus margin), in order
    _project: function (scale, origin, size, margin) {
      var px = this._px, py = this._py, inView = [], count = 0;
      for (var i = 0; i < px.length; i++) {
        px[i] = NaN;
        if (!this._visible(i)) { continue; }
        count++;
        var x = this._ux[i] * scale - origin.x, y = this._uy[i] * scale - origin.y;
        if (x < -margin || y < -margin || x > size.x + margin || y > size.y + margin) { continue; }
        px[i] = x; py[i] = y;
        inView.push(i);
      }
      this.visibleCount = count;
      return inView;
    },
    // group points by 64-pixel world cell; returns the lone points and the clusters
    _bin: function (inView, origin) {
      var px = this._px, py = this._py, bins = new Map(), n = [], sx = [], sy = [];
      var member = new Int32Array(inView.length);
      for (var k = 0; k < inView.length; k++) {
        var i = inView[k];
        var key = Math.floor((px[i] + origin.x) / CELL) * 1048576 + Math.floor((py[i] + origin.y) / CELL);
        var b = bins.get(key);
        if (b === undefined) { b = n.length; bins.set(key, b); n.push(0); sx.push(0); sy.push(0); }
        n[b]++; sx[b] += px[i]; sy[b] += py[i]; member[k] = b;
      }
      var singles = [], clusters = [];
      for (k = 0; k < inView.length; k++) {
        if (n[member[k]] === 1) { singles.push(inView[k]); } else { px[inView[k]] = NaN; }
      }
      for (b = 0; b < n.length; b++) {
        if (n[b] > 1) { clusters.push({x: sx[b] / n[b], y: sy[b] / n[b], n: n[b], r: 12 + 4 * Math.log10(n[b])}); }
      }
      return {singles: singles, clusters: clusters};
    },
    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var size = map.getSize(), c = this._canvas, dpr = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      var W = c.width = Math.round(size.x * dpr), H = c.height = Math.round(size.y * dpr);
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
      if (!this._stampCache || this._stampDpr !== dpr) {
        this._stampCache = this._stamps(dpr); this._stampDpr = dpr;
      }
      var stamps = this._stampCache.map(function (st) {
        return {off: Int32Array.from(st.dx, function (dx, k) { return st.dy[k] * W + dx; }),
                dx: st.dx, dy: st.dy, v: Uint32Array.from(st.v), reach: st.reach};
      });
      var scale = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelBounds().min;
      var clustering = this._clusterBelow && map.getZoom() < this._clusterBelow;
      var singles = this._project(scale, origin, size, clustering ? CELL : this._r);
      this.clusters = [];
      if (clustering) {
        var binned = this._bin(singles, origin);
        singles = binned.singles; this.clusters = binned.clusters;
      }
      var ctx = c.getContext("2d"), img = ctx.createImageData(Math.max(W, 1), Math.max(H, 1));
      var buf = new Uint32Array(img.data.buffer), cat = this._data.cat;
      var approx = this._data.approx, ncat = this._data.colours.length;
      // paint from the top (last) point down, never over a pixel already painted: the same
      // picture, and points hidden under others cost five reads instead of a whole stamp
      for (var k = singles.length - 1; k >= 0; k--) {
        var i = singles[k], st = stamps[cat[i] + (approx && approx[i] ? ncat : 0)];
        var e = st.reach - 1, j;
        var X = Math.round(this._px[i] * dpr), Y = Math.round(this._py[i] * dpr);
        if (X >= st.reach && Y >= st.reach && X + st.reach < W && Y + st.reach < H) {
          var base = Y * W + X, off = st.off, v = st.v;
          if (buf[base] && buf[base - e] && buf[base + e] && buf[base - e * W] && buf[base + e * W]) {
            continue;
          }
          for (j = 0; j < off.length; j++) { if (!buf[base + off[j]]) { buf[base + off[j]] = v[j]; } }
        } else {  // at the edge: clip pixel by pixel
          for (j = 0; j < st.v.length; j++) {
            var xx = X + st.dx[j], yy = Y + st.dy[j];
            if (xx >= 0 && yy >= 0 && xx < W && yy < H && !buf[yy * W + xx]) { buf[yy * W + xx] = st.v[j]; }
          }
        }
      }
      if (W && H) { ctx.putImageData(img, 0, 0); }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.font = "bold 11px sans-serif";
      this.clusters.forEach(function (cl) {
        var colour = cl.n < 10 ? "110, 204, 57" : (cl.n < 100 ? "240, 194, 12" : "241, 128, 23");
        ctx.beginPath(); ctx.arc(cl.x, cl.y, cl.r, 0, 2 * Math.PI);
        ctx.fillStyle = "rgba(" + colour + ", 0.45)"; ctx.fill();
        ctx.beginPath(); ctx.arc(cl.x, cl.y, cl.r - 4, 0, 2 * Math.PI);
        ctx.fillStyle = "rgba(" + colour + ", 0.9)"; ctx.fill();
        ctx.fillStyle = "#222";
        ctx.fillText(cl.n < 1000 ? String(cl.n) : (cl.n / 1000).toFixed(cl.n < 10000 ? 1 : 0) + "k", cl.x, cl.y);
      });
    },
    // the cluster under a container point, or null
    hitCluster: function (p) {
      for (var k = this.clusters.length - 1; k >= 0; k--) {
        var cl = this.clusters[k], dx = cl.x - p.x, dy = cl.y - p.y;
        if (dx * dx + dy * dy <= cl.r * cl.r) { return cl; }
      }
      return null;
    },
    // index of the topmost drawn point under a container point, or -1
    hit: function (p) {
      var best = -1, r2 = (this._r + 2) * (this._r + 2);
      for (var i = 0; i < this._px.length; i++) {
        var dx = this._px[i] - p.x, dy = this._py[i] - p.y;
        if (dx * dx + dy * dy <= r2) { best = i; }  // NaN (hidden) never matches
      }
      return best;
    }
  }));}

  // data: columnar arrays lat, lon, cat, day (-1 = undated) and popup columns
  // ({values: distinct strings, codes: one index per event}); data.mode is "markers" (canvas
  // points), "cluster" (canvas points grouped by cell below data.clusterBelow),
  // "markercluster" (Leaflet.markercluster) or "heatmap" (Leaflet.heat).
  window.geokitEvents = function (map, data) {
    var n = data.lat.length, mode = data.mode || "markers";
    var catOn = data.categories.map(function () { return true; });
    var upTo = -1;  // time slider: last day shown, -1 = all
    var dayNames = data.dayNames || data.days || [];
    var from = null, to = null;  // a date window set from outside (frontline map), ISO dates
    function inWindow(i) {
      if (from === null) { return true; }
      var d = data.day[i] >= 0 ? dayNames[data.day[i]] : null;
      return d !== null && d >= from && d <= to;
    }
    function shown(i) {
      return catOn[data.cat[i]] && (upTo < 0 || (data.day[i] >= 0 && data.day[i] <= upTo)) &&
        inWindow(i);
    }
    function field(c, i) {
      var col = data.columns[c];
      if (!col.codes) { return null; }
      var k = col.codes[i];
      return k < 0 ? null : col.values[k];
    }
    function content(i) {
      return popup(data.fields.map(function (f, c) { return [f, field(c, i)]; }));
    }
    function label(i) {
      var text = (field(0, i) || "") + " · " + (field(1, i) || "");
      if (data.approx && data.approx[i]) { text += " · approximate point"; }
      return el("span", text);
    }
    function openPopup(i) {
      L.popup().setLatLng([data.lat[i], data.lon[i]]).setContent(content(i)).openOn(map);
    }
    var openTooltip = null;
    var pane = map.createPane("geokitEvents");
    pane.style.zIndex = 460;  // above other overlays; basemap labels (390) lie under all data
    pane.style.pointerEvents = "none";  // clicks reach the map, which finds the point
    var layer, refresh;
    if (mode === "markers" || mode === "cluster") {
      layer = new (pointsClass())(data, shown, 5, mode === "cluster" ? data.clusterBelow : 0);
      layer.options.pane = "geokitEvents";
      var tip = L.tooltip({direction: "top", offset: [0, -6]}), pending = false;
      // the popup and tooltip of event i, as a click or hover shows them (also used by tests)
      openTooltip = function (i) {
        map.openTooltip(tip.setLatLng([data.lat[i], data.lon[i]]).setContent(label(i)));
      };
      map.on("click", function (e) {
        var cl = layer.hitCluster(e.containerPoint);
        if (cl) {
          map.setView(map.containerPointToLatLng([cl.x, cl.y]),
                      Math.min(map.getZoom() + 2, data.clusterBelow));
          return;
        }
        var i = layer.hit(e.containerPoint);
        if (i >= 0) { openPopup(i); }
      });
      map.on("mousemove", function (e) {
        if (pending) { return; }
        pending = true;
        requestAnimationFrame(function () {
          pending = false;
          var cl = layer.hitCluster(e.containerPoint), i = cl ? -1 : layer.hit(e.containerPoint);
          map.getContainer().style.cursor = cl || i >= 0 ? "pointer" : "";
          if (cl) {
            map.openTooltip(tip.setLatLng(map.containerPointToLatLng([cl.x, cl.y]))
              .setContent(el("span", cl.n.toLocaleString("en") + " events: click to zoom in")));
          } else if (i >= 0) {
            openTooltip(i);
          } else { map.closeTooltip(tip); }
        });
      });
      refresh = function () { layer.redraw(); };
    } else if (mode === "markercluster") {
      var markers = [];
      for (var i = 0; i < n; i++) {
        var hollow = data.approx && data.approx[i];
        var m = L.circleMarker([data.lat[i], data.lon[i]], hollow
          ? {radius: 4, weight: 2, color: data.colours[data.cat[i]], fillOpacity: 0, dashArray: "3,2"}
          : {radius: 5, weight: 1, color: "#333", fillColor: data.colours[data.cat[i]], fillOpacity: 0.85});
        m.geokitIndex = i;
        markers.push(m);
      }
      layer = L.markerClusterGroup({chunkedLoading: true, chunkInterval: 100,
        showCoverageOnHover: false,
        chunkProgress: function (done, total) { window.geokitReady = done >= total; }});
      layer.on("click", function (e) {
        var i = e.layer.geokitIndex;
        if (i !== undefined) { openPopup(i); }
      });
      layer.on("mouseover", function (e) {
        var i = e.layer.geokitIndex;
        if (i !== undefined) { e.layer.bindTooltip(label(i)).openTooltip(); }
      });
      refresh = function () {
        window.geokitReady = false;
        layer.clearLayers();
        layer.addLayers(markers.filter(function (m, i) { return shown(i); }));
      };
    } else {
      var latlngs = data.lat.map(function (la, i) { return [la, data.lon[i]]; });
      layer = L.heatLayer([], {radius: 14, blur: 16, minOpacity: 0.35, maxZoom: 11});
      refresh = function () { layer.setLatLngs(latlngs.filter(function (p, i) { return shown(i); })); };
    }
    layer.addTo(map);
    // show only events dated from..to (ISO dates, both included); null shows every event
    layer.geokitSetWindow = function (lo, hi) { from = lo; to = hi; refresh(); };
    layer.geokitOpenPopup = openPopup;
    layer.geokitOpenTooltip = openTooltip;
    window.geokitEventLayer = layer;
    // the category entries of the layer control are empty switches that filter the events
    var overlays = {};
    var switches = data.categories.map(function () { return L.layerGroup().addTo(map); });
    switches.forEach(function (s, c) { overlays[data.categories[c]] = s; });
    map.on("overlayadd overlayremove", function (e) {
      var c = switches.indexOf(e.layer);
      if (c >= 0) { catOn[c] = e.type === "overlayadd"; refresh(); }
    });
    if (mode === "markercluster" || mode === "heatmap") { refresh(); }
    L.control.layers(null, overlays, {collapsed: true}).addTo(map);
    window.geokitDrawn = (window.geokitDrawn || 0) + n;
    window.geokitMode = mode;
    if (mode !== "markercluster" || !n) { window.geokitReady = true; }
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
  // The frontline map's day slider: each day shows the control area in force on it (the
  // latest snapshot on or before it) and the events of a window of days ending on it.
  // data: layers (window names of the snapshot layers), snapshots (their ISO dates, sorted),
  // days (ISO days of the slider), window (days of events shown), start (slider index).
  window.geokitFrontSlider = function (map, data) {
    var layers = data.layers.map(function (n) { return window[n]; });
    window.geokitSnapshotCount = layers.length;
    function iso(t) { return new Date(t).toISOString().slice(0, 10); }
    function show(k) {
      var day = k < 0 ? null : data.days[k], cur = -1;
      data.snapshots.forEach(function (s, j) { if (day === null ? j === data.first : s <= day) { cur = j; } });
      layers.forEach(function (l, j) {
        if (j === cur) { map.addLayer(l); } else { map.removeLayer(l); }
      });
      var from = day === null ? null : iso(Date.parse(day) - (data.window - 1) * 86400000);
      if (window.geokitEventLayer && window.geokitEventLayer.geokitSetWindow) {
        window.geokitEventLayer.geokitSetWindow(from, day);
      }
      window.geokitFrontShown = {day: day, snapshot: cur >= 0 ? data.snapshots[cur] : null,
                                 from: from};
      var snap = cur >= 0 ? "control area of " + data.snapshots[cur] : "no control area yet";
      return day === null ? "All events · " + snap
        : day + " · " + snap + " · events " + (data.window > 1 ? from + " to " + day : "of the day");
    }
    var ctl = L.control({position: "topright"});
    ctl.onAdd = function () {
      var d = el("div", null, "background: white; padding: 6px 8px; font: 12px sans-serif; border-radius: 4px");
      d.className = "geokit-snapshot-slider";
      var input = document.createElement("input");
      input.type = "range"; input.min = -1; input.max = data.days.length - 1;
      input.value = data.start; input.style.width = "260px";
      var label = el("div", show(data.start));
      input.addEventListener("input", function () {
        label.textContent = show(parseInt(input.value, 10));
      });
      d.appendChild(label); d.appendChild(input);
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    ctl.addTo(map);
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
    var base = pane("geokitBase", 250), labels = pane("geokitLabels", 390);
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
