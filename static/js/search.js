// Small enhancements of the search form; everything works without them.
// - ticking a facet option or choosing a sort submits the form at once, and focus returns to that
//   control after the page reloads;
// - on a narrow screen the filters start folded.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  document.documentElement.classList.add("js");

  var key = "catalog-focus";
  var remembered = window.sessionStorage && sessionStorage.getItem(key);
  if (remembered) {
    sessionStorage.removeItem(key);
    var target = document.getElementById(remembered);
    if (target) {
      var folded = target.closest("details");
      if (folded) folded.open = true;
      target.focus();
    }
  }

  form.addEventListener("change", function (event) {
    var control = event.target;
    var autoSubmit = (control.type === "checkbox" && control.closest(".facet")) || control.id === "id_sort";
    if (!autoSubmit) return;
    if (window.sessionStorage && control.id) sessionStorage.setItem(key, control.id);
    form.requestSubmit ? form.requestSubmit() : form.submit();
  });

  // Empty fields would only clutter the address of the search.
  form.addEventListener("formdata", function (event) {
    var data = event.formData;
    ["q", "age"].forEach(function (name) {
      if (data.get(name) === "") data.delete(name);
    });
  });

  var filters = document.getElementById("filters-toggle");
  if (filters && window.matchMedia("(max-width: 52rem)").matches && !remembered) {
    filters.open = false;
  }
})();
