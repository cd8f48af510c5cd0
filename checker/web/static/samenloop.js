// samenloop web page: small enhancements only; every page also works without JavaScript.
(function () {
  "use strict";

  // Show only the parts of a person that fit the chosen role (WIA for adults, kinderopvang for children).
  // A hidden section is also disabled, so its fields are not sent.
  function toonRolsecties(persoon) {
    var rol = persoon.querySelector(".rolkeuze select");
    if (!rol) return;
    persoon.querySelectorAll(".rolsectie").forEach(function (sectie) {
      var past = sectie.dataset.rollen.split(" ").indexOf(rol.value) !== -1;
      sectie.hidden = !past;
      sectie.disabled = !past;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-persoon]").forEach(function (persoon) {
      var rol = persoon.querySelector(".rolkeuze select");
      if (rol) rol.addEventListener("change", function () { toonRolsecties(persoon); });
    });

    var afdrukken = document.getElementById("knop-afdrukken");
    if (afdrukken) {
      afdrukken.hidden = false;
      afdrukken.addEventListener("click", function () { window.print(); });
    }

    var focus = document.querySelector("[data-focus]");
    if (focus) focus.focus();
  });
})();
