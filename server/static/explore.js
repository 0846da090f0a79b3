/* /explore: search an entity, draw its neighbourhood with Cytoscape.js, expand nodes, filter,
   find and highlight paths, rank the co-participation network, export the drawing.

   It talks only to this server's JSON API (/explore/search, /neighbours, /paths, /network) and
   builds every element with DOM APIs: data from the server never becomes markup. Each node drawn
   on the canvas is also listed, with its links, in the side panel, which is how a keyboard or
   screen-reader user works the graph. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("explore-config").textContent);
  const $ = (id) => document.getElementById(id);
  const FILTERS = ["filter-country", "filter-sdg", "filter-kind", "filter-role"];

  /* --- Types: one colour and one shape each, on the canvas, in the legend and the lists ----- */

  // Okabe–Ito colours, told apart with the common colour-vision deficiencies; the shapes too.
  const TYPES = {
    Organisation: { plural: "Organisations", colour: "#E69F00", shape: "ellipse" },
    Project: { plural: "Projects", colour: "#0072B2", shape: "round-rectangle" },
    Person: { plural: "People", colour: "#CC79A7", shape: "triangle" },
    Event: { plural: "Events", colour: "#009E73", shape: "diamond" },
    Country: { plural: "Countries", colour: "#56B4E9", shape: "hexagon" },
    Region: { plural: "Regions", colour: "#999999", shape: "octagon" },
    City: { plural: "Cities", colour: "#F0E442", shape: "pentagon" },
    SustainableDevelopmentGoal: { plural: "Goals (SDGs)", colour: "#D55E00", shape: "star" },
  };
  const OTHER = { plural: "Other", colour: "#FFFFFF", shape: "ellipse" };
  const TYPE_ORDER = [...Object.keys(TYPES), "Other"];
  const typeOf = (type) => (type in TYPES ? type : "Other");
  const typeStyle = (type) => TYPES[type] || OTHER;

  /** "CoordinationBody" → "Coordination body" (class names as words). */
  function words(name) {
    const spaced = name.replace(/([a-z])([A-Z])/g, "$1 $2");
    return spaced.charAt(0) + spaced.slice(1).toLowerCase();
  }

  /** Cuts a long name at a word for the canvas; lists and tooltips show it whole. */
  function shorten(text, most = 30) {
    if (text.length <= most) return text;
    const space = text.lastIndexOf(" ", most);
    return `${text.slice(0, space > most / 2 ? space : most)}…`;
  }

  const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

  /* --- DOM helpers ----------------------------------------------------------------------- */

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== false && value !== null && value !== undefined) {
        element.setAttribute(name, value === true ? "" : value);
      }
    }
    element.append(...children); // strings become text nodes
    return element;
  }

  function button(content, onClick, attributes = {}) {
    const element = el("button", { type: "button", ...attributes }, content);
    element.addEventListener("click", onClick);
    return element;
  }

  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  }

  /** The corners of a regular polygon (or a star: every other corner at radius `inner`) in a
      16×16 box, turned like Cytoscape's shape of the same name. */
  function polygon(corners, turn, inner = 0) {
    return Array.from({ length: corners }, (_, i) => {
      const angle = turn + (2 * Math.PI * i) / corners;
      const radius = inner && i % 2 ? inner : 7;
      const x = 8 + radius * Math.cos(angle);
      const y = 8 + radius * Math.sin(angle);
      return `${x.toFixed(2)},${y.toFixed(2)}`;
    }).join(" ");
  }
  const UP = -Math.PI / 2;
  const POLYGONS = {
    triangle: polygon(3, UP),
    diamond: polygon(4, UP),
    pentagon: polygon(5, UP),
    hexagon: polygon(6, 0),
    octagon: polygon(8, Math.PI / 8),
    star: polygon(10, UP, 3),
  };

  /** A small picture of a type's node: its shape in its colour. */
  function swatch(type) {
    const { colour, shape } = typeStyle(type);
    const paint = { fill: colour, stroke: "#1d2733" };
    let figure;
    if (shape in POLYGONS) figure = svg("polygon", { points: POLYGONS[shape], ...paint });
    else if (shape === "round-rectangle") {
      figure = svg("rect", { x: 1, y: 3, width: 14, height: 10, rx: 3, ...paint });
    } else figure = svg("circle", { cx: 8, cy: 8, r: 7, ...paint });
    const picture = svg("svg", { viewBox: "0 0 16 16", class: "swatch", "aria-hidden": "true" });
    picture.append(figure);
    return picture;
  }

  /* --- The API, the status line, the SPARQL behind the answer ---------------------------- */

  async function getJSON(url, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== "") query.append(name, value);
    }
    const response = await fetch(`${url}?${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = body && body.error;
      throw new Error(error ? `${error.title}: ${error.detail}` : `HTTP ${response.status}`);
    }
    return body;
  }

  /** The filters chosen above the graph, as query parameters (empty ones are left out). */
  function filters() {
    return {
      country: $("filter-country").value,
      sdg: $("filter-sdg").value,
      kind: $("filter-kind").value,
      role: $("filter-role").value,
    };
  }

  function say(message, isError = false) {
    const status = $("explore-status");
    status.textContent = message;
    status.title = message; // the line may be cut short
    status.classList.toggle("error", isError);
  }

  let pending = 0;

  /** Runs an API call with the busy state on, telling of a failure in the status line. */
  async function withBusy(task) {
    pending += 1;
    $("graph-area").setAttribute("aria-busy", "true");
    try {
      return await task();
    } catch (error) {
      say(`Sorry: ${error.message}`, true);
      return undefined;
    } finally {
      pending -= 1;
      $("graph-area").setAttribute("aria-busy", String(pending > 0));
    }
  }

  function showSparql(what, text) {
    $("sparql-what").textContent = what;
    $("sparql-text").textContent = text;
    $("sparql-run").href = `${config.sparql}?query=${encodeURIComponent(text)}`;
    $("sparql-box").hidden = !text;
  }

  /* --- The graph ------------------------------------------------------------------------- */

  // Cytoscape draws labels at the graph's scale: zoomed out to fit a larger graph, they would be
  // too small to read. Down to zoom 0.4 they are enlarged to keep their size on screen; farther
  // out they shrink and, under 6 px, are left out.
  let labelScale = 1;
  const scaled = (size) => () => size * labelScale;

  const cy = cytoscape({
    container: $("cy"),
    style: graphStyle(),
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autounselectify: true, // the page keeps the one selected node itself (class "chosen")
  });
  window.cy = cy; // for the console and the browser tests

  cy.on("zoom", () => {
    const next = Math.min(2.5, Math.max(1, 1 / cy.zoom()));
    if (Math.abs(next - labelScale) > 0.05) {
      labelScale = next;
      cy.style().update();
    }
  });

  function graphStyle() {
    const ink = "#1d2733";
    const highlight = "#C0392B";
    const labelBackground = { "text-background-color": "#fff", "text-background-opacity": 0.85 };
    return [
      {
        selector: "node",
        style: {
          label: "data(short)",
          width: 26,
          height: 26,
          "border-width": 1,
          "border-color": ink,
          color: ink,
          "font-size": scaled(12),
          "min-zoomed-font-size": 6,
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": scaled(130),
          "text-background-padding": 1,
          ...labelBackground,
        },
      },
      ...Object.entries(TYPES).map(([type, { colour, shape }]) => ({
        selector: `node[type = "${type}"]`,
        style: { "background-color": colour, shape },
      })),
      { selector: "node.expanded", style: { "border-width": 3 } },
      {
        selector: "node.focus",
        style: { width: 38, height: 38, "border-width": 4, "font-weight": "bold" },
      },
      {
        selector: "node.chosen",
        style: { "underlay-color": "#0b5cad", "underlay-opacity": 0.25, "underlay-padding": 7 },
      },
      {
        selector: "edge",
        style: {
          width: 1.5,
          "line-color": "#9aa5b1",
          "target-arrow-color": "#9aa5b1",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
          color: "#3d4753",
          "font-size": scaled(10),
          "min-zoomed-font-size": 6,
          "text-rotation": "autorotate",
          ...labelBackground,
        },
      },
      {
        selector: "edge.labelled",
        style: { label: "data(label)", "line-color": "#5b6775", "target-arrow-color": "#5b6775" },
      },
      { selector: ".faded", style: { opacity: 0.2 } },
      { selector: "node.on-path", style: { "border-color": highlight, "border-width": 4 } },
      {
        selector: "edge.on-path",
        style: {
          label: "data(label)",
          width: 4,
          "line-color": highlight,
          "target-arrow-color": highlight,
        },
      },
    ];
  }

  // One id per relation whichever way it is told: a path tells "project funded by fund" where
  // the neighbourhood tells "fund funder of project", and both are the one participation.
  const edgeId = (edge) => [edge.property, edge.role, ...[edge.from, edge.to].sort()].join(" ");
  const drawn = (iri) => cy.getElementById(iri).nonempty();
  const labelOf = (iri) => cy.getElementById(iri).data("label");

  /** Draws the nodes and edges not drawn yet, the new nodes on a circle around the node `near`
      (so that the layout starts from where they belong); returns the new nodes. */
  function merge(nodes, edges, near) {
    const unique = new Map(nodes.map((node) => [node.iri, node]));
    const fresh = [...unique.values()].filter((node) => !drawn(node.iri));
    const centre = near && drawn(near) ? cy.getElementById(near).position() : { x: 0, y: 0 };
    const radius = 80 + 10 * fresh.length;
    const added = cy.collection();
    cy.batch(() => {
      fresh.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / fresh.length;
        const position = node.iri === near
          ? centre
          : { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
        const { iri: id, label, type, kind, href } = node;
        const data = { id, label, short: shorten(label), type, kind, href };
        added.merge(cy.add({ group: "nodes", data, position }));
      });
      for (const edge of edges) {
        const id = edgeId(edge);
        if (drawn(id) || !drawn(edge.from) || !drawn(edge.to)) continue;
        const { from: source, to: target, label, role, property } = edge;
        cy.add({ group: "edges", data: { id, source, target, label, role, property } });
      }
    });
    return added;
  }

  /** How many links away from `root` each node is (the rings); the unreachable farthest. */
  function stepsFrom(root) {
    const steps = new Map();
    if (root.nonempty()) {
      cy.elements().breadthFirstSearch({
        root,
        visit: (node, edge, previous, i, depth) => {
          steps.set(node.id(), depth);
        },
      });
    }
    const farthest = Math.max(0, ...steps.values()) + 1;
    return (node) => (steps.has(node.id()) ? steps.get(node.id()) : farthest);
  }

  const LAYOUTS = {
    // randomize: false starts from the current positions, so expanding keeps the picture.
    cose: () => ({
      animate: false,
      randomize: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 4500,
    }),
    concentric: (focus) => {
      const steps = stepsFrom(focus);
      return {
        concentric: (node) => -steps(node),
        levelWidth: () => 1,
        minNodeSpacing: 40,
        equidistant: true,
      };
    },
    breadthfirst: (focus) => ({ roots: focus.nonempty() ? focus : undefined }),
  };

  function runLayout() {
    const name = $("layout").value;
    const focus = state.focus ? cy.getElementById(state.focus.iri) : cy.collection();
    // The box of the canvas: without it the layout takes no notice of the wide, low canvas.
    const boundingBox = { x1: 0, y1: 0, w: cy.width(), h: cy.height() };
    cy.layout({ name, ...LAYOUTS[name](focus), boundingBox, fit: true, padding: 40 }).run();
  }

  /* --- State, and what follows each change of the drawing ---------------------------------- */

  const state = {
    focus: null, // the node whose neighbourhood was asked for
    expanded: new Set(), // IRIs whose neighbours are drawn
    selected: null, // the IRI in the details panel
    fresh: new Set(), // IRIs the last expansion drew
    generation: 0, // bumped when the drawing starts over: answers for an older one are dropped
    paths: null, // the paths last found (null: none asked for)
    networkLoaded: false,
    opening: false, // the drawing is the most connected organisations (no entity opened)
  };

  function refresh() {
    cy.batch(() => {
      cy.nodes().removeClass("focus expanded chosen");
      if (state.focus) cy.getElementById(state.focus.iri).addClass("focus");
      for (const iri of state.expanded) cy.getElementById(iri).addClass("expanded");
      cy.edges().removeClass("labelled");
      const chosen = state.selected ? cy.getElementById(state.selected) : cy.collection();
      chosen.addClass("chosen");
      chosen.connectedEdges().addClass("labelled");
    });
    const empty = cy.nodes().empty();
    $("graph-empty").hidden = !empty;
    $("export-png").disabled = empty;
    $("export-graphml").disabled = empty;
    renderLegend();
    renderNodeList();
    renderDetails();
  }

  function select(iri) {
    state.selected = iri;
    refresh();
  }

  /* --- Drawing: a focus and its neighbourhood, expansions, filters ------------------------- */

  /** Starts over from an entity: clears the drawing and draws its neighbourhood. */
  async function openEntity(iri) {
    const generation = ++state.generation;
    say("Drawing…");
    const params = { entity: iri, depth: $("depth").value, ...filters() };
    const answer = await withBusy(() => getJSON(config.api.neighbours, params));
    if (!answer || generation !== state.generation) return;
    cy.elements().remove();
    clearHighlight();
    const focus = answer.focus;
    Object.assign(state, {
      focus,
      expanded: new Set([focus.iri]),
      selected: focus.iri,
      fresh: new Set(),
    });
    merge([focus, ...answer.nodes], answer.edges, focus.iri);
    runLayout();
    refresh();
    showSparql(`the neighbours of ${focus.label}`, answer.sparql);
    const cut = answer.truncated ? " (the first ones only: narrow with the filters)" : "";
    say(`${focus.label}: ${plural(cy.nodes().length - 1, "neighbour")} drawn${cut}.`);
    $("search").value = focus.label;
    if (!pathFrom.picked) pathFrom.set(focus);
    const url = new URL(window.location.href);
    url.searchParams.set("entity", focus.iri);
    window.history.replaceState(null, "", url);
  }

  /** With no entity to open on: the most connected organisations under the filters (those of
      a /projects selection, when the page was opened from there) and the ties among them,
      from the co-participation network, so that there is a network to start from. */
  async function openMostConnected(most = 12) {
    const generation = ++state.generation;
    say("Drawing the most connected organisations…");
    const answer = await withBusy(() => getJSON(config.api.network, { ...filters(), format: "json" }));
    if (!answer || generation !== state.generation || state.focus) return;
    const top = [...answer.nodes].sort((a, b) =>
      b.degree - a.degree || b.projects - a.projects || a.label.localeCompare(b.label)
    ).slice(0, most);
    const chosen = new Set(top.map((node) => node.iri));
    const ties = answer.edges
      .filter((edge) => chosen.has(edge.from) && chosen.has(edge.to))
      .map((edge) => ({
        from: edge.from, to: edge.to, property: "worksWith", role: null,
        label: `works with (${plural(edge.weight, "shared project")})`,
      }));
    cy.elements().remove();
    clearHighlight();
    Object.assign(state, { opening: true, expanded: new Set(), selected: null, fresh: new Set() });
    merge(top, ties, null);
    runLayout();
    refresh();
    showSparql("the co-participation network", answer.sparql);
    say(top.length
      ? `The ${plural(top.length, "most connected organisation")} and who works with whom among ` +
        "them. Choose one to draw its neighbours, or search an entity above."
      : "No organisation takes part in a project under these filters.");
  }

  /** Draws the neighbours of a drawn node (one step) beside the ones already drawn. */
  async function expand(iri) {
    if (state.expanded.has(iri)) {
      say(`The neighbours of ${labelOf(iri)} are drawn already.`);
      return;
    }
    const generation = state.generation;
    const params = { entity: iri, depth: 1, ...filters() };
    const answer = await withBusy(() => getJSON(config.api.neighbours, params));
    if (!answer || generation !== state.generation) return;
    const added = merge(answer.nodes, answer.edges, iri);
    state.expanded.add(iri);
    state.fresh = new Set(added.map((node) => node.id()));
    if (added.nonempty()) runLayout();
    refresh();
    const name = answer.focus.label;
    showSparql(`the neighbours of ${name}`, answer.sparql);
    say(added.empty()
      ? `${name}: no neighbours that are not drawn already.`
      : `${name}: drew ${added.length} more: ${listed(added.map((node) => node.data("label")))}.`);
  }

  /** "a, b, c, d and 4 more" */
  function listed(names, most = 4) {
    const shown = names.slice(0, most).join(", ");
    return names.length > most ? `${shown} and ${names.length - most} more` : shown;
  }

  /** Draws the focus and every expansion again, with the filters as they are now. */
  async function redraw() {
    const { focus, expanded } = state;
    await openEntity(focus.iri);
    for (const iri of expanded) {
      if (iri !== focus.iri && drawn(iri)) await expand(iri);
    }
  }

  /* --- Side panel: the selected node ------------------------------------------------------- */

  function renderDetails() {
    const panel = $("details");
    const heading = $("details-heading");
    const node = state.selected ? cy.getElementById(state.selected) : cy.collection();
    if (node.empty()) {
      heading.textContent = "Selected";
      const hint = "Nothing selected. Choose a node in the graph or the list.";
      panel.replaceChildren(heading, el("p", { class: "hint" }, hint));
      return;
    }
    const { id, label, type, kind, href } = node.data();
    heading.textContent = label;
    const kindText = kind && kind !== type ? `${words(kind)} · ${words(type)}` : words(type);
    const isFocus = state.focus && state.focus.iri === id;
    panel.replaceChildren(
      heading,
      el("p", { class: "kind" }, swatch(type), ` ${kindText} `, el("a", { href }, "Open its page")),
      el("div", { class: "actions" },
        button("Expand", () => expand(id), {
          disabled: state.expanded.has(id), title: "Draw its neighbours",
        }),
        button("Start here", () => openEntity(id), {
          disabled: isFocus, title: "Draw its neighbourhood alone",
        }),
        button("Path from", () => pathEnd(pathFrom, id), { title: "Find paths from it" }),
        button("Path to", () => pathEnd(pathTo, id), { title: "Find paths to it" })),
      linksOf(node));
  }

  /** The drawn links of a node, as sentences whose other end can be selected. */
  function linksOf(node) {
    const edges = node.connectedEdges();
    const list = el("ul");
    edges.forEach((edge) => {
      const outgoing = edge.source().same(node);
      const other = outgoing ? edge.target() : edge.source();
      const name = button(other.data("label"), () => select(other.id()), { class: "link-button" });
      list.append(outgoing
        ? el("li", {}, `${edge.data("label")} `, name)
        : el("li", {}, name, ` ${edge.data("label")} this`));
    });
    const summary = el("summary", {}, `${plural(edges.length, "link")} on the graph`);
    return el("details", { class: "links", open: edges.length <= 6 }, summary, list);
  }

  function pathEnd(box, iri) {
    const { id, label, type, kind } = cy.getElementById(iri).data();
    box.set({ iri: id, label, type, kind });
    showTab("tab-paths");
  }

  /* --- Side panel: the nodes on the graph, grouped by type --------------------------------- */

  function renderNodeList() {
    const list = $("node-list");
    const active = document.activeElement;
    const focused = list.contains(active) ? active.dataset.iri : null;
    const groups = new Map();
    const byLabel = (a, b) => a.data("label").localeCompare(b.data("label"));
    for (const node of cy.nodes().sort(byLabel)) {
      const type = typeOf(node.data("type"));
      groups.set(type, [...(groups.get(type) || []), node]);
    }
    list.replaceChildren(...TYPE_ORDER.filter((type) => groups.has(type)).map((type) => {
      const headingId = `node-group-${type}`;
      const nodes = groups.get(type);
      return el("li", { class: "node-group" },
        el("h3", { id: headingId }, swatch(type), ` ${typeStyle(type).plural} (${nodes.length})`),
        el("ul", { "aria-labelledby": headingId }, ...nodes.map(nodeItem)));
    }));
    $("node-count").textContent = cy.nodes().empty()
      ? "No nodes drawn."
      : `${plural(cy.nodes().length, "node")}, ${plural(cy.edges().length, "link")}.`
        + " Choose a name to draw its neighbours.";
    // Keep the keyboard where it was: the list was built anew.
    const again = focused && list.querySelector(`button[data-iri="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }

  function nodeItem(node) {
    const { id, label, kind, href } = node.data();
    const chosen = state.selected === id;
    const name = button(label, () => {
      select(id);
      expand(id);
    }, {
      class: "node-name",
      "data-iri": id,
      "aria-current": chosen ? "true" : false,
      title: `${label} (${words(kind)}): draw its neighbours`,
    });
    const notes = [];
    if (state.focus && state.focus.iri === id) notes.push("start");
    else if (state.expanded.has(id)) notes.push("expanded");
    if (state.fresh.has(id)) notes.push("new");
    if (notes.length) name.append(" ", el("span", { class: "note-tag" }, notes.join(", ")));
    const pageLabel = `${label}: open its page`;
    const page = el("a", { class: "node-page", href, "aria-label": pageLabel }, "page");
    return el("li", { class: chosen ? "node-item chosen" : "node-item" }, name, page);
  }

  function renderLegend() {
    const counts = new Map();
    cy.nodes().forEach((node) => {
      const type = typeOf(node.data("type"));
      counts.set(type, (counts.get(type) || 0) + 1);
    });
    const legend = $("legend");
    legend.replaceChildren(...TYPE_ORDER.filter((type) => counts.has(type)).map((type) =>
      el("li", {}, swatch(type), ` ${typeStyle(type).plural} ${counts.get(type)}`)));
    legend.hidden = counts.size === 0;
  }

  /* --- Paths ----------------------------------------------------------------------------- */

  async function findPaths() {
    const from = pathFrom.picked;
    const to = pathTo.picked;
    if (!from || !to) {
      $("path-summary").textContent = "Pick both ends from the suggestions first.";
      return;
    }
    const params = { from: from.iri, to: to.iri, k: $("path-k").value, ...filters() };
    const answer = await withBusy(() => getJSON(config.api.paths, params));
    if (!answer) return;
    state.paths = answer.paths;
    const between = `from ${answer.from.label} to ${answer.to.label}`;
    showSparql(`the paths ${between}`, answer.sparql);
    const filtered = Object.values(filters()).some(Boolean) ? " with these filters" : "";
    $("path-summary").textContent = state.paths.length
      ? `${plural(state.paths.length, "path")} ${between}, shortest first.`
        + " Choose one to highlight it."
      : `No path ${between}${filtered}.`;
    $("path-list").replaceChildren(...state.paths.map((path, i) => el("li", {},
      button(path.sentence, () => highlightPath(i), {
        class: "path-button", "aria-pressed": "false",
      }),
      el("span", { class: "hint" }, ` ${plural(path.length, "step")}`))));
    if (state.paths.length) highlightPath(0);
    else clearHighlight();
  }

  /** Draws a path (its nodes may not be drawn yet) and highlights it, fading the rest. */
  function highlightPath(index) {
    const path = state.paths[index];
    const near = path.nodes.map((node) => node.iri).find(drawn);
    if (merge(path.nodes, path.edges, near).nonempty()) runLayout();
    const onPath = cy.collection();
    for (const node of path.nodes) onPath.merge(cy.getElementById(node.iri));
    for (const edge of path.edges) onPath.merge(cy.getElementById(edgeId(edge)));
    cy.batch(() => {
      cy.elements().removeClass("on-path").addClass("faded");
      onPath.removeClass("faded").addClass("on-path");
    });
    refresh();
    cy.animate({ fit: { eles: onPath, padding: 60 }, duration: 300 });
    $("path-list").querySelectorAll(".path-button").forEach((pathButton, i) => {
      pathButton.setAttribute("aria-pressed", String(i === index));
    });
    const caption = $("path-caption");
    caption.textContent = `Path ${index + 1}: ${path.sentence}`;
    caption.hidden = false;
    $("path-clear").hidden = false;
    say(`Highlighted path ${index + 1} of ${state.paths.length}: ${path.sentence}`);
  }

  function clearHighlight() {
    cy.elements().removeClass("on-path faded");
    $("path-caption").hidden = true;
    $("path-clear").hidden = true;
    for (const pathButton of $("path-list").querySelectorAll(".path-button")) {
      pathButton.setAttribute("aria-pressed", "false");
    }
  }

  /* --- The co-participation network, ranked ------------------------------------------------ */

  const decimals = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });

  async function loadNetwork() {
    const params = { ...filters(), format: "json" };
    const answer = await withBusy(() => getJSON(config.api.network, params));
    if (!answer) return;
    state.networkLoaded = true;
    const orgs = answer.nodes;
    const byName = (a, b) => a.label.localeCompare(b.label);
    const connected = [...orgs].sort((a, b) =>
      b.degree - a.degree || b.projects - a.projects || byName(a, b));
    const brokers = orgs.filter((node) => node.betweenness > 0).sort((a, b) =>
      b.betweenness - a.betweenness || byName(a, b));
    fillRanking($("rank-degree"), connected, (node) => [node.degree, node.projects]);
    // the IDF regions of a broker's projects: whom it brokers between
    fillRanking($("rank-brokers"), brokers, (node) => [
      decimals.format(node.betweenness), node.regions.join(", ") || "—",
    ]);
    const pairs = plural(answer.edges.length, "pair");
    $("network-summary").textContent =
      `${plural(orgs.length, "organisation")}, ${pairs} sharing a project.`;
    showSparql("the co-participation network", answer.sparql);
  }

  function fillRanking(tbody, nodes, cells, most = 10) {
    const rows = nodes.slice(0, most).map((node, i) => el("tr", {},
      el("td", { class: "number" }, String(i + 1)),
      el("th", { scope: "row" }, button(node.label, () => openEntity(node.iri), {
        class: "link-button", title: `${node.label}: draw its neighbours`,
      })),
      ...cells(node).map((value) => el("td", {
        class: /^[\d.,]+$/.test(String(value)) ? "number" : null,
      }, String(value)))));
    const none = el("tr", {}, el("td", { colspan: 4, class: "hint" }, "None."));
    tbody.replaceChildren(...(rows.length ? rows : [none]));
  }

  /** The network's download links follow the filters. */
  function updateDownloads() {
    for (const link of document.querySelectorAll("a[data-format]")) {
      const query = new URLSearchParams(Object.entries(filters()).filter(([, value]) => value));
      query.set("format", link.dataset.format);
      link.href = `${config.api.network}?${query}`;
    }
  }

  /* --- Exports: PNG and GraphML of what is drawn ------------------------------------------- */

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const GRAPHML = "http://graphml.graphdrawing.org/xmlns";

  /** GraphML of the drawn nodes and edges. Its ids are n0, e0…: GraphML ids are XML name
      tokens, which IRIs are not; the IRI is a data value. */
  function graphml() {
    const doc = document.implementation.createDocument(GRAPHML, "graphml", null);
    const add = (parent, name, attributes, text = null) => {
      const element = doc.createElementNS(GRAPHML, name);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
      if (text !== null) element.textContent = text;
      parent.append(element);
      return element;
    };
    const keys = { node: ["iri", "label", "type", "kind"], edge: ["label", "role", "property"] };
    const root = doc.documentElement;
    for (const [domain, names] of Object.entries(keys)) {
      for (const name of names) {
        const id = `${domain.charAt(0)}-${name}`;
        add(root, "key", { id, for: domain, "attr.name": name, "attr.type": "string" });
      }
    }
    const graph = add(root, "graph", { id: "mhkg-explore", edgedefault: "directed" });
    const ids = new Map();
    cy.nodes().forEach((node, i) => {
      ids.set(node.id(), `n${i}`);
      const element = add(graph, "node", { id: `n${i}` });
      const values = { ...node.data(), iri: node.id() };
      for (const name of keys.node) add(element, "data", { key: `n-${name}` }, values[name]);
    });
    cy.edges().forEach((edge, i) => {
      const ends = { source: ids.get(edge.source().id()), target: ids.get(edge.target().id()) };
      const element = add(graph, "edge", { id: `e${i}`, ...ends });
      for (const name of keys.edge) {
        if (edge.data(name)) add(element, "data", { key: `e-${name}` }, edge.data(name));
      }
    });
    const xml = new XMLSerializer().serializeToString(doc);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
  }

  /* --- Combobox: the search box and the ends of a path ------------------------------------- */

  /** An ARIA 1.2 combobox with list autocomplete over /explore/search. `onPick(node)` runs when
      a suggestion is chosen (Enter, click); typing alone picks nothing. */
  function combobox(input, onPick = () => {}) {
    const listbox = $(input.getAttribute("aria-controls"));
    let results = [];
    let active = -1;
    let picked = null;
    let request = 0;
    let timer = 0;

    const isOpen = () => !listbox.hidden;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function option(result, index) {
      return el("li", {
        id: `${listbox.id}-${index}`,
        role: "option",
        "aria-selected": "false",
        "data-index": index,
        title: result.label,
      },
      swatch(result.type),
      el("span", { class: "option-label" }, result.label),
      el("span", { class: "option-kind" }, words(result.kind)));
    }

    function open() {
      const none = el("li", { role: "option", "aria-disabled": "true", class: "no-match" },
        "No match");
      listbox.replaceChildren(...(results.length ? results.map(option) : [none]));
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function activate(index) {
      active = index;
      listbox.querySelectorAll('[role="option"]').forEach((item, i) => {
        item.setAttribute("aria-selected", String(i === index));
      });
      const item = $(`${listbox.id}-${index}`);
      input.setAttribute("aria-activedescendant", item.id);
      item.scrollIntoView({ block: "nearest" });
    }

    function pick(index) {
      picked = results[index];
      input.value = picked.label;
      close();
      onPick(picked);
    }

    async function suggest() {
      const text = input.value.trim();
      const mine = ++request;
      if (text.length < 2) {
        results = [];
        close();
        return;
      }
      try {
        const answer = await getJSON(config.api.search, { q: text, limit: 10 });
        if (mine !== request) return; // a later keystroke asked again
        results = answer.results;
        open();
      } catch (error) {
        say(`Sorry: ${error.message}`, true);
      }
    }

    input.addEventListener("input", () => {
      picked = null;
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", (event) => {
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (step && results.length) {
        event.preventDefault();
        if (!isOpen()) open();
        const first = step > 0 ? 0 : results.length - 1;
        activate(active < 0 ? first : (active + step + results.length) % results.length);
      } else if (event.key === "Enter" && isOpen() && results.length) {
        event.preventDefault(); // choose, do not submit
        pick(Math.max(active, 0));
      } else if (event.key === "Escape" && isOpen()) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
    listbox.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus
    listbox.addEventListener("click", (event) => {
      const item = event.target.closest("[data-index]");
      if (item) pick(Number(item.dataset.index));
    });

    return {
      get picked() {
        return picked;
      },
      set(node) {
        picked = node;
        input.value = node ? node.label : "";
      },
    };
  }

  /* --- Tabs (ARIA tabs: the arrow keys move between them) ---------------------------------- */

  const tabs = [...document.querySelectorAll('[role="tab"]')];

  function showTab(id) {
    for (const tab of tabs) {
      const on = tab.id === id;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute("aria-controls")).hidden = !on;
    }
    if (id === "tab-network" && !state.networkLoaded) loadNetwork();
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => showTab(tab.id));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      const next = tabs[(i + step + tabs.length) % tabs.length];
      showTab(next.id);
      next.focus();
    });
  });

  /* --- Wiring ------------------------------------------------------------------------------ */

  combobox($("search"), (node) => openEntity(node.iri));
  const pathFrom = combobox($("path-from"));
  const pathTo = combobox($("path-to"));

  $("explore-controls").addEventListener("submit", (event) => event.preventDefault());
  $("path-form").addEventListener("submit", (event) => {
    event.preventDefault();
    findPaths();
  });
  $("path-clear").addEventListener("click", () => {
    clearHighlight();
    say("Highlight cleared.");
  });

  async function filtersChanged() {
    updateDownloads();
    if (state.focus) await redraw();
    else if (state.opening) await openMostConnected();
    if (state.paths) await findPaths();
    if (state.networkLoaded) await loadNetwork();
  }
  for (const id of FILTERS) $(id).addEventListener("change", filtersChanged);
  $("filters-clear").addEventListener("click", () => {
    for (const id of FILTERS) $(id).value = "";
    filtersChanged();
  });
  for (const kind of $("filter-kind").options) {
    if (kind.value) kind.textContent = words(kind.value);
  }
  $("depth").addEventListener("change", () => state.focus && redraw());
  $("layout").addEventListener("change", runLayout);

  $("export-png").addEventListener("click", () => {
    download(cy.png({ full: true, scale: 2, output: "blob", bg: "#ffffff" }), "mhkg-explore.png");
  });
  $("export-graphml").addEventListener("click", () => {
    const blob = new Blob([graphml()], { type: "application/graphml+xml" });
    download(blob, "mhkg-explore.graphml");
  });

  // On the canvas a click selects and expands, a double click opens the node's page, and
  // hovering shows the whole name (the canvas shows it cut short).
  cy.on("tap", "node", (event) => {
    select(event.target.id());
    expand(event.target.id());
  });
  cy.on("dbltap", "node", (event) => {
    window.open(event.target.data("href"), "_blank", "noopener");
  });
  cy.on("mouseover", "node", (event) => {
    const { label, kind } = event.target.data();
    $("cy").title = `${label} (${words(kind)})`;
  });
  cy.on("mouseout", "node", () => $("cy").removeAttribute("title"));

  updateDownloads();
  refresh();
  if (config.focus) openEntity(config.focus);
  else openMostConnected();
})();
