// The check-in code on a projector stays current without a meta refresh (which moves focus and
// reloads under people's feet): every 15 seconds this fetches the same page and swaps in its live
// part ([data-checkin-live]: the code, the QR code, the count, or "check-in closed"). If the
// fetch fails, or the person has been signed out, the screen keeps what it shows; the page's
// "Refresh the code" link works without JavaScript.
const INTERVAL_MS = 15_000;
const live = document.querySelector("[data-checkin-live]");

async function refresh() {
  try {
    const response = await fetch(window.location.href, {
      credentials: "same-origin",
      cache: "no-store",
      redirect: "error",
    });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("[data-checkin-live]");
    if (fresh && fresh.innerHTML !== live.innerHTML) live.innerHTML = fresh.innerHTML;
  } catch {
    // Offline or signed out: try again at the next tick.
  }
}

if (live) {
  window.setInterval(refresh, INTERVAL_MS);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) refresh();
  });
}
