/* Statements sharing one scale, one at a time on a phone. Without this file, or on a
   wider screen, every statement is on the page at once. Either way all of them are in
   the one form, so "Save and come back later" or leaving mid-way loses nothing. */
(function () {
  "use strict";
  var box = document.getElementById("statements");
  if (!box || !window.matchMedia) { return; }
  var items = Array.prototype.slice.call(box.querySelectorAll("fieldset.statement"));
  if (items.length < 2) { return; }
  var phone = window.matchMedia("(max-width: 40rem)");  // as survey.css's phone layout
  var actions = box.closest("form").querySelector(".actions");
  var current = 0;

  function button(words, secondary) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button big" + (secondary ? " secondary" : "");
    b.textContent = words;
    return b;
  }

  // Read out politely after each move: "Part 2 of 5".
  var progress = document.createElement("p");
  progress.className = "statement-progress";
  progress.setAttribute("aria-live", "polite");
  var nav = document.createElement("div");
  nav.className = "actions statement-nav";
  var back = button(box.getAttribute("data-back"), true);
  var next = button(box.getAttribute("data-next"), false);
  nav.appendChild(back);
  nav.appendChild(next);
  box.parentNode.insertBefore(progress, box);
  box.parentNode.insertBefore(nav, box.nextSibling);
  items.forEach(function (item) {
    item.querySelector("legend").setAttribute("tabindex", "-1");
  });

  function show(n, focus) {
    current = n;
    items.forEach(function (item, i) { item.hidden = i !== n; });
    back.hidden = n === 0;
    next.hidden = n === items.length - 1;
    if (actions) { actions.hidden = n !== items.length - 1; }  // Next question: after the last
    progress.textContent = box.getAttribute("data-progress")
      .replace("{n}", String(n + 1)).replace("{total}", String(items.length));
    if (focus) { items[n].querySelector("legend").focus(); }
  }

  function layOut() {
    var one = phone.matches;
    progress.hidden = nav.hidden = !one;
    if (one) { show(current, false); return; }
    items.forEach(function (item) { item.hidden = false; });
    if (actions) { actions.hidden = false; }
  }

  next.addEventListener("click", function () { show(current + 1, true); });
  back.addEventListener("click", function () { show(current - 1, true); });
  // A link in the error summary to a hidden statement's answer shows that statement.
  box.addEventListener("focusin", function (event) {
    var i = items.findIndex(function (item) { return item.contains(event.target); });
    if (phone.matches && i >= 0 && i !== current) { show(i, false); }
  });
  if (phone.addEventListener) { phone.addEventListener("change", layOut); }
  layOut();
})();
