// The letter page opened at an item (#item-2, as a search hit links to it): that item's rationale is opened.
// Without JavaScript the rationales holding the search's words are open already (the server opens them).
(function () {
  "use strict";

  function openTargetRationale() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var item = id && document.getElementById(id);
    if (!item || !item.classList.contains("item")) {
      return;
    }
    var rationale = item.querySelector("details.rationale");
    if (rationale) {
      rationale.open = true;
    }
  }

  window.addEventListener("hashchange", openTargetRationale);
  openTargetRationale();
})();
