// Kronika — hover cards for names, dates and places, and click-through from a name to its page.
// Everything is read from data-* attributes and written with textContent: no HTML is ever built here.
"use strict";
(function () {
  const tooltip = document.getElementById("tooltip");
  if (!tooltip) return;

  function line(label, value) {
    if (!value) return;
    const row = document.createElement("div");
    const key = document.createElement("b");
    key.textContent = label + ": ";
    row.appendChild(key);
    row.appendChild(document.createTextNode(value));
    tooltip.appendChild(row);
  }

  function fill(target) {
    const d = target.dataset;
    tooltip.replaceChildren();
    if (d.kind === "entity") {
      line("forma podstawowa", d.lemma);
      line("rodzaj", d.label + " (" + d.type + ")");
      line("dziś", d.geo);
      line("identyfikator", d.ref);
    } else if (d.kind === "timex") {
      line("TIMEX3", d.type + " " + d.value);
      line("czytaj", d.readable);
    } else if (d.kind === "place") {
      line("miejsce", d.lemma);
      line("nazwa dziś", d.geo);
      line("państwo w 1939", d.country);
    }
  }

  function place(event) {
    const pad = 14;
    const box = tooltip.getBoundingClientRect();
    let x = event.clientX + pad, y = event.clientY + pad;
    if (x + box.width > window.innerWidth) x = event.clientX - box.width - pad;
    if (y + box.height > window.innerHeight) y = event.clientY - box.height - pad;
    tooltip.style.left = Math.max(0, x) + "px";
    tooltip.style.top = Math.max(0, y) + "px";
  }

  function show(target, event) {
    fill(target);
    tooltip.hidden = false;
    if (event.clientX !== undefined) place(event);
    else {
      const r = target.getBoundingClientRect();
      tooltip.style.left = r.left + "px";
      tooltip.style.top = r.bottom + 6 + "px";
    }
  }

  // The innermost marked element under the pointer wins (a person inside a treaty's name).
  const selector = "[data-kind]";
  document.addEventListener("mouseover", (e) => {
    const target = e.target.closest(selector);
    if (target) show(target, e); else tooltip.hidden = true;
  });
  document.addEventListener("mousemove", (e) => { if (!tooltip.hidden) place(e); });
  document.addEventListener("focusin", (e) => {
    const target = e.target.closest(selector);
    if (target) show(target, e);
  });
  document.addEventListener("focusout", () => { tooltip.hidden = true; });

  function follow(e) {
    const target = e.target.closest("mark[data-href]");
    if (target && target.dataset.href) window.location.assign(target.dataset.href);
  }
  document.addEventListener("click", follow);
  document.addEventListener("keydown", (e) => { if (e.key === "Enter") follow(e); });
})();
