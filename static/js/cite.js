// "Cite this": each [data-copy] button copies the text of the element it names to the clipboard.
// Without JavaScript the buttons stay hidden and the citation is plain text to select.
(function () {
  "use strict";

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    selectText(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function wire(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentElement.querySelector("[role=status]");
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      var copied = function () { status.textContent = "Copied."; };
      var selectInstead = function () {
        selectText(source);
        status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(copied, function () {
          if (copyBySelection(source)) copied(); else selectInstead();
        });
      } else if (copyBySelection(source)) {
        copied();
      } else {
        selectInstead();
      }
    });
  }

  document.querySelectorAll("[data-copy]").forEach(wire);
})();
