// /overview: draw each chart from its Vega-Lite spec (its data inline), fetched from this
// server, with Vega's expression interpreter (the pages' Content-Security-Policy forbids eval).
// Each chart's container says when it is drawn (data-drawn) or failed (data-error).
(function () {
  "use strict";
  const options = {
    actions: false,
    renderer: "svg",
    ast: true,
    expr: vega.expressionInterpreter,
  };
  document.querySelectorAll("div.vega[data-spec]").forEach((element) => {
    fetch(element.dataset.spec, { headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return response.json();
      })
      .then((spec) => vegaEmbed(element, spec, options))
      .then(() => { element.dataset.drawn = "true"; })
      .catch((error) => {
        element.dataset.error = String(error);
        element.textContent = `The chart could not be drawn (${error}); its table follows.`;
      });
  });
})();
