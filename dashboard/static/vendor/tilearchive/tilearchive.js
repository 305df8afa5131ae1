/* The user's own offline basemap (project code, MIT): draws the tile archive the app serves from this machine
 * (INCIDENT_MAP_BASEMAP) under the incidents and place names: vector PMTiles through protomaps-leaflet (vendored,
 * loaded on first use), raster MBTiles as plain tiles. The archive's credit is shown as text (escaped). */
(function (global) {
  "use strict";
  var script = document.currentScript && document.currentScript.src ? document.currentScript.src : "";
  var vendorBase = script.replace(/tilearchive\/tilearchive\.js(\?.*)?$/, "");
  var loading = null;

  function escaped(text) {  // Leaflet puts attribution in innerHTML
    return String(text || "").replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function loadProtomaps() {
    if (global.protomapsL) { return Promise.resolve(); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = vendorBase + "protomaps-leaflet/protomaps-leaflet.js";
        tag.onload = resolve;
        tag.onerror = function () { reject(new Error("could not load protomaps-leaflet")); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function pane(map) {
    if (!map.getPane("imArchive")) {
      var node = map.createPane("imArchive");
      node.style.zIndex = 200;  // over the Natural Earth land (150), under admin-1 lines (350), names and incidents
      node.style.pointerEvents = "none";
    }
    return "imArchive";
  }

  // A promise of the Leaflet layer for an archive part {kind, url, credit, minZoom, maxZoom}.
  function archiveLayer(map, part) {
    var credit = escaped(part.credit);
    if (part.kind === "mbtiles") {
      return Promise.resolve(global.L.tileLayer(part.url, {
        pane: pane(map), minNativeZoom: part.minZoom, maxNativeZoom: part.maxZoom, maxZoom: 22, attribution: credit
      }));
    }
    return loadProtomaps().then(function () {
      var layer = global.protomapsL.leafletLayer({
        url: part.url, flavor: "light", lang: "en", pane: pane(map), attribution: credit, maxDataZoom: part.maxZoom
      });
      layer.backgroundColor = undefined;  // no grey where the archive has no tile: the Natural Earth basemap shows
      return layer;
    });
  }

  // The live map's hook (IncidentMap.live calls it on every update): one archive layer per map.
  function liveArchive(live, part) {
    if (!part || !part.url || live.archiveUrl === part.url) { return; }
    live.archiveUrl = part.url;
    archiveLayer(live.map, part).then(function (layer) {
      live.archiveLayer = layer;
      live.control.addOverlay(layer, "Your basemap (" + (part.kind === "mbtiles" ? "raster" : "vector") + " tiles)");
      layer.addTo(live.map);
      live.map.getContainer().setAttribute("data-archive", part.kind);
    }).catch(function (error) { live.map.getContainer().setAttribute("data-archive-error", error.message); });
  }

  if (global.IncidentMap) {
    global.IncidentMap.archiveLayer = archiveLayer;
    global.IncidentMap.liveArchive = liveArchive;
  }
})(window);
