// Material's search worker, with every query folded the way generator/site/web.py folds the
// search index: lower case, accents dropped (NFD, then no combining marks), and the letters
// Unicode does not decompose (æ, ø, ß, ...) replaced from the table the index carries as
// `config.fold`. Then "Orban" and "Orbán" find the same pages.
"use strict";

// Material's message types (SearchMessageType in its worker): the index, then queries.
const SETUP = 0;
const QUERY = 2;
const MATERIAL_WORKER = /^search\.[0-9a-f]+\.min\.js$/;

let letters = {};
const fold = text => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
  .replace(/[^\x00-\x7f]/g, character => letters[character] ?? character);

// Material's worker listens for messages with addEventListener; hand it each query folded.
const listen = self.addEventListener.bind(self);
self.addEventListener = (type, listener, options) => listen(type, type !== "message" ? listener : event => {
  const message = event.data;
  if (message && message.type === SETUP)
    letters = message.data.config.fold ?? {};
  if (message && message.type === QUERY && typeof message.data === "string")
    return listener({ data: { ...message, data: fold(message.data) } });
  return listener(event);
}, options);

// Only Material's own worker, beside this one: the name comes from the page's address.
const material = new URL(location.href).searchParams.get("material") ?? "";
if (!MATERIAL_WORKER.test(material))
  throw new Error(`explainer-search: not Material's search worker: ${material}`);
importScripts(material);
