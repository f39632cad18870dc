"""Static pieces of the rumour-graph HTML page: styles, colours, CSS and JS.

Kept apart from :mod:`graph.render` so the renderer reads as logic and this
file as data.  Nothing here contains user text; every string that comes from
the graph is escaped by the renderer before it reaches the page.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = [
    "ACTOR_KIND_STYLE",
    "CLAIM_STATUS_STYLE",
    "DEFAULT_ACTOR_STYLE",
    "EDGE_TYPE_STYLE",
    "PAGE_CSS",
    "PAGE_JS",
    "STANCE_STYLE",
]

#: actor kind -> vis-network shape and colour (background, border).
ACTOR_KIND_STYLE: Final[dict[str, dict[str, str]]] = {
    "person": {"shape": "dot", "background": "#4e79a7", "border": "#2f4b69"},
    "organization": {"shape": "square", "background": "#f28e2b", "border": "#a85d14"},
    "media": {"shape": "diamond", "background": "#17becf", "border": "#0f7f8a"},
    "group": {"shape": "hexagon", "background": "#9c755f", "border": "#5f4535"},
    "anonymous": {"shape": "triangle", "background": "#6b6b6b", "border": "#333333"},
}
DEFAULT_ACTOR_STYLE: Final[dict[str, str]] = {
    "shape": "dot",
    "background": "#cccccc",
    "border": "#888888",
}

#: claim status -> box colours; claims are always boxes.
CLAIM_STATUS_STYLE: Final[dict[str, dict[str, str]]] = {
    "unverified": {"background": "#fde9b0", "border": "#c9a227"},
    "denied": {"background": "#f8c4c4", "border": "#d62728"},
    "confirmed": {"background": "#c7ecc7", "border": "#2ca02c"},
    "disputed": {"background": "#e0cdf2", "border": "#9467bd"},
}

#: statement stance -> edge colour, width and dash pattern (False = solid).
STANCE_STYLE: Final[dict[str, dict[str, Any]]] = {
    "asserts": {"color": "#555555", "width": 1.5, "dashes": False},
    "reports": {"color": "#8a8a8a", "width": 1.5, "dashes": [6, 4]},
    "confirms": {"color": "#2ca02c", "width": 3.5, "dashes": False},
    "denies": {"color": "#d62728", "width": 3.5, "dashes": [10, 5]},
    "questions": {"color": "#ff7f0e", "width": 2.0, "dashes": [2, 4]},
    "no_comment": {"color": "#b0b0b0", "width": 1.0, "dashes": [1, 4]},
}

#: non-statement edge types -> edge colour, width and dash pattern.
EDGE_TYPE_STYLE: Final[dict[str, dict[str, Any]]] = {
    "about": {"color": "#9fb3c8", "width": 1.0, "dashes": [3, 3]},
    "affiliation": {"color": "#8c564b", "width": 2.0, "dashes": False},
    "relay": {"color": "#17becf", "width": 1.5, "dashes": [8, 3, 2, 3]},
}

PAGE_CSS: Final[str] = """
html, body { margin: 0; padding: 0; height: 100%; font-family: sans-serif; }
body { display: flex; flex-direction: row; }
#rg-panel { width: 290px; min-width: 290px; height: 100vh; overflow-y: auto;
  box-sizing: border-box; padding: 8px 10px; border-right: 1px solid #ddd;
  background: #fafafa; font-size: 13px; }
#rg-panel h1 { font-size: 17px; margin: 2px 0 6px 0; word-wrap: break-word; }
#rg-panel fieldset { border: 1px solid #ddd; margin: 6px 0; padding: 4px 8px; }
#rg-panel legend { font-weight: bold; }
#rg-panel label { display: block; white-space: nowrap; }
#rg-panel input[type=date] { width: 130px; }
#rg-panel input[type=search] { width: 170px; }
#rg-note { background: #fff3cd; border: 1px solid #e0c36a; padding: 4px 6px;
  margin: 4px 0; }
#rg-search-msg, #rg-visible { color: #555; }
.rg-sw { display: inline-block; width: 12px; height: 12px; margin-right: 4px;
  vertical-align: middle; border: 1px solid; }
#rg-legend svg { vertical-align: middle; margin-right: 4px; }
#rg-legend div { white-space: nowrap; }
.card { flex: 1; position: relative; min-width: 0; }
#mynetwork { float: none !important; border: none !important; }
div.vis-tooltip { white-space: pre-wrap !important; max-width: 460px;
  font-family: sans-serif !important; font-size: 12px !important; }
