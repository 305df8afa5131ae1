/* Place-name labels (project code, MIT): draws the GeoNames place names the server chose for a view (rows
 * [lat, lon, name, rank, code]) under the incidents, those in view: code has one character per zoom from the base
 * zoom on, the name's side of its dot there (0 right, 1 left, 2 above, 3 below, 4-7 the diagonals: below right,
 * above right, below left, above left) or '-' (not at that zoom).
 * Names go in with textContent (never innerHTML). In the live app the layer asks for the labels of a new view
 * (live.hooks.needLabels) and keeps drawing the ones it has until they come: panning never waits for them. */
(function (global) {
  "use strict";
  var RANKS = ["city", "town", "village"];
  var MAX_SHOWN = 400;  // never more markers than this on screen
  var requests = 0;  // numbers each request, so a new map's first request is never taken for an answered one

  function pane(map) {
    if (!map.getPane("imLabels")) {
      var node = map.createPane("imLabels");
      node.style.zIndex = 450;  // above the basemap and lines (150-350), below airports (590) and incidents (600)
      node.style.pointerEvents = "none";
    }
    return "imLabels";
  }

  var PlaceLabels = global.L ? global.L.Layer.extend({
    options: { attribution: "Place names: GeoNames (CC BY 4.0)", request: null, viaView: null, base: 0 },

    initialize: function (rows, options) {
      global.L.setOptions(this, options);
      this.rows = rows || [];
      this.box = null;  // live: the box and zoom the rows were chosen for
      this.zoom = null;
      this.shown = {};  // key -> marker
    },

    onAdd: function (map) {
      this.group = global.L.layerGroup().addTo(map);
      map.on("moveend", this.redraw, this);
      this.redraw();
    },

    onRemove: function (map) {
      map.off("moveend", this.redraw, this);
      map.removeLayer(this.group);
      this.shown = {};
      clearTimeout(this.timer);
    },

    getAttribution: function () { return this.options.attribution; },

    setRows: function (rows, box, zoom) {
      this.rows = rows || [];
      this.box = box || null;
      this.zoom = zoom === undefined ? null : zoom;
      if (this.zoom !== null) { this.options.base = this.zoom; }
      if (this._map) { this.redraw(); }
    },

    marker: function (row, position) {
      var rank = RANKS[row[3]] || "village", name = String(row[2]);
      return global.L.marker([row[0], row[1]], {
        icon: global.L.divIcon({ className: "im-place im-place-" + rank, html: "", iconSize: [0, 0], iconAnchor: [0, 0] }),
        interactive: false, keyboard: false, pane: pane(this._map)
      }).on("add", function (e) {
        var node = e.target.getElement();
        if (!node) { return; }
        var text = document.createElement("span");
        text.className = "im-place-p" + position;
        text.textContent = name;
        node.textContent = "";
        node.appendChild(text);
        node.setAttribute("aria-hidden", "true");
      });
    },

    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var zoom = map.getZoom(), bounds = map.getBounds().pad(0.1), wanted = {}, count = 0;
      var at = Math.round(zoom) - this.options.base, rows = this.rows;
      if (this.zoom !== null && Math.round(zoom) < this.zoom) { rows = []; }  // live, zoomed out: wait for the answer
      for (var r = 0; r < rows.length && count < MAX_SHOWN && at >= 0; r++) {
        var row = rows[r], code = String(row[4] || ""), c = code.charAt(Math.min(at, code.length - 1));
        if (!/[0-7]/.test(c) || !bounds.contains([row[0], row[1]])) { continue; }  // past the last zoom: the last
        wanted[row[0] + "," + row[1] + "," + row[2] + "," + c] = [row, +c];
        count++;
      }
      for (var key in this.shown) {
        if (!wanted[key]) { this.group.removeLayer(this.shown[key]); delete this.shown[key]; }
      }
      for (var want in wanted) {
        if (!this.shown[want]) { this.shown[want] = this.marker(wanted[want][0], wanted[want][1]).addTo(this.group); }
      }
      this._map.getContainer().setAttribute("data-place-labels", String(count));
      this.ask();
    },

    covered: function () {  // live: do the rows held answer this view?
      var map = this._map, b = map.getBounds();
      return this.box && this.zoom === map.getZoom() && b.getSouth() >= this.box[0] && b.getWest() >= this.box[1] &&
        b.getNorth() <= this.box[2] && b.getEast() <= this.box[3];
    },

    wanted: function () {  // live: this view's request, or null when the rows held answer it; the same view
      // gives the same request (same n), so the server answers it once
      if (!this._map || this.covered()) { return null; }
      var b = this._map.getBounds(), key = b.toBBoxString() + "/" + this._map.getZoom();
      if (key !== this.asked) {
        this.asked = key;
        requests += 1;
        this.lastRequest = { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(),
          zoom: this._map.getZoom(), n: requests };
      }
      return this.lastRequest;
    },

    ask: function () {  // live: ask the server for this view's labels once the map rests (unless the map's view
      // report carries the request: options.viaView() is true)
      var self = this, request = this.options.request;
      if (!request || (this.options.viaView && this.options.viaView())) { return; }
      clearTimeout(this.timer);
      this.timer = setTimeout(function () {
        if (!self._map || self.covered()) { return; }
        var key = self._map.getBounds().toBBoxString() + "/" + self._map.getZoom();
        if (key === self.asked) { return; }  // asked already (an answer that never comes is not asked for again)
        request(self.wanted());
      }, 150);
    }
  }) : null;

  function placeLabels(map, rows, opts) {
    return new PlaceLabels(rows, opts || {});
  }

  // The live map's hook (IncidentMap.live calls it on every update): one label layer per map, fed by spec.labels.
  function liveLabels(live, part) {
    if (!live.placeLabels) {
      live.placeLabels = placeLabels(live.map, [], {
        request: function (view) { if (live.hooks.needLabels) { live.hooks.needLabels(view); } },
        viaView: function () { return !!live.spec.report; }  // the view report carries the request (incidentmap.js)
      });
      live.control.addOverlay(live.placeLabels, "Place names (GeoNames)");
      if (!live.spec.tiles) { live.placeLabels.addTo(live.map); }  // online tiles carry their own names
    }
    var layer = live.placeLabels;
    if (part && part.rows && part.id !== layer.heldId) {
      layer.heldId = part.id;
      layer.setRows(part.rows, part.box, part.zoom);
    } else if (part && !part.rows && part.id !== layer.heldId && part.id !== layer.missed && layer._map) {
      // the server sent this answer with a run whose element the browser never drew (a newer run replaced it before
      // it was shown): ask once more, as a new request, so that the next run answers it again
      layer.missed = part.id;
      layer.asked = null;
      var again = layer.wanted();
      if (!again) { return; }
      if (live.spec.report) { live.hooks.view(Object.assign({}, live.reported || live.view(), { labels: again })); }
      else { layer.options.request(again); }
    } else if (layer._map) {
      layer.ask();
    }
  }

  if (global.IncidentMap) {
    global.IncidentMap.placeLabels = placeLabels;
    global.IncidentMap.liveLabels = liveLabels;
  }
})(window);
