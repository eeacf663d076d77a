// Explainer additions to Material's scripts. Loaded before Material's bundle.
"use strict";

// Search that ignores accents: Material runs its search in the worker the page configuration
// names, and lets a site name its own; ours wraps Material's, folding each query as the
// generator folded the index (generator/site/web.py). A page opened from a file:// address
// runs the worker through Material's iframe shim instead, so it keeps Material's worker.
(() => {
  const element = document.getElementById("__config");
  if (!element || location.protocol === "file:") return;
  const config = JSON.parse(element.textContent);
  if (!config.search) return;
  const material = new URL(config.search, location.href);
  const name = material.pathname.split("/").pop();
  const worker = new URL("explainer-search.js", material);
  worker.searchParams.set("material", name);
  config.search = worker.href;
  element.textContent = JSON.stringify(config);
})();

// Material's search box is a dialog without a name; screen readers announce it as "Search".
addEventListener("DOMContentLoaded", () => {
  const dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
});

// Printing: every fold of a page (a citation's quote, the facts an article supports) is printed
// open. Browsers that know the ::details-content pseudo-element do that from the print
// stylesheet already; for the others, open the closed ones before printing and close them
// again afterwards.
(() => {
  let opened = [];
  addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll(".md-content details:not([open])")];
    for (const details of opened) details.open = true;
  });
  addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
})();

// The timeline's filter: show only the events of one person or country, without a page load.
// The stylesheet hides the form from a reader without scripts, who would see a control that does
// nothing; it is in the page from the first paint otherwise, so showing it moves nothing below.
// Each event lists what it can be filtered by in data-filters.
addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.explainer-filter");
  const select = form && form.querySelector("select");
  if (!select) return;
  form.addEventListener("submit", (event) => event.preventDefault());
  select.addEventListener("change", () => {
    const wanted = select.value;
    for (const event of document.querySelectorAll("li.explainer-event")) {
      event.hidden = wanted !== "" && !event.dataset.filters.split(" ").includes(wanted);
    }
    // A month with no event left to show loses its label too.
    for (const list of document.querySelectorAll("ol.explainer-timeline")) {
      const empty = !list.querySelector("li.explainer-event:not([hidden])");
      list.hidden = empty;
      const label = list.previousElementSibling;
      if (label && label.classList.contains("explainer-month")) label.hidden = empty;
    }
  });
});
