// wirecheck review: live queue updates over server-sent events, dashboard refresh. Served from
// /static (the Content-Security-Policy allows no inline script).
"use strict";

function followQueue() {
  const live = document.getElementById("live");
  const rows = document.getElementById("queue-rows");
  if (!live || !rows || !window.EventSource) return;
  const source = new EventSource("/events");
  source.addEventListener("queue", async (message) => {
    const data = JSON.parse(message.data);
    const response = await fetch(live.dataset.rows, {headers: {Accept: "text/html"}});
    if (!response.ok) return;
    rows.innerHTML = await response.text();  // server-rendered, escaped HTML
    document.getElementById("depth").textContent = String(data.depth);
    live.textContent = "live updates on · updated " + new Date().toLocaleTimeString();
  });
  source.onerror = () => { live.textContent = "live updates reconnecting…"; };
}

function refreshDashboard() {
  const marker = document.getElementById("auto-refresh");
  if (marker) setTimeout(() => window.location.reload(), 1000 * Number(marker.dataset.seconds || 10));
}

function overturnFollowsVerdict() {
  const select = document.getElementById("overturn-verdict");
  const radio = document.getElementById("action-overturn");
  if (select && radio) select.addEventListener("change", () => { radio.checked = true; });
}

document.addEventListener("DOMContentLoaded", () => {
  followQueue();
  refreshDashboard();
  overturnFollowsVerdict();
});
