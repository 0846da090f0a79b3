// The query editor (templates/sparql.html): YASGUI on this server's endpoint, configured
// from the page's JSON data island #mhkg-editor-config. A file, not an inline script, so that
// the Content-Security-Policy can allow scripts from this server only (server/headers.py).
  (function () {
    "use strict";
    const config = JSON.parse(document.getElementById("mhkg-editor-config").textContent);
    const prefixDeclarations = Object.entries(config.prefixes)
      .map(([prefix, namespace]) => `PREFIX ${prefix}: <${namespace}>`).join("\n");
    const defaultQuery = `${prefixDeclarations}

SELECT ?project ?title ?code WHERE {
  ?project a mhkg:Project ;
           rdfs:label ?title .
  OPTIONAL { ?project mhkg:projectCode ?code }
}
ORDER BY ?code ?title
LIMIT 100`;

    // The page talks to this server only. YASQE's own prefix completer downloads prefix.cc's
    // list and its class and property completers ask LOV: use the project's prefixes instead,
    // and keep the other completers off. (Set on the defaults: YASGUI merges arrays by index.)
    Yasgui.Yasqe.forkAutocompleter("prefixes", {
      name: "mhkg-prefixes",
      persistenceId: null,
      get: Object.entries(config.prefixes).map(([prefix, ns]) => `${prefix}: <${ns}>`),
    }, false);
    Yasgui.Yasqe.defaults.autocompleters = ["variables", "mhkg-prefixes"];
    Yasgui.Yasqe.defaults.prefixCcApi = "";
    Yasgui.defaults.yasqe.autocompleters = ["variables", "mhkg-prefixes"];

    // A query is shared as <endpoint>?query=…: a browser opening it gets this editor with the
    // query (YASGUI reads ?query= from the page URL and runs it), a SPARQL client the results.
    const shareLink = (query) => `${config.endpoint}?query=${encodeURIComponent(query)}`;
    Yasgui.Tab.prototype.getShareableLink = function () { return shareLink(this.getQuery()); };

    const yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: config.endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      corsProxy: undefined,
      endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
      persistenceId: "mhkg-yasgui",  // tabs stay in this browser's local storage
      // A link may name another endpoint; this page only ever queries its own server.
      populateFromUrl: (tab) => { tab.requestConfig.endpoint = config.endpoint; return tab; },
      yasqe: { value: defaultQuery, collapsePrefixesOnLoad: true },
      yasr: { prefixes: config.prefixes },
    });
    // Tabs kept from an earlier visit may name an older address of this server.
    for (const id of Object.keys(yasgui._tabs)) {
      yasgui._tabs[id].setEndpoint(config.endpoint);
    }

    const description = document.getElementById("mhkg-example-description");
    for (const link of document.querySelectorAll("a.mhkg-example")) {
      const example = config.examples[Number(link.dataset.example)];
      link.addEventListener("mouseenter", () => { description.textContent = example.description; });
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        description.textContent = example.description;
        const tab = yasgui.addTab(true, { name: example.title, yasqe: { value: example.query } },
                                  { avoidDuplicateTabs: true });
        tab.query().catch(() => {});
      });
    }
    // Result IRIs under the base IRI are served by this server at the same paths: a link to
    // one opens its page here, wherever the base IRI itself resolves.
    const served = ["id/", "graph/"].map((path) => config.base + path);
    const toLocal = (event) => {
      const link = event.target.closest && event.target.closest(".yasr a[href]");
      const href = link && link.getAttribute("href");
      if (config.base && href && served.some((prefix) => href.startsWith(prefix))) {
        link.setAttribute("href", "/" + href.slice(config.base.length));
      }
    };
    for (const type of ["mousedown", "keydown", "focusin"]) {
      document.getElementById("yasgui").addEventListener(type, toLocal, true);
    }
    window.yasgui = yasgui;  // for the console and the browser tests
  })();
