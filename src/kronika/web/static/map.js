// Kronika — the interactive map: Leaflet with offline layers (today's countries, the 1938 borders), places
// clustered and sized by mentions, labels that never overlap, popups with the cited sentences. Text is set
// with textContent only.
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

  // The base layers take no clicks: a click on the land belongs to the map (moving a place).
  const today = L.geoJSON(null, { interactive: false, style: { className: "country", color: "#7a7468", weight: 1,
    fillColor: "#f3efe6", fillOpacity: 1 } });
  const borders1938 = L.geoJSON(null, { interactive: false, style: { className: "border-1938", color: "#8b1d1d",
    weight: 2, dashArray: "4 3", fill: false } });
  today.addTo(map);
  const bases = { "Granice dziś (Natural Earth)": today };
  if (element.dataset.tiles) {  // offered only when the server was given one; never shown until chosen
    bases["Mapa online"] = L.tileLayer(element.dataset.tiles, { maxZoom: 19,
      attribution: element.dataset.tilesAttribution.replace(/[<>&"]/g, "") });
  }
  L.control.layers(bases, { "Granice 1938": borders1938 }, { collapsed: false }).addTo(map);
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
    const move = document.createElement("button");
    move.type = "button";
    move.className = "map-move";
    move.textContent = "Przenieś w inne miejsce";
    move.addEventListener("click", () => startMove(place));
    box.appendChild(move);
    box.appendChild(candidateList(place));
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

  // The gazetteer's other places of the same name: one click puts the place there.
  function candidateList(place) {
    const box = document.createElement("div");
    box.className = "map-candidates";
    getJson("/api/candidates?ref=" + encodeURIComponent(place.ref)).then((found) => {
      if (found.length < 2) return;  // nothing to choose from
      const title = document.createElement("div");
      title.className = "note";
      title.textContent = "Miejsca o tej nazwie w gazeterze:";
      const list = document.createElement("ol");
      box.append(title, list);
      for (const candidate of found) {
        const item = document.createElement("li");
        if (candidate.current) {
          item.textContent = candidate.label + " — teraz";
        } else {
          const pick = document.createElement("button");
          pick.type = "button";
          pick.className = "map-pick";
          pick.textContent = candidate.label;
          pick.addEventListener("click", () => save(place, candidate.lat, candidate.lon, candidate.name_now));
          item.appendChild(pick);
        }
        list.appendChild(item);
      }
    }).catch(() => {});
    return box;
  }

  // Moving a place: the next click on the map gives its coordinates, the page's form saves them.
  const moveForm = document.querySelector("form.place-move");
  function save(place, lat, lon, name) {
    if (!moveForm) return;
    moveForm.elements.ref.value = place.ref;
    moveForm.elements.lat.value = lat.toFixed(5);
    moveForm.elements.lon.value = lon.toFixed(5);
    moveForm.elements.name.value = name || "";
    document.getElementById("map-move-hint").textContent = place.lemma + " → " + moveForm.elements.lat.value
      + ", " + moveForm.elements.lon.value;
    if (moveForm.reportValidity()) moveForm.submit();
  }
  // Either drag the pin that appears on the place or click the new position.
  function startMove(place) {
    if (!moveForm) return;
    map.closePopup();
    element.classList.add("moving");
    document.getElementById("map-move-hint").textContent = "Przeciągnij znacznik albo kliknij nowe położenie: "
      + place.lemma;
    const pin = L.marker([place.lat, place.lon], { draggable: true, autoPan: true, title: place.lemma }).addTo(map);
    pin.getElement().classList.add("map-pin");
    const done = (lat, lng) => {
      element.classList.remove("moving");
      map.off("click", clicked);
      save(place, lat, L.Util.wrapNum(lng, [-180, 180], true), "");
    };
    const clicked = (e) => done(e.latlng.lat, e.latlng.lng);
    pin.on("dragend", () => done(pin.getLatLng().lat, pin.getLatLng().lng));
    map.once("click", clicked);
  }

  // The time slider: places whose events began by the chosen year (all places at the far right).
  const slider = document.getElementById("map-year");
  const sliderValue = document.getElementById("map-year-value");
  const markers = [];
  function year(date) { return Number(String(date).slice(0, 4)); }
  function filterByYear() {
    const all = Number(slider.value) >= Number(slider.max);
    sliderValue.textContent = all ? "wszystkie" : slider.value;
    cluster.clearLayers();
    cluster.addLayers(markers.filter(({ place }) => all
      || place.dates.some(([begin]) => year(begin) <= Number(slider.value))).map(({ marker }) => marker));
    placeLabels();
  }

  // A cluster is as large as the mentions of its places, and says how many places it holds.
  function clusterIcon(group) {
    const children = group.getAllChildMarkers();
    const mentions = children.reduce((sum, marker) => sum + marker.options.mentions, 0);
    const size = Math.round(24 + 4 * Math.sqrt(mentions));
    const count = document.createElement("span");
    count.textContent = String(children.length);
    count.title = children.length + " miejsc, " + mentions + " wzmianek";
    return L.divIcon({ html: count, className: "map-cluster", iconSize: [size, size] });
  }
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40, iconCreateFunction: clusterIcon });

  // Labels of the places shown on their own, most mentioned first, each right or left of its point where
  // it overlaps no label placed before; the others go without (their name is in the tooltip). Labels
  // take no clicks, so they never hide a point.
  const labels = L.layerGroup().addTo(map);
  const LABEL_CHAR = 7, LABEL_HEIGHT = 16;
  function placeLabels() {
    labels.clearLayers();
    const size = map.getSize();
    const taken = [];
    // a place inside a cluster is off the map until the cluster opens
    const shown = markers.filter(({ marker }) => map.hasLayer(marker)).sort((a, b) => b.place.mentions - a.place.mentions);
    const points = shown.map(({ marker }) => {
      const at = map.latLngToContainerPoint(marker.getLatLng());
      const r = marker.getRadius();
      return [at.x - r, at.y - r, at.x + r, at.y + r];
    });
    const overlaps = (box) => (t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3];
    for (const { place, marker } of shown) {
      const at = map.latLngToContainerPoint(marker.getLatLng());
      const radius = marker.getRadius();
      const width = LABEL_CHAR * place.lemma.length + 6;
      for (const side of ["right", "left"]) {
        const x = side === "right" ? at.x + radius + 3 : at.x - radius - 3 - width;
        const box = [x, at.y - LABEL_HEIGHT / 2, x + width, at.y + LABEL_HEIGHT / 2];
        if (box[0] < 0 || box[2] > size.x || box[1] < 0 || box[3] > size.y) continue;
        if (taken.some(overlaps(box)) || points.some(overlaps(box))) continue;  // another label or point
        taken.push(box);
        const text = document.createElement("span");
        text.textContent = place.lemma;
        const anchor = side === "right" ? [-(radius + 3), LABEL_HEIGHT / 2] : [width + radius + 3, LABEL_HEIGHT / 2];
        labels.addLayer(L.marker(marker.getLatLng(), { interactive: false, keyboard: false, icon: L.divIcon({
          html: text, className: "map-label map-label-" + side, iconSize: [width, LABEL_HEIGHT], iconAnchor: anchor,
        }) }));
        break;
      }
    }
  }
  getJson(element.dataset.places).then((placesFound) => {
    for (const place of placesFound) {
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 4 + 2 * Math.sqrt(place.mentions), color: "#2d2a26", weight: 1, fillColor: "#e0b25b", fillOpacity: 0.9,
        mentions: place.mentions,
      });
      marker.bindTooltip(place.lemma);
      marker.bindPopup(() => popup(place), { maxWidth: 360 });
      markers.push({ place, marker });
      cluster.addLayer(marker);
    }
    // The view is fitted at once, before the markers are drawn: an animated fit would move them after the
    // page says it is ready, and a click aimed at a marker would land on the empty map.
    if (placesFound.length) {
      map.fitBounds(L.latLngBounds(placesFound.map((p) => [p.lat, p.lon])),
        { padding: [30, 30], maxZoom: 8, animate: false });
    }
    cluster.addTo(map);
    placeLabels();
    map.on("zoomend moveend", placeLabels);
    cluster.on("animationend", placeLabels);
    const years = placesFound.flatMap((p) => p.dates.map(([begin]) => year(begin)));
    if (years.length && slider) {
      slider.min = String(Math.min(...years));
      slider.max = String(Math.max(...years) + 1);
      slider.value = slider.max;
      slider.disabled = false;
      slider.addEventListener("input", filterByYear);
    }
    element.dataset.ready = String(placesFound.length);
  }).catch(() => { element.dataset.ready = "error"; });
})();
