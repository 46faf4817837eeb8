// firsthand: upload with progress, one file at a time, each result named.
// Served by the app itself; the page works without it (the form posts all files at once).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const input = document.getElementById("files");
  const progress = document.getElementById("upload-progress");
  const status = document.getElementById("upload-status");
  const list = document.getElementById("upload-results");
  // The server refuses a larger file once it has read that much, and closes the connection:
  // said here, before sending, the reason is the limit rather than a network error.
  const maxBytes = Number(form.dataset.maxBytes);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const files = Array.from(input.files);
    if (!files.length) { status.textContent = "Choose one or more files first."; return; }
    list.replaceChildren();
    progress.hidden = false; progress.max = files.length; progress.value = 0;
    let added = 0;
    for (const [n, file] of files.entries()) {
      status.textContent = `Reading ${n + 1} of ${files.length}: ${file.name}`;
      const body = new FormData();
      body.append("files", file, file.name);
      const item = document.createElement("li");
      if (maxBytes && file.size > maxBytes) {
        item.className = "failed";
        item.textContent = `${file.name}: failed — over the ${Math.round(maxBytes / 1048576)} MB limit for one file`;
        list.append(item);
        progress.value = n + 1;
        continue;
      }
      try {
        const response = await fetch("/upload", {
          method: "POST", body, credentials: "same-origin",
          headers: { "X-CSRF-Token": token, "Accept": "application/json" },
        });
        const data = await response.json();
        for (const r of data.results || [{ file: file.name, status: "failed", reason: data.error }]) {
          item.className = r.status.replace(" ", "-");
          item.textContent = `${r.file}: ${r.status}${r.reason ? " — " + r.reason : ""}`;
          if (r.status === "added") added += 1;
        }
      } catch (err) {
        item.className = "failed";
        item.textContent = `${file.name}: failed — ${err}`;
      }
      list.append(item);
      progress.value = n + 1;
    }
    status.textContent = `Done: ${added} of ${files.length} added.`;
    if (added) {
      const again = document.createElement("a");
      again.href = "/"; again.textContent = " Show the documents";
      status.append(again);
    }
  });
});
