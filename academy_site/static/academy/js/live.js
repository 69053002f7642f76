// Parts of a page that follow the server without a meta refresh (which reloads the whole page
// under people's feet and which axe reports as a critical problem): each element with
// data-live="<seconds>" is fetched again every so many seconds, and its content is swapped for
// the same element of the fresh page. When the fresh element carries data-live-done (a job has
// finished, check-in has closed), polling stops. If a fetch fails, or the person has been signed
// out, the page keeps what it shows. Every such page also has a plain link to refresh it, so it
// works without JavaScript.
const regions = document.querySelectorAll("[data-live]");

function follow(region, index) {
  const seconds = Math.max(Number(region.dataset.live) || 15, 2);
  let timer;

  async function refresh() {
    try {
      const response = await fetch(window.location.href, {
        credentials: "same-origin",
        cache: "no-store",
        redirect: "error",
      });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.querySelectorAll("[data-live]")[index];
      if (!fresh) return;
      if (fresh.innerHTML !== region.innerHTML) region.innerHTML = fresh.innerHTML;
      if (fresh.hasAttribute("data-live-done")) window.clearInterval(timer);
    } catch {
      // Offline or signed out: try again at the next tick.
    }
  }

  if (region.hasAttribute("data-live-done")) return;
  timer = window.setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) refresh();
  });
}

regions.forEach(follow);
