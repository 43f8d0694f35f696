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
    if (d.by) line("poprawione przez", d.by + " (" + d.at + ")");  // a person's word, not the machine's
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

// Adding a missed name: the words selected in the reading view fill the form's offsets and text.
(function () {
  const form = document.querySelector("form.add-entity");
  if (!form) return;
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const node = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement
      : range.startContainer;
    const sentence = node && node.closest(".sentence");
    if (!sentence || !sentence.contains(range.endContainer)) return;
    const before = document.createRange();
    before.setStart(sentence, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const text = raw.trim();
    if (!text) return;
    const start = Number(sentence.id.slice(1)) + before.toString().length + (raw.length - raw.trimStart().length);
    form.elements.start.value = String(start);
    form.elements.end.value = String(start + text.length);
    form.elements.text.value = text;
    if (!form.elements.lemma.value) form.elements.lemma.value = text;
  });
})();

// Uploads: a progress bar while the files are sent and analysed.
(function () {
  const form = document.querySelector("form.upload");
  if (!form) return;
  const bar = form.querySelector("progress");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) bar.value = Math.round((90 * e.loaded) / e.total);
    });
    request.upload.addEventListener("load", () => { bar.removeAttribute("value"); });
    request.addEventListener("load", () => {
      if (request.status >= 400) {
        document.open();
        document.write(request.responseText);
        document.close();
      } else {
        window.location.assign(request.responseURL);
      }
    });
    request.send(new FormData(form));
  });
})();
