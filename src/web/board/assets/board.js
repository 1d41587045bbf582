// The board's progressive enhancement. Everything works without it: filters submit as a form, a cell
// opens its history page. With it: filters apply on change, a cell's history opens in a dialog, and the
// arrow keys move between cells.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (form) {
    form.addEventListener("change", function () { form.submit(); });
  }

  var dialog = document.getElementById("lich-su");
  var body = dialog && dialog.querySelector(".dialog-body");
  var opener = null;
  if (dialog && typeof dialog.showModal === "function") {
    document.addEventListener("click", function (event) {
      var target = event.target;
      var cell = target && target.closest ? target.closest("a.cell, .attention a") : null;
      if (!cell || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      opener = cell;
      var url = new URL(cell.getAttribute("href"), location.href);
      url.searchParams.set("manh", "1");
      body.textContent = "Đang tải…";
      dialog.showModal();
      fetch(url.toString(), { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (r) {
          if (!r.ok) throw new Error(String(r.status));
          return r.text();
        })
        .then(function (html) {
          // The fragment is server-rendered with every text escaped.
          body.innerHTML = html;
          var heading = body.querySelector("h2");
          if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        })
        .catch(function () {
          body.textContent = "Không tải được lịch sử. Xin vui lòng thử lại, hoặc tải lại trang (liên kết có thể đã hết hạn).";
        });
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
  }

  var grid = document.querySelector("table.grid");
  if (grid) {
    grid.addEventListener("keydown", function (event) {
      var cell = event.target;
      if (!cell.classList || !cell.classList.contains("cell")) return;
      var r = Number(cell.getAttribute("data-r"));
      var c = Number(cell.getAttribute("data-c"));
      var moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
      var move = moves[event.key];
      if (!move) return;
      // Skip cells where the agency is not responsible: keep going in the same direction.
      for (var step = 1; step < 200; step++) {
        var next = grid.querySelector('a.cell[data-r="' + (r + move[0] * step) + '"][data-c="' + (c + move[1] * step) + '"]');
        if (next) { event.preventDefault(); next.focus(); return; }
        if (r + move[0] * step < 0 || c + move[1] * step < 0) return;
      }
    });
  }
})();