"""

# The network object is a global in pyvis's template (``var network``); this
# script runs after it.  Filters only toggle ``hidden`` through the DataSets.
PAGE_JS: Final[str] = """
(function () {
  "use strict";
  var net = window.network;
  window.network = net;
  var nodesDS = net.body.data.nodes;
  var edgesDS = net.body.data.edges;
  net.once("stabilizationIterationsDone", function () {
    net.setOptions({physics: false});
    document.body.setAttribute("data-stabilised", "1");
  });

  function checked(name) {
    var out = {};
    document.querySelectorAll("input[name='" + name + "']").forEach(function (b) {
      out[b.value] = b.checked;
    });
    return out;
  }

  function applyFilters() {
    var statuses = checked("rg-status");
    var kinds = checked("rg-kind");
    var from = document.getElementById("rg-from").value;
    var to = document.getElementById("rg-to").value;
    var dated = Boolean(from || to);
    var hasStmt = {};
    var shownStmt = {};
    var edgeOk = {};
    edgesDS.forEach(function (e) {
      if (e.rg_type !== "statement") { return; }
      var d = (e.rg_date || "").slice(0, 10);
      var ok = !dated || (d !== "" && (!from || d >= from) && (!to || d <= to));
      edgeOk[e.id] = ok;
      hasStmt[e.from] = true;
      hasStmt[e.to] = true;
      if (ok) { shownStmt[e.from] = true; shownStmt[e.to] = true; }
    });
    var hiddenNode = {};
    var nodeUpdates = [];
    nodesDS.forEach(function (n) {
      var hide = false;
      if (n.rg_type === "claim" && statuses[n.rg_status] === false) { hide = true; }
      if (n.rg_type === "actor" && kinds[n.rg_kind] === false) { hide = true; }
      if (dated && hasStmt[n.id] && !shownStmt[n.id]) { hide = true; }
      hiddenNode[n.id] = hide;
      if (Boolean(n.hidden) !== hide) { nodeUpdates.push({id: n.id, hidden: hide}); }
    });
    var edgeUpdates = [];
    edgesDS.forEach(function (e) {
      var hide = hiddenNode[e.from] || hiddenNode[e.to] || edgeOk[e.id] === false;
      if (Boolean(e.hidden) !== hide) { edgeUpdates.push({id: e.id, hidden: hide}); }
    });
    if (nodeUpdates.length) { nodesDS.update(nodeUpdates); }
    if (edgeUpdates.length) { edgesDS.update(edgeUpdates); }
    var shown = 0;
    nodesDS.forEach(function (n) { if (!n.hidden) { shown += 1; } });
    document.getElementById("rg-visible").textContent =
      shown + " of " + nodesDS.length + " nodes visible";
  }

  var lastQuery = "";
  var lastHits = [];
  var hitIndex = -1;
  function search() {
    var q = document.getElementById("rg-search").value.trim().toLowerCase();
    var msg = document.getElementById("rg-search-msg");
    if (!q) { msg.textContent = ""; net.unselectAll(); return; }
    if (q !== lastQuery) {
      lastQuery = q;
      lastHits = nodesDS.getIds({filter: function (n) {
        return !n.hidden && (n.rg_search || "").indexOf(q) !== -1;
      }});
      hitIndex = -1;
    }
    if (!lastHits.length) { msg.textContent = "no match"; net.unselectAll(); return; }
    hitIndex = (hitIndex + 1) % lastHits.length;
    var id = lastHits[hitIndex];
    net.selectNodes([id]);
    net.focus(id, {scale: 1.2, animation: {duration: 300}});
    msg.textContent = "match " + (hitIndex + 1) + " of " + lastHits.length;
  }

  document.querySelectorAll("input[name='rg-status'], input[name='rg-kind']")
    .forEach(function (b) { b.addEventListener("change", applyFilters); });
  document.getElementById("rg-from").addEventListener("change", applyFilters);
  document.getElementById("rg-to").addEventListener("change", applyFilters);
  document.getElementById("rg-search-go").addEventListener("click", search);
  document.getElementById("rg-search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(); }
  });
  document.getElementById("rg-reset").addEventListener("click", function () {
    document.querySelectorAll("input[name='rg-status'], input[name='rg-kind']")
      .forEach(function (b) { b.checked = true; });
    document.getElementById("rg-from").value = "";
    document.getElementById("rg-to").value = "";
    applyFilters();
  });
  window.rgApplyFilters = applyFilters;
  window.rgSearch = search;
  applyFilters();
})();
"""
