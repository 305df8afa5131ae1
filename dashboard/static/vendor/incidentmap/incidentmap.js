/* incident-map browser side (project code, MIT): decodes the compact incident payload and draws markers or
 * clusters, popups, tooltips, heat, playback, choropleth, basemap, airports, reference rings and the legend; the
 * live map (IncidentMap.live, the app's component) keeps its view while its parts are replaced by new data.
 * Every data string is put in the page with textContent or setAttribute (never innerHTML); links must be http(s).
 * Keyboard: markers, clusters and airports on screen are tab stops named for screen readers; Enter or Space clicks. */
(function (global) {
  "use strict";
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = new Int16Array(128);
  for (var a = 0; a < ALPHABET.length; a++) { DIGIT[ALPHABET.charCodeAt(a)] = a; }
  var DAY_MS = 86400000;
  var COLOR = /^#[0-9a-fA-F]{6}$/;
  var PATH = /^[MLHVAZ0-9 .\-]+$/;
  var HTTP = /^https?:\/\/[^\s"'<>`\\]+$/i;
  var SMALL_MAP_PX = 480;  // on a map lower than this the legend starts folded, to leave the incidents visible
  var NARROW_MAP_PX = 700;  // ... and on a map narrower than this (phones, the map beside the detail panel)
  var instances = [];  // incident layers made on this page (for tests and the app)
  // A neutral credit on every map made after this file loads: Leaflet's default prefix is a link out with a flag.
  if (global.L && global.L.Control && global.L.Control.Attribution) {
    global.L.Control.Attribution.prototype.options.prefix = "Leaflet";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clip(text, max) {
    text = text === undefined || text === null ? "" : String(text);
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function ymd(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }

  function hm(ms) {
    var d = new Date(ms);
    return pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }

  function zone(minutes) {
    var sign = minutes < 0 ? "-" : "+";
    var m = Math.abs(minutes);
    return "UTC" + sign + pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  // ---- the compact payload -------------------------------------------------------------------------------
  function Data(p) {
    this.p = p;
    this.n = p.n;
    this.w = p.width;
    this.rec = p.rec;
    this.pos = {};
    var at = 0;
    for (var f = 0; f < p.fields.length; f++) {
      this.pos[p.fields[f][0]] = [at, p.fields[f][1]];
      at += p.fields[f][1];
    }
    this.baseMs = Date.parse(p.base + "T00:00:00Z");
  }

  Data.prototype.get = function (i, name) {
    var f = this.pos[name], s = i * this.w + f[0], v = 0;
    for (var k = 0; k < f[1]; k++) { v = v * 64 + DIGIT[this.rec.charCodeAt(s + k)]; }
    return v;
  };
  Data.prototype.lat = function (i) { return this.get(i, "lat") / 16777215 * 180 - 90; };
  Data.prototype.lon = function (i) { return this.get(i, "lon") / 16777215 * 360 - 180; };
  Data.prototype.latlng = function (i) { return [this.lat(i), this.lon(i)]; };
  Data.prototype.day = function (i) { return this.get(i, "day"); };
  Data.prototype.dayText = function (day) { return ymd(this.baseMs + day * DAY_MS); };

  Data.prototype.count = function (i, name, key) {
    var v = this.get(i, name);
    if (v === 0) { return null; }
    if (v === 63) { return this.p.overflow[key + i]; }
    return v - 1;
  };

  // `flags`: precision + P * (status + S * verification), P and S the lengths of the precision and status tables.
  Data.prototype.flag = function (i, part) {
    var p = this.p, flags = this.get(i, "flags"), np = p.precisions.length, ns = p.statuses.length;
    if (part === "precision") { return p.precisions[flags % np] || ""; }
    if (part === "status") { return p.statuses[Math.floor(flags / np) % ns] || ""; }
    return p.verifications[Math.floor(flags / (np * ns))] || "";
  };

  Data.prototype.record = function (i) {
    var p = this.p;
    var place = p.places[this.get(i, "place")] || ["", "", "", ""];
    var detail = p.details[this.get(i, "detail")] || {};
    var day = this.get(i, "day"), minute = this.get(i, "minute");
    var r = {
      type: this.get(i, "type"),
      place: place[0], admin1: place[1], country: place[2], tz: place[3] || "",
      verification: this.flag(i, "verification"),
      status: this.flag(i, "status"),
      precision: this.flag(i, "precision"),
      day: this.dayText(day),
      killed: this.count(i, "killed", "k"),
      injured: this.count(i, "injured", "i"),
      drones: this.count(i, "drones", "d"),
      km: this.get(i, "km") / 10,
      compass: p.compass[this.get(i, "compass")] || "",
      detail: detail,
      local: null, utc: null, end: detail.e || null
    };
    if (minute > 0) {
      var offset = p.offsets[this.get(i, "offset")] || 0;
      var localMs = this.baseMs + day * DAY_MS + (minute - 1) * 60000;
      var duration = this.get(i, "duration"), until = "";
      if (duration > 0) {
        var endMs = localMs + (duration - 1) * 60000;
        until = "\u2013" + (ymd(endMs) === ymd(localMs) ? "" : ymd(endMs) + " ") + hm(endMs);
        r.end = null;
      }
      r.local = ymd(localMs) + " " + hm(localMs) + until + " " + zone(offset) + (r.tz ? " (" + r.tz + ")" : "");
      r.utc = ymd(localMs - offset * 60000) + " " + hm(localMs - offset * 60000) + " UTC";
    }
    return r;
  };

  // ---- icons ----------------------------------------------------------------------------------------------
  function svgPath(spec, status) {  // the type's symbol on a 20 x 20 grid (lifted: white with a dashed outline)
    var color = COLOR.test(spec.color) ? spec.color : "#6E6E6E";
    var path = PATH.test(spec.path) ? spec.path : "M3 3 H17 V17 H3 Z";
    var fill = color, opacity = "0.95", dash = "", width = "1.3", stroke = "#1a1a1a";
    if (status === "lifted") { fill = "#ffffff"; opacity = "0.9"; dash = ' stroke-dasharray="3 2"'; width = "2.4"; stroke = color; }
    else if (status === "none") { opacity = "0.55"; }
    return '<path d="' + path + '" fill="' + fill + '" fill-opacity="' + opacity + '" stroke="' + stroke +
      '" stroke-width="' + width + '"' + dash + ' stroke-linejoin="round"/>';
  }

  function svgIcon(spec, status, size) {
    size = size || 18;
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 20 20">' +
      svgPath(spec || {}, status) + '</svg>';
  }

  // A region-precision incident: a dashed ring in its type's colour, not a point symbol (its place is a region).
  function regionSvg(spec, size) {
    var color = COLOR.test(spec.color) ? spec.color : "#6E6E6E";
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 20 20">' +
      '<circle cx="10" cy="10" r="8.5" fill="' + color + '" fill-opacity="0.12" stroke="' + color +
      '" stroke-width="1.8" stroke-dasharray="3 2.2"/></svg>';
  }

  // An approximate point (placed by distance from a named place, or between two): the type's symbol, smaller, inside a
  // dotted ring in its colour (never the region's dashed ring: the point is meant, only not exactly).
  function approxSvg(spec, status, size) {
    var color = COLOR.test(spec.color) ? spec.color : "#6E6E6E";
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 24 24">' +
      '<circle cx="12" cy="12" r="10.5" fill="#ffffff" fill-opacity="0.55" stroke="' + color +
      '" stroke-width="1.8" stroke-dasharray="0.1 2.8" stroke-linecap="round"/>' +
      '<g transform="translate(6 6) scale(0.6)">' + svgPath(spec, status) + '</g></svg>';
  }

  function iconFactory(types) {
    var cache = {};
    return function (type, status, shape) {  // shape: "region", "approximate" or ""
      var key = type + ":" + status + ":" + shape, region = shape === "region", approx = shape === "approximate";
      if (!cache[key]) {
        var spec = types[type] || types[types.length - 1], size = region ? 30 : approx ? 24 : 18;
        cache[key] = L.divIcon({
          className: region ? "im-icon im-region" : approx ? "im-icon im-approx" : "im-icon",
          html: region ? regionSvg(spec, size) : approx ? approxSvg(spec, status, size) : svgIcon(spec, status),
          iconSize: [size, size], iconAnchor: [size / 2, size / 2], tooltipAnchor: [0, -size / 2 + 1],
          popupAnchor: [0, -size / 2 + 1]
        });
      }
      return cache[key];
    };
  }

  function isRegion(data, i) { return data.flag(i, "precision") === "region"; }

  function shapeOf(data, i) {  // how a marker is drawn: "region" (dashed ring), "approximate" (dotted ring) or ""
    var precision = data.flag(i, "precision");
    return precision === "region" || precision === "approximate" ? precision : "";
  }

  function restrictionStatus(data, types, r) {
    if (types[r.type] && types[r.type].key === "airspace_restriction") { return r.status || "none"; }
    return "";
  }

  // ---- popups and tooltips --------------------------------------------------------------------------------
  function row(body, label, value) {
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    tr.appendChild(el("td", null, value));
    body.appendChild(tr);
  }

  function stated(value) { return value === null || value === undefined ? "not stated" : String(value); }

  function sourceList(sources) {
    var list = el("ol", "im-sources");
    for (var s = 0; s < sources.length && s < 8; s++) {
      var src = sources[s], item = el("li"), title = clip(src[0] || src[1] || "source", 160);
      if (HTTP.test(src[1] || "")) {
        var link = el("a", null, title);
        link.href = src[1];
        link.target = "_blank";
        link.rel = "noopener noreferrer nofollow";
        item.appendChild(link);
      } else {
        item.appendChild(el("span", null, title));
      }
      if (src[3]) { item.appendChild(el("span", "im-muted", " (" + clip(src[3], 40) + ")")); }
      if (src[2]) { item.appendChild(el("blockquote", null, clip(src[2], 400))); }
      list.appendChild(item);
    }
    return list;
  }

  function popupContent(data, ctx, i) {
    var r = data.record(i), type = ctx.types[r.type] || {};
    var box = el("div", "im-popup");
    box.appendChild(el("div", "im-title", clip(r.place || "Unnamed place", 120)));
    var region = [r.admin1, r.country].filter(Boolean).join(", ");
    if (region) { box.appendChild(el("div", "im-muted", clip(region, 120))); }
    var table = el("table"), body = el("tbody");
    table.appendChild(body);
    row(body, "Event", type.label || "");
    if (r.local) {
      row(body, "Local time", r.local + (r.end ? " \u2013 " + r.end : ""));
      row(body, "UTC", r.utc);
    } else {
      row(body, "Date", r.day + " (time of day not stated)" + (r.end ? " \u2013 " + r.end : ""));
    }
    row(body, "Killed", stated(r.killed));
    row(body, "Injured", stated(r.injured));
    row(body, "Drones downed", stated(r.drones));
    if (ctx.reference) {
      row(body, "From " + clip(ctx.reference, 40), Math.round(r.km).toLocaleString("en") + " km, " + r.compass);
    }
    var codes = [r.detail.ia, r.detail.ic].filter(Boolean).join(" / ");
    if (codes || r.status) { row(body, "Airport", (codes || "\u2014") + (r.status ? " \u00b7 " + r.status : "")); }
    row(body, "Verification", r.verification);
    if (r.precision === "approximate") { row(body, "Location", "approximate point (" + clip(r.place || "by distance", 80) + ")"); }
    else if (r.precision && r.precision !== "exact") { row(body, "Location", "approximate (" + r.precision + ")"); }
    if (r.detail.id) { row(body, "ID", r.detail.id); }
    box.appendChild(table);
    if (r.detail.n) { box.appendChild(el("p", "im-notes", clip(r.detail.n, 500))); }
    if (r.detail.s && r.detail.s.length) { box.appendChild(sourceList(r.detail.s)); }
    return box;
  }

  function incidentName(data, types, i) {  // the accessible name of a marker: "Drone strike, Kazan, 2024-12-21"
    var type = types[data.get(i, "type")] || {}, place = data.p.places[data.get(i, "place")] || [];
    var parts = [type.label || "Incident", clip(place[0] || "Unnamed place", 80), data.dayText(data.day(i))];
    if (type.key === "airspace_restriction") { parts.push(data.flag(i, "status") || "status not stated"); }
    if (isRegion(data, i)) { parts.push("located to the region only"); }
    else if (shapeOf(data, i) === "approximate") { parts.push("approximate point"); }
    return parts.join(", ");
  }

  function tooltipNode(data, i) {  // a node, never a string: Leaflet puts strings in innerHTML
    var r = data.record(i);
    return el("span", null, clip(r.place || "Unnamed place", 60) + " \u00b7 " + r.day);
  }

  // ---- incidents: plain markers or clusters ---------------------------------------------------------------
  function typeRing(counts, types, total) {  // a conic gradient: each type's share of the cluster, in its colour
    var stops = [], at = 0;
    for (var t = 0; t < counts.length; t++) {
      if (!counts[t]) { continue; }
      var spec = types[t] || {}, color = COLOR.test(spec.color) ? spec.color : "#6E6E6E";
      var end = at + counts[t] / total * 100;
      stops.push(color + " " + at.toFixed(2) + "% " + end.toFixed(2) + "%");
      at = end;
    }
    return "conic-gradient(" + stops.join(", ") + ")";
  }

  function clusterIconFactory(types) {
    return function (cluster) {
      var n = cluster.getChildCount(), children = cluster.getAllChildMarkers(), counts = [];
      for (var t = 0; t < types.length; t++) { counts.push(0); }
      for (var c = 0; c < children.length; c++) { counts[children[c].options.t] = (counts[children[c].options.t] || 0) + 1; }
      var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      var label = n < 10000 ? String(n) : Math.round(n / 1000) + "k";
      var icon = L.divIcon({ html: "<div><span>" + label + "</span></div>", className: "im-cluster", iconSize: L.point(size, size) });
      icon.ring = typeRing(counts, types, children.length || 1);
      icon.createIcon = function (old) {
        var node = L.DivIcon.prototype.createIcon.call(this, old);
        node.style.background = this.ring;  // colours checked against COLOR: no data reaches the style
        node.setAttribute("aria-label", "Cluster of " + n.toLocaleString("en") + " incidents");
        return node;
      };
      return icon;
    };
  }

  // ---- keyboard: tab stops with a name, Enter or Space does what a click does ----------------------------
  function isPress(key) { return key.key === "Enter" || key.key === " " || key.key === "Spacebar"; }

  function nameIcon(node, name) {  // an attribute, never markup: the name stays text
    if (node) { node.setAttribute("aria-label", clip(name, 140)); }
  }

  // A press on the map focuses it (Leaflet's keyboard support) or a marker (a tab stop) without scrolling the page.
  // Leaflet undoes the scroll of a focus on the window only; where another box scrolls (Streamlit's main area, a
  // page around an iframe) the page moved under the pointer on narrow screens and the release missed the marker.
  function focusWithoutScroll(map) {
    var container = map.getContainer();
    if (container.imFocusNoScroll) { return; }
    container.imFocusNoScroll = true;
    container.focus = function () { HTMLElement.prototype.focus.call(container, { preventScroll: true }); };
    container.addEventListener("mousedown", function (e) {
      var icon = e.target && e.target.closest ? e.target.closest(".leaflet-marker-icon[tabindex]") : null;
      if (!icon || e.button !== 0) { return; }
      e.preventDefault();
      icon.focus({ preventScroll: true });
    }, true);
  }

  // Enter or Space on a focused marker or cluster of `group` fires the 'click' a mouse would (popups, the app's
  // st_folium listener, zoom or spiderfy); Escape closes the popup. The focus goes to the map when a cluster
  // zooms (its icon goes away) and to the first of its markers when it spiderfies.
  function pressable(map, group) {
    var spider = false;
    focusWithoutScroll(map);
    group.on("keydown clusterkeydown", function (e) {
      var key = e.originalEvent, layer = e.layer || e.propagatedFrom;
      if (!key || !layer || !layer.getLatLng || key.altKey || key.ctrlKey || key.metaKey) { return; }
      if (key.key === "Escape") { map.closePopup(); return; }
      if (!isPress(key)) { return; }
      L.DomEvent.preventDefault(key);  // no page scroll on Space, no second click from Leaflet's 'keypress' on Enter
      var cluster = typeof layer.getChildCount === "function";
      spider = cluster;  // may be used at once: without animation markercluster spiderfies synchronously
      layer.fire("click", { latlng: layer.getLatLng(), originalEvent: key }, true);
      if (cluster && group._spiderfied !== layer) { spider = false; map.getContainer().focus(); }
    });
    group.on("spiderfied", function (e) {
      var first = e.markers && e.markers[0];
      if (spider && first && first.getElement()) { first.getElement().focus({ preventScroll: true }); }
      spider = false;
    });
    return group;
  }

  // The incident marker: its icon gets its name and shows the layer's tooltip on focus when it enters the page,
  // so only markers on screen cost anything (markercluster keeps the others out of the page).
  function incidentMarkerClass(group, name) {
    return L.Marker.extend({
      _initIcon: function () {
        L.Marker.prototype._initIcon.call(this);
        nameIcon(this._icon, name(this.options.i));
        L.DomEvent.on(this._icon, { focus: this._focusTip, blur: this._blurTip }, this);
      },
      _removeIcon: function () {
        L.DomEvent.off(this._icon, { focus: this._focusTip, blur: this._blurTip }, this);
        L.Marker.prototype._removeIcon.call(this);
      },
      _focusTip: function () {
        if (group.getTooltip()) { group.getTooltip()._source = this; group.openTooltip(); }  // as Leaflet does on focus
      },
      _blurTip: function () { group.closeTooltip(); }
    });
  }

  // "Loading markers…" over the map while markercluster adds markers in chunks; gone when all are in.
  function loadingNote(map) {
    var control = L.control({ position: "topleft" }), box = null;
    control.onAdd = function () {
      box = el("div", "im-loading leaflet-bar", "Loading markers\u2026");
      box.setAttribute("role", "status");
      return box;
    };
    control.progress = function (done, total) {
      if (done >= total) { control.remove(); map.getContainer().removeAttribute("data-loading"); return; }
      if (!box || !box.parentNode) { control.addTo(map); }
      map.getContainer().setAttribute("data-loading", "1");
      box.textContent = "Loading markers\u2026" + (total > 1 ? " " + done.toLocaleString("en") + " of " + total.toLocaleString("en") : "");
    };
    return control;
  }

  function markers(map, data, opts) {
    var ctx = { types: opts.types, reference: opts.reference };
    var icon = iconFactory(opts.types), list = new Array(data.n), note = loadingNote(map);
    var group = opts.cluster
      ? L.markerClusterGroup({
        chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45,
        spiderfyOnMaxZoom: true, iconCreateFunction: clusterIconFactory(opts.types),
        chunkProgress: function (done, total) { note.progress(done, total); }
      })
      : L.featureGroup();
    var Marker = incidentMarkerClass(group, function (i) { return incidentName(data, opts.types, i); });
    for (var i = 0; i < data.n; i++) {
      var type = data.get(i, "type");
      var status = restrictionStatus(data, opts.types, { type: type, status: data.flag(i, "status") });
      list[i] = new Marker(data.latlng(i), { icon: icon(type, status, shapeOf(data, i)), i: i, t: type });
    }
    // markercluster checks each marker added before the group is on the map against all the others (quadratic:
    // seconds at 100k), so the markers go in once it is on the map, in chunks.
    if (opts.cluster) {
      group.once("add", function () { if (list.length) { note.progress(0, list.length); } group.addLayers(list, true); });
      group.on("remove", function () { note.progress(1, 1); });
    } else { for (var m = 0; m < list.length; m++) { group.addLayer(list[m]); } }
    var popup = L.popup({ maxWidth: 340, minWidth: 220, maxHeight: 380, autoPanPadding: [20, 20] });
    group.on("click", function (e) {
      var marker = e.layer || e.propagatedFrom;
      if (!marker || marker.options.i === undefined) { return; }
      popup.setLatLng(marker.getLatLng()).setContent(popupContent(data, ctx, marker.options.i)).openOn(map);
    });
    group.bindTooltip(function (layer) { return layer.options.i === undefined ? el("span") : tooltipNode(data, layer.options.i); },
      { direction: "top", className: "im-tooltip" });
    group.incidentData = data;
    group.openIncident = function (i) {
      popup.setLatLng(data.latlng(i)).setContent(popupContent(data, ctx, i)).openOn(map);
      return popup.getElement();
    };
    group.tooltipFor = function (i) { return tooltipNode(data, i); };
    pressable(map, group);
    instances.push(group);
    return group;
  }

  // ---- heat and playback ----------------------------------------------------------------------------------
  function heat(map, data, opts) {
    var points = new Array(data.n);
    for (var i = 0; i < data.n; i++) { points[i] = data.latlng(i); }
    return L.heatLayer(points, { radius: 14, blur: 18, minOpacity: 0.35, maxZoom: opts.maxZoom || 10 });
  }

  function playback(map, data, opts) {
    var layer = L.layerGroup(), renderer = L.canvas({ padding: 0.2 });
    var last = data.n ? data.day(data.n - 1) : 0, first = data.n ? data.day(0) : 0;
    var step = Math.max(1, Math.ceil((last - first + 1) / 120));
    var state = { upto: first - 1, shown: 0, timer: null };
    var control = L.control({ position: "bottomright" });
    var slider, label, button;

    function addUpTo(day) {
      if (day < state.upto) { layer.clearLayers(); state.shown = 0; }
      while (state.shown < data.n && data.day(state.shown) <= day) {
        var i = state.shown, spec = opts.types[data.get(i, "type")] || {};
        var color = COLOR.test(spec.color) ? spec.color : "#6E6E6E";
        L.circleMarker(data.latlng(i), {
          renderer: renderer, radius: 4, weight: 1, color: "#1a1a1a", fillColor: color, fillOpacity: 0.85, interactive: false
        }).addTo(layer);
        state.shown++;
      }
      state.upto = day;
      if (label) { label.textContent = "up to " + data.dayText(day) + " \u00b7 " + state.shown.toLocaleString("en") + " incidents"; }
      if (slider) { slider.value = String(day); }
    }

    function stop() {
      if (state.timer) { clearInterval(state.timer); state.timer = null; }
      if (button) { button.textContent = "\u25b6 Play"; }
    }

    function play() {
      if (state.timer) { stop(); return; }
      if (state.upto >= last) { addUpTo(first - 1); }
      button.textContent = "\u275a\u275a Pause";
      state.timer = setInterval(function () {
        var next = Math.min(last, state.upto + step);
        addUpTo(next);
        if (next >= last) { stop(); }
      }, 350);
    }

    control.onAdd = function () {
      var box = el("div", "im-playback leaflet-bar");
      button = el("button", null, "\u25b6 Play");
      button.type = "button";
      slider = el("input");
      slider.type = "range";
      slider.min = String(first);
      slider.max = String(last);
      slider.step = String(step);
      label = el("span", "im-muted", "");
      box.appendChild(button);
      box.appendChild(slider);
      box.appendChild(label);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.on(button, "click", play);
      L.DomEvent.on(slider, "input", function () { stop(); addUpTo(Number(slider.value)); });
      addUpTo(last);
      return box;
    };
    layer.on("add", function () { control.addTo(map); });
    layer.on("remove", function () { stop(); control.remove(); });
    return layer;
  }

  // ---- basemap, choropleth, airports, reference -----------------------------------------------------------
  function pane(map, name, z) {
    if (!map.getPane(name)) { map.createPane(name).style.zIndex = String(z); }
    return name;
  }

  function basemap(map, geo, style) {
    map.getContainer().classList.add("im-map");
    var base = pane(map, "imBase", 150), lines = pane(map, "imAdmin", 350);
    var group = L.layerGroup();
    if (geo.land) { L.geoJSON(geo.land, { pane: base, interactive: false, style: { stroke: false, fillColor: style.land, fillOpacity: 1 } }).addTo(group); }
    if (geo.countries) {
      L.geoJSON(geo.countries, { pane: base, interactive: false, style: { color: style.border, weight: 1, fillColor: style.land, fillOpacity: geo.land ? 0 : 1 } }).addTo(group);
    }
    if (geo.lakes) {  // Natural Earth 10m lakes and reservoirs, over the land
      L.geoJSON(geo.lakes, { pane: base, interactive: false, style: { color: style.shore || "#9fbcd0", weight: 0.6, fillColor: style.water || "#c9dbe8", fillOpacity: 1 } }).addTo(group);
    }
    group.getAttribution = function () { return "Basemap: Natural Earth"; };
    group.admin1 = geo.admin1 || null;
    group.admin1Layer = function () {
      return L.geoJSON(geo.admin1 || { type: "FeatureCollection", features: [] }, {
        pane: lines, interactive: false, style: { color: style.admin1, weight: 0.7, fill: false, dashArray: "2 3" }
      });
    };
    return group;
  }

  function choroplethKey(breaks, colors) {  // the class ranges of the choropleth, shown while the layer is on
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = el("div", "im-legend im-choro-key");
      box.appendChild(el("div", "im-title", "Incidents per admin-1 region"));
      var list = el("ul"), low = 1;
      for (var b = 0; b < breaks.length; b++) {
        var item = el("li"), swatch = el("span", "im-swatch im-choro-swatch");
        swatch.style.background = COLOR.test(colors[b + 1]) ? colors[b + 1] : "#777777";
        item.appendChild(swatch);
        item.appendChild(el("span", null, low === breaks[b] ? low.toLocaleString("en") : low.toLocaleString("en") + "\u2013" + breaks[b].toLocaleString("en")));
        list.appendChild(item);
        low = breaks[b] + 1;
      }
      var none = el("li"), blank = el("span", "im-swatch im-choro-swatch im-choro-none");
      none.appendChild(blank);
      none.appendChild(el("span", null, "none"));
      list.appendChild(none);
      box.appendChild(list);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return control;
  }

  function choropleth(map, admin1, opts) {
    var counts = opts.counts || {}, colors = opts.colors, breaks = opts.breaks;
    function klass(n) {  // 1-based: colors[0] is kept for regions with no incident
      for (var b = 0; b < breaks.length; b++) { if (n <= breaks[b]) { return Math.min(b + 1, colors.length - 1); } }
      return colors.length - 1;
    }
    var index = -1;
    var layer = L.geoJSON(admin1 || { type: "FeatureCollection", features: [] }, {
      pane: pane(map, "imChoro", 300),
      style: function () {
        index++;
        var n = counts[index] || 0;
        return { color: "#555", weight: 0.6, fillColor: colors[n ? klass(n) : 0], fillOpacity: n ? 0.75 : 0.15 };
      },
      onEachFeature: function (feature, lyr) {
        var i = index + 1, name = (feature.properties || {}).name || (feature.properties || {}).admin1 || "";
        lyr.bindTooltip(function () { return el("span", null, clip(name, 80) + ": " + (counts[i] || 0).toLocaleString("en") + " incidents"); });
      }
    });
    var key = choroplethKey(breaks.slice(0, colors.length - 1), colors);
    layer.on("add", function () { key.addTo(map); });
    layer.on("remove", function () { key.remove(); });
    return layer;
  }

  function airports(map, list, opts) {
    var group = L.featureGroup(), below = pane(map, "imAirports", 590);  // under the incidents, after them in tab order
    for (var a = 0; a < list.length; a++) {
      var ap = list[a], codes = [ap.iata, ap.icao].filter(Boolean).join(" / ");
      var marker = L.marker([ap.lat, ap.lon], {
        icon: L.divIcon({ className: "im-airport", html: "\u2708", iconSize: [18, 18], iconAnchor: [9, 9] }),
        pane: below
      });
      marker.on("add", (function (name) {
        return function (e) { nameIcon(e.target.getElement(), name); };
      })("Airport " + (ap.name || "") + (codes ? " (" + codes + ")" : "")));
      marker.bindTooltip(el("span", null, clip(codes + " " + (ap.name || ""), 90)), { direction: "right", offset: [8, 0] });
      var box = el("div", "im-popup");
      box.appendChild(el("div", "im-title", clip(ap.name || ap.iata || ap.icao, 100)));
      var t = el("table"), body = el("tbody");
      t.appendChild(body);
      row(body, "Codes", [ap.iata, ap.icao].filter(Boolean).join(" / "));
      row(body, "Restrictions", "active " + ap.active + ", lifted " + ap.lifted + ", status not stated " + ap.unknown);
      if (ap.last) { row(body, "Latest", ap.last); }
      box.appendChild(t);
      marker.bindPopup(box);
      group.addLayer(marker);
    }
    return pressable(map, group);
  }

  function zoomClass(map) {
    function update() { map.getContainer().classList.toggle("im-zoom-low", map.getZoom() < 5); }
    map.on("zoomend", update);
    map.whenReady(update);
  }

  // Chromium makes an SVG shape with focus listeners (Leaflet's tooltips add them) a tab stop: the reference
  // city and line are not incidents, and often off screen, so they stay out of the tab order.
  function untabbable(e) {
    var node = e.target.getElement();
    if (node) { node.setAttribute("tabindex", "-1"); }
  }

  function reference(map, ref) {
    var group = L.featureGroup(), color = COLOR.test(ref.color) ? ref.color : "#222222";
    zoomClass(map);
    for (var r = 0; r < ref.rings.length; r++) {
      var ring = ref.rings[r];
      L.polyline(ring.coords, { color: color, weight: 1, opacity: 0.6, dashArray: "6 6", interactive: false }).addTo(group);
      L.marker(ring.label, {
        icon: L.divIcon({ className: "im-ring-label", html: "", iconSize: [60, 14], iconAnchor: [30, 7] }),
        interactive: false, keyboard: false
      }).on("add", (function (km) {
        return function (e) { var node = e.target.getElement(); if (node) { node.textContent = km.toLocaleString("en") + " km"; } };
      })(ring.km)).addTo(group);
    }
    var city = L.circleMarker([ref.lat, ref.lon], { radius: 6, color: "#ffffff", weight: 2, fillColor: color, fillOpacity: 1 });
    city.bindTooltip(el("span", null, "Reference: " + clip(ref.name, 60)), { direction: "top" });
    city.on("add", untabbable).addTo(group);
    L.marker([ref.lat, ref.lon], {
      icon: L.divIcon({ className: "im-city-label", html: "", iconSize: [120, 16], iconAnchor: [-8, 8] }),
      interactive: false, keyboard: false, zIndexOffset: 1000
    }).on("add", function (e) { var node = e.target.getElement(); if (node) { node.textContent = clip(ref.name, 40); } }).addTo(group);
    if (ref.line) {
      var line = L.polyline(ref.line.coords, { color: color, weight: 2.5, opacity: 0.9 });
      line.bindTooltip(el("span", null, clip(ref.line.text, 160)), { sticky: true });
      line.on("add", untabbable).addTo(group);
      L.circleMarker(ref.line.coords[ref.line.coords.length - 1], {
        radius: 13, color: color, weight: 2.5, fill: false, interactive: false
      }).addTo(group);
    }
    return group;
  }

  // ---- legend ---------------------------------------------------------------------------------------------
  function legend(map, spec) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", "im-legend");
      var title = el("button", "im-title im-toggle", clip(spec.title, 80));
      title.type = "button";
      title.title = "Show or hide the key";
      title.setAttribute("aria-expanded", "true");
      L.DomEvent.on(title, "click", function () {
        var hidden = box.classList.toggle("im-collapsed");
        title.setAttribute("aria-expanded", hidden ? "false" : "true");
      });
      box.appendChild(title);
      if (map.getSize().y < SMALL_MAP_PX || map.getSize().x < NARROW_MAP_PX) { fold(box, title); }
      var list = el("ul");
      for (var e = 0; e < spec.entries.length; e++) {
        var entry = spec.entries[e], item = el("li");
        var mark = el("span", "im-swatch");
        mark.innerHTML = entry.region ? regionSvg(spec.types[entry.type] || {}, 14)
          : entry.approximate ? approxSvg(spec.types[entry.type] || {}, "", 14)
          : svgIcon(spec.types[entry.type], entry.status || "", 14);  // constants only
        item.appendChild(mark);
        item.appendChild(el("span", null, entry.label));
        if (entry.count !== null && entry.count !== undefined) { item.appendChild(el("span", "im-count", Number(entry.count).toLocaleString("en"))); }
        list.appendChild(item);
      }
      box.appendChild(list);
      if (spec.note) { box.appendChild(el("div", "im-muted", spec.note)); }
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      whenSettled(map, function () { if (hidesIncidents(map, box)) { fold(box, title); } });  // after the fit
      return box;
    };
    return control.addTo(map);
  }

  // `done` once the map's first view is final: after the fit's animated zoom or pan when it makes one (its moveend),
  // else on the frame after the script's fit (Leaflet starts an animated zoom on the next animation frame, so a
  // plain setTimeout would still see the view from before the fit).
  function whenSettled(map, done) {
    var called = false;
    function once() {
      if (called) { return; }
      called = true;
      map.off("moveend", once);
      done();
    }
    map.on("moveend", once);
    setTimeout(function () {
      L.Util.requestAnimFrame(function () {
        var panning = map._panAnim && map._panAnim._inProgress;  // Leaflet 1.9.4 (vendored) animation state
        if (!map._animatingZoom && !panning) { once(); }
      });
    }, 0);
  }

  function fold(box, title) {
    box.classList.add("im-collapsed");
    title.setAttribute("aria-expanded", "false");
  }

  // Would the open key cover an incident of this map? Then it starts folded (one click opens it).
  function hidesIncidents(map, box) {
    var key = box.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
    for (var g = 0; g < instances.length; g++) {
      var data = instances[g].incidentData;
      if (instances[g]._map !== map || !data) { continue; }
      var step = Math.max(1, Math.floor(data.n / 20000));  // a sample is enough on very large maps
      for (var i = 0; i < data.n; i += step) {
        var p = map.latLngToContainerPoint(data.latlng(i)), x = p.x + frame.left, y = p.y + frame.top;
        if (x >= key.left - 8 && x <= key.right + 8 && y >= key.top - 8 && y <= key.bottom + 8) { return true; }
      }
    }
    return false;
  }

  // ---- server clusters: counts the server aggregated for the view (a selection too large for the browser) --------
  function serverClusters(map, payload, opts) {
    var group = L.featureGroup(), types = opts.types;
    for (var c = 0; c < payload.n.length; c++) {
      var n = payload.n[c], counts = payload.t[c] || [n];
      var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : n < 100000 ? 48 : 54;
      var label = n < 10000 ? String(n) : n < 1000000 ? (n / 1000).toFixed(n < 100000 ? 1 : 0) + "k" : (n / 1000000).toFixed(1) + "M";
      var icon = L.divIcon({ html: "<div><span></span></div>", className: "im-cluster im-server-cluster", iconSize: L.point(size, size) });
      var marker = L.marker([payload.lat[c], payload.lon[c]], { icon: icon, n: n });
      marker.on("add", (function (ring, text, count) {
        return function (e) {
          var node = e.target.getElement();
          if (!node) { return; }
          node.style.background = ring;  // colours checked against COLOR: no data reaches the style
          node.querySelector("span").textContent = text;
          node.setAttribute("aria-label", "Cluster of " + count.toLocaleString("en") + " incidents");
        };
      })(typeRing(counts, types, n || 1), label, n));
      marker.bindTooltip(el("span", null, n.toLocaleString("en") + " incidents \u00b7 zoom in for markers"), { direction: "top" });
      group.addLayer(marker);
    }
    group.on("click", function (e) {
      var target = e.layer || e.propagatedFrom;
      if (target && target.getLatLng) { map.setView(target.getLatLng(), Math.min(map.getZoom() + 2, map.getMaxZoom())); }
    });
    return pressable(map, group);
  }

  function forget(group) {
    var at = instances.indexOf(group);
    if (at >= 0) { instances.splice(at, 1); }
  }

  // ---- the live map: one Leaflet map whose parts (basemap, incidents, airports, reference, legend) are replaced
  // when their id changes; the view stays where the user left it. hooks: clicked({i, v, view}), view(view),
  // needBasemap(id). ------------------------------------------------------------------------------------------
  var basemaps = {};  // basemap id -> its geometry, kept for the page's life (the server sends it once)

  function Live(container, spec, hooks) {
    this.hooks = hooks;
    this.parts = {};
    this.spec = spec;
    var map = this.map = L.map(container, { minZoom: spec.minZoom, maxZoom: spec.maxZoom, worldCopyJump: false });
    L.control.scale().addTo(map);
    this.control = L.control.layers(null, null, { collapsed: true, position: "topright" }).addTo(map);
    if (spec.tiles) { L.tileLayer(spec.tiles.url, { maxZoom: spec.maxZoom, attribution: spec.tiles.attribution }).addTo(map); }
    var self = this, timer = null, fitted = false;
    map.on("moveend", function () {  // one report per settled view, carrying the place-name request too
      if (!self.spec.report) { return; }
      clearTimeout(timer);
      var held = fitted && self.covered();  // what was sent holds this view: only names may be missing
      if (!held && self.spec.incidents.clusters && fitted) { self.waiting(true); }  // the first fit shows what it was sent
      fitted = true;
      timer = setTimeout(function () {
        var labels = self.placeLabels ? self.placeLabels.wanted() : null;
        if (held && !labels) { return; }  // nothing to ask: no round trip, nothing redrawn
        var view = held && self.reported ? self.reported : self.view();  // held: the incidents' view stays as it is
        self.reported = view;
        self.hooks.view(Object.assign({}, view, { labels: labels }));
      }, 250);
    });
    if (spec.view) { map.setView(spec.view.center, spec.view.zoom); } else { map.fitBounds(spec.fit, { padding: [30, 30], maxZoom: spec.fitMaxZoom }); }
  }

  Live.prototype.view = function () {
    var b = this.map.getBounds(), c = this.map.getCenter();
    return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(), zoom: this.map.getZoom(),
      center: [c.lat, c.lng] };
  };

  // Does the region the server sent incidents for (spec.incidents.covers) hold the current view? Markers hold at
  // any closer zoom (the browser clusters them); server clusters only at the zoom they were made for.
  Live.prototype.covered = function () {
    var cov = this.spec.incidents.covers, b = this.map.getBounds(), zoom = this.map.getZoom();
    if (!cov || (cov.markers ? zoom < cov.zoom : zoom !== cov.zoom)) { return false; }
    return b.getSouth() >= cov.south && b.getNorth() <= cov.north && b.getWest() >= cov.west && b.getEast() <= cov.east;
  };

  Live.prototype.waiting = function (on) {
    var container = this.map.getContainer();
    if (!this.note) { this.note = loadingNote(this.map); }
    if (on) { this.note.progress(0, 1); } else { this.note.progress(1, 1); }
    container.setAttribute("data-waiting", on ? "1" : "0");
  };

  Live.prototype.swap = function (name, id, make, label, shown) {
    var old = this.parts[name];
    if (old && old.id === id) { return false; }
    var wasOn = old && old.layer ? this.map.hasLayer(old.layer) : shown;
    if (old && old.layer) {
      this.map.removeLayer(old.layer);
      if (label) { this.control.removeLayer(old.layer); }
      forget(old.layer);
    }
    var layer = make();
    this.parts[name] = { id: id, layer: layer };
    if (!layer) { return true; }
    if (label) { this.control.addOverlay(layer, label); }
    if (wasOn) { layer.addTo(this.map); }
    return true;
  };

  Live.prototype.update = function (spec) {
    var self = this, map = this.map, geo = spec.basemap.geo || basemaps[spec.basemap.id];
    this.spec = spec;
    if (spec.basemap.geo) { basemaps[spec.basemap.id] = spec.basemap.geo; }
    if (!geo) { this.hooks.needBasemap(spec.basemap.id); } else {
      this.swap("basemap", spec.basemap.id, function () { return basemap(map, geo, spec.basemap.style); },
        "Offline basemap (Natural Earth)", !spec.tiles);
      this.swap("admin1", spec.basemap.id, function () { return self.parts.basemap.layer.admin1Layer(); },
        "Admin-1 boundaries", spec.basemap.admin1);
    }
    var inc = spec.incidents;
    this.swap("clusters", inc.id, function () { return inc.clusters ? serverClusters(map, inc.clusters, inc.options) : null; },
      inc.clusters ? "Incident clusters" : null, true);
    this.swap("markers", inc.id, function () {
      if (!inc.payload) { return null; }
      var data = new Data(inc.payload), group = markers(map, data, inc.options);
      group.on("click", function (e) {
        var marker = e.layer || e.propagatedFrom;
        if (marker && marker.options.i !== undefined) { self.hooks.clicked({ i: marker.options.i, v: inc.id, view: self.view() }); }
      });
      return group;
    }, inc.label, true);
    this.swap("airports", spec.airports.id, function () { return airports(map, spec.airports.list, {}); },
      "Airports named by incidents", spec.airports.show);
    this.swap("reference", spec.reference.id, function () { return reference(map, spec.reference.payload); },
      spec.reference.label, true);
    var oldKey = this.parts.legend;
    if (!oldKey || oldKey.id !== spec.legend.id) {
      var folded = oldKey ? oldKey.layer.getContainer().classList.contains("im-collapsed") : null;
      if (oldKey) { oldKey.layer.remove(); }
      var key = legend(map, spec.legend.spec), box = key.getContainer(), title = box.querySelector(".im-toggle");
      if (folded !== null) {
        box.classList.toggle("im-collapsed", folded);
        title.setAttribute("aria-expanded", folded ? "false" : "true");
      }
      this.parts.legend = { id: spec.legend.id, layer: key };
    }
    if (global.IncidentMap.liveArchive) { global.IncidentMap.liveArchive(this, spec.archive); }  // tilearchive.js
    if (global.IncidentMap.liveLabels) { global.IncidentMap.liveLabels(this, spec.labels); }  // placelabels.js
    this.waiting(false);
    map.getContainer().setAttribute("data-version", String(inc.id));
  };

  var lives = [];  // the live maps of this page (for tests and benchmarks)

  function live(container, spec, hooks) {
    var view = new Live(container, spec, hooks);
    view.update(spec);
    lives.push(view);
    view.map.on("unload", function () { lives.splice(lives.indexOf(view), 1); });
    return view;
  }

  global.IncidentMap = {
    Data: Data, decode: function (p) { return new Data(p); }, markers: markers, heat: heat, playback: playback,
    basemap: basemap, choropleth: choropleth, airports: airports, reference: reference, legend: legend,
    serverClusters: serverClusters, live: live, lives: lives, popupContent: popupContent, svgIcon: svgIcon, instances: instances
  };
})(window);
