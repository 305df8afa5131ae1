/* incident-map's Streamlit component (project code, MIT): loads the vendored Leaflet and the shared IncidentMap code
 * once per page, keeps one live map per key across reruns (and remounts) and hands the data of each rerun to it;
 * marker clicks and the view go back to Python. Drawing lives in incidentmap.js, shared with the HTML export. */
// <vendor-loader> (also run alone, early in the page: dashboard/components/preload.py)
const SCRIPTS = ["leaflet/leaflet.js", "leaflet.markercluster/leaflet.markercluster.js", "incidentmap/incidentmap.js",
  "placelabels/placelabels.js", "tilearchive/tilearchive.js"];
const STYLES = ["leaflet/leaflet.css", "leaflet.markercluster/MarkerCluster.css",
  "leaflet.markercluster/MarkerCluster.Default.css", "incidentmap/incidentmap.css", "placelabels/placelabels.css"];
function vendorUrl(base, path) { return new URL(base + path, document.baseURI).href; }

function addScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.async = false;
    script.onload = resolve;
    script.onerror = () => reject(new Error("could not load " + url));
    document.head.appendChild(script);
  });
}

function loadVendor(base) {
  // one load per page, shared with the preloading element (dashboard/components/preload.py):
  // every file is requested at once and the scripts run in list order (async=false)
  if (!window.__incidentMapVendor) {
    for (const path of STYLES) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = vendorUrl(base, path);
      document.head.appendChild(link);
    }
    const wanted = SCRIPTS.filter((path) => !(window.IncidentMap && path.startsWith("incidentmap")));
    window.__incidentMapVendor = Promise.all(wanted.map((path) => addScript(vendorUrl(base, path))));
  }
  return window.__incidentMapVendor;
}

// </vendor-loader>
const maps = new Map();  // key -> {container, live}: the map outlives a React remount (the layout changed)
const views = new Map();  // key -> the last view of a map that was dropped: a new one starts there
let lastRaw = null, lastData = null;
let drawnSaid = false;  // the page's first map said it was drawn (the page then sends what it held back)

function decoded(raw) {  // the map's data: UTF-8 JSON bytes (encoded once by the server)
  if (!(raw instanceof Uint8Array)) { return raw; }
  if (raw !== lastRaw) { lastRaw = raw; lastData = JSON.parse(new TextDecoder().decode(raw)); }
  return lastData;
}

function entryFor(data, parentElement, hooks) {
  let entry = maps.get(data.key);
  if (!entry) {
    const container = document.createElement("div"), inner = document.createElement("div");
    container.setAttribute("data-testid", "incident-map");
    inner.className = "im-live";
    inner.style.height = "100%";
    inner.textContent = "Loading the map\u2026";
    container.appendChild(inner);
    entry = { container: container, inner: inner, live: null, hooks: hooks };
    maps.set(data.key, entry);
  }
  entry.hooks = hooks;
  entry.container.style.height = data.height + "px";
  if (entry.container.parentNode !== parentElement) {
    parentElement.appendChild(entry.container);
    if (entry.live) { entry.live.map.invalidateSize(); }
  }
  return entry;
}

export default function (component) {
  const { parentElement, setStateValue, setTriggerValue } = component;
  const data = decoded(component.data);
  if (!data) { return undefined; }
  const hooks = {
    clicked: (value) => setTriggerValue("clicked", value),
    view: (value) => setStateValue("view", value),
    needBasemap: (id) => setStateValue("need_basemap", id),
    needLabels: (view) => setStateValue("labels_view", view),
    drawn: () => setTriggerValue("drawn", true),
  };
  const entry = entryFor(data, parentElement, hooks);
  const relay = {  // the latest mount's callbacks, also for a map made by an earlier mount
    clicked: (value) => entry.hooks.clicked(value),
    view: (value) => entry.hooks.view(value),
    needBasemap: (id) => entry.hooks.needBasemap(id),
    needLabels: (view) => entry.hooks.needLabels(view),
  };
  const saidDrawn = () => {  // once per page, after the browser painted the first map (a frame, then a task)
    if (drawnSaid) { return; }
    drawnSaid = true;
    requestAnimationFrame(() => setTimeout(() => entry.hooks.drawn(), 0));
  };
  loadVendor(data.static).then(() => {
    if (entry.live) {
      entry.live.update(data.spec);
    } else {
      entry.inner.textContent = "";
      const spec = views.has(data.key) ? { ...data.spec, view: views.get(data.key) } : data.spec;
      entry.live = window.IncidentMap.live(entry.inner, spec, relay);
    }
    saidDrawn();
  }).catch((error) => { entry.inner.textContent = "The map could not be drawn: " + error.message; saidDrawn(); });
  return () => {  // unmounted: drop the map unless a new mount took its container (a layout change)
    setTimeout(() => {
      if (!entry.container.isConnected && maps.get(data.key) === entry) {
        if (entry.live) { views.set(data.key, entry.live.view()); entry.live.map.remove(); }
        maps.delete(data.key);
      }
    }, 3000);
  };
}
