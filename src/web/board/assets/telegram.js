// Opened by Telegram as a Web App: sends Telegram's signed initData (in the address's #fragment) to the
// server, which checks it with the bot token and the person's role, and answers with the board's link.
(function () {
  "use strict";
  var status = document.getElementById("trang-thai");
  var hash = new URLSearchParams(location.hash.slice(1));
  var initData = hash.get("tgWebAppData");
  if (!initData) {
    status.textContent = "Trang này chỉ mở được từ nút trong Telegram. Xin vui lòng gõ /bang trong trò chuyện với trợ lý.";
    return;
  }
  fetch("/bang/telegram", { method: "POST", headers: { "Content-Type": "text/plain" }, body: initData, credentials: "omit" })
    .then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, data: data }; });
    })
    .then(function (res) {
      if (res.ok && res.data.url) location.replace(res.data.url);
      else status.textContent = res.data.message || "Không mở được bảng theo dõi.";
    })
    .catch(function () {
      status.textContent = "Không kết nối được máy chủ. Xin vui lòng thử lại sau.";
    });
})();
