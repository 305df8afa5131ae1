"""Folium elements that hand escaped JSON payloads to the browser-side IncidentMap code (one script line each)."""

from __future__ import annotations

from typing import Any

from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.elements import ElementAddToElement, JSCSSMixin
from folium.map import Layer
from jinja2 import Template

from dashboard.escape import js_json
from dashboard.maps.assets import ASSETS, STATIC_BASE
from dashboard.maps.labels import LABEL_ZOOMS_FROM, LAYER_NAME


def _links(*names: str) -> list[tuple[str, str]]:
    return [(name, f"{STATIC_BASE}/{ASSETS[name]}") for name in names]


CORE_JS = _links("incidentmap")
CORE_CSS = _links("incidentmap_css")


class Verbatim(Element):
    """Script text added to the page as is (branca would parse it again as a Jinja template)."""

    def __init__(self, text: str):
        super().__init__("")
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class VerbatimRender:
    """render() for our elements: header links, the add-to-map line for shown layers, the script verbatim."""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        for name, url in getattr(self, "default_js", []):
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in getattr(self, "default_css", []):
            figure.header.add_child(CssLink(url), name=name)
        if isinstance(self, Layer) and self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(), element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        figure.script.add_child(Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class RawJs(str):
    """JS source that is already escaped (js_json output), passed through as is."""


class JsValue(VerbatimRender, JSCSSMixin, MacroElement):
    """A JS variable set to IncidentMap.<function>(<arguments>), with `data` as one escaped JSON argument."""

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = IncidentMap.{{ this.function }}("
        "{{ this.arguments() }});{% endmacro %}"
    )
    default_js = CORE_JS
    default_css = CORE_CSS
    function = ""

    def __init__(self, name: str, data: Any):
        super().__init__()
        self._name = name
        self.data = data
        self.data_js = js_json(data)

    def arguments(self) -> str:
        """The call's arguments as JS source."""
        return self.data_js


class IncidentData(JsValue):
    """The compact incident payload, decoded once into a JS variable the incident layers share."""

    function = "decode"

    def __init__(self, payload: dict[str, Any]):
        super().__init__("IncidentData", payload)
        self.payload = payload


class JsLayer(VerbatimRender, JSCSSMixin, Layer):
    """A layer made by IncidentMap.<factory>(map, <source>, <options>) and listed in the layer control."""

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = IncidentMap.{{ this.factory }}("
        "{{ this._parent.get_name() }}, {{ this.source_js() }}, {{ this.options_js }});{% endmacro %}"
    )
    default_js = CORE_JS
    default_css = CORE_CSS

    def __init__(self, factory: str, name: str, *, source: Any = None, options: dict[str, Any] | None = None,
                 show: bool = True, control: bool = True, kind: str = ""):
        super().__init__(name=name, overlay=True, control=control, show=show)
        self._name = "IncidentLayer"
        self.factory = factory
        self.kind = kind or factory
        self.source = source
        self.options = options or {}
        self.options_js = js_json(self.options)

    def source_js(self) -> str:
        """The source argument: another element's JS variable (named at render time) or an escaped JSON literal."""
        if isinstance(self.source, RawJs):
            return str(self.source)
        if isinstance(self.source, MacroElement):
            return self.source.get_name()
        if isinstance(self.source, tuple):  # (element, attribute)
            return f"{self.source[0].get_name()}.{self.source[1]}"
        return js_json(self.source)


class MethodLayer(VerbatimRender, JSCSSMixin, Layer):
    """A layer returned by a method of another element's JS object, e.g. the basemap's admin-1 lines."""

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = {{ this.owner.get_name() }}.{{ this.method }}();{% endmacro %}"
    )
    default_js = CORE_JS

    def __init__(self, owner: MacroElement, method: str, name: str, show: bool = True, kind: str = ""):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "IncidentLayer"
        self.owner = owner
        self.method = method
        self.kind = kind or method


class Legend(JsValue):
    """The legend control: symbol, label and count per event type, restriction status, notes."""

    function = "legend"

    def __init__(self, spec: dict[str, Any]):
        super().__init__("Legend", spec)
        self.spec = spec

    def arguments(self) -> str:
        """The map, then the legend's spec."""
        return f"{self._parent.get_name()}, {self.data_js}"


def plugin_links(kind: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The vendored JS and CSS a layer kind needs besides Leaflet and IncidentMap."""
    if kind == "cluster":
        return _links("markerclusterjs", "incidentmap"), _links("markerclustercss", "markerclusterdefaultcss", "incidentmap_css")
    if kind == "heat":
        return _links("leaflet-heat.js", "incidentmap"), CORE_CSS
    return CORE_JS, CORE_CSS


def with_plugins(layer: JsLayer) -> JsLayer:
    """Give a layer the plugin files its kind needs (instance attributes, the class stays untouched)."""
    layer.default_js, layer.default_css = plugin_links(layer.kind)
    return layer


class PlaceLabels(JsLayer):
    """The standalone map's label layer: IncidentMap.placeLabels(map, rows, options) from placelabels.js."""

    default_js = CORE_JS + _links("placelabels")
    default_css = CORE_CSS + _links("placelabels_css")

    def __init__(self, rows: list[list[Any]], show: bool = True, base_zoom: int = LABEL_ZOOMS_FROM):
        super().__init__("placeLabels", LAYER_NAME, source=rows, options={"base": base_zoom}, show=show, kind="labels")
        self.rows = rows
