// Kronika — the interactive map: Leaflet with offline layers (today's countries, the 1938 borders), places
// clustered and sized by mentions, popups with the cited sentences. Text is set with textContent only.
"use strict";
(function () {
  const element = document.getElementById("leaflet-map");
  if (!element || !window.L) return;
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([52, 22], 5);

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  const today = L.geoJSON(null, { style: { color: "#7a7468", weight: 1, fillColor: "#f3efe6", fillOpacity: 1 } });
  const borders1938 = L.geoJSON(null, { style: { color: "#8b1d1d", weight: 2, dashArray: "4 3", fill: false } });
  today.addTo(map);
  L.control.layers({ "Granice dziś (Natural Earth)": today }, { "Granice 1938": borders1938 },
    { collapsed: false }).addTo(map);
  getJson(element.dataset.countries).then((data) => today.addData(data)).catch(() => {});
  getJson(element.dataset.borders).then((data) => borders1938.addData(data)).catch(() => {});

  function popup(place) {
    const box = document.createElement("div");
    box.className = "map-popup";
    const title = document.createElement("a");
    title.href = "/entity?ref=" + encodeURIComponent(place.ref);
    title.textContent = place.lemma;
    const heading = document.createElement("strong");
    heading.appendChild(title);
    box.appendChild(heading);
    const facts = [place.name && "dziś: " + place.name, place.country_1939 && "1939: " + place.country_1939,
      place.mentions + " wzmianek"].filter(Boolean).join("; ");
    const meta = document.createElement("div");
    meta.textContent = facts;
    box.appendChild(meta);
    for (const citation of place.citations) {
      const quote = document.createElement("blockquote");
      const link = document.createElement("a");
      link.href = "/doc/" + encodeURIComponent(citation.document) + "#s" + citation.start;
      link.textContent = citation.text;
      quote.appendChild(link);
      box.appendChild(quote);
    }
    return box;
  }

  const cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
  getJson(element.dataset.places).then((placesFound) => {
    for (const place of placesFound) {
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 4 + 2 * Math.sqrt(place.mentions), color: "#2d2a26", weight: 1, fillColor: "#e0b25b", fillOpacity: 0.9,
      });
      marker.bindTooltip(place.lemma);
      marker.bindPopup(() => popup(place), { maxWidth: 360 });
      marker.options.kronikaRef = place.ref;
      cluster.addLayer(marker);
    }
    cluster.addTo(map);
    if (placesFound.length) map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 8 });
    element.dataset.ready = String(placesFound.length);
  }).catch(() => { element.dataset.ready = "error"; });
})();
