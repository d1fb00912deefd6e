// The publisher's own script (not Kiosque's): adds a widget after load, as an infinite-scroll
// page would. Kiosque notices and starts it.
document.getElementById("add-widget")?.addEventListener("click", (event) => {
  const host = document.createElement("div");
  host.setAttribute("data-kiosque", "more");
  host.setAttribute("data-src", "data/feed.json");
  host.setAttribute("data-lang", "en");
  host.setAttribute("data-more-length", "2");
  host.className = "added-later";
  host.innerHTML = '<p><a href="https://www.nasubainfos.example/">Latest news</a></p>';
  event.currentTarget.after(host);
});
