// copydesk's page: the text is checked through POST /api/check as it is
// typed, findings are drawn behind the text and listed beside it, and
// every fix is shown as a diff before it changes the text.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const editor = $("editor");
  const backdrop = $("backdrop");
  const filename = $("filename");
  const findingsList = $("findings");
  const namesList = $("names");
  const status = $("status");
  const count = $("count");
  const review = $("review");
  const diffView = $("diff");
  const reviewWhat = $("review-what");
  const unsafeBox = $("unsafe");
  const fixAllButton = document.querySelector('[data-action="fix-all"]');

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const CHECK_DELAY = 250; // ms of quiet typing before a check

  let diagnostics = [];
  let checkedText = null; // the text the diagnostics belong to
  let seq = 0; // request counter: only the latest answer is shown
  let timer = 0;
  let pending = null; // the text a review would apply
  let archive = { ready: false, articles: 0 };

  // byteIndex maps UTF-8 byte offsets (the API's) to string indices.
  function byteIndex(text) {
    const bytes = encoder.encode(text).length;
    const map = new Int32Array(bytes + 1);
    let b = 0;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i);
      const units = cp > 0xffff ? 2 : 1;
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let k = 0; k < size; k++) map[b + k] = i;
      b += size;
      i += units;
    }
    map[bytes] = text.length;
    return (off) => map[Math.max(0, Math.min(off, bytes))];
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }

  function autosize() {
    editor.style.height = "auto";
    editor.style.height = editor.scrollHeight + 2 + "px";
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY);
    render(); // marks of a stale check are dropped at once
  }

  async function post(path, body) {
    const resp = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await resp.json().catch(() => ({ error: "the server's answer is not JSON" }));
    if (!resp.ok) throw new Error(data.error || resp.statusText);
    return data;
  }

  async function check() {
    const text = editor.value;
    const mine = ++seq;
    try {
      const rep = await post("api/check", { text, filename: filename.value });
      if (mine !== seq) return;
      diagnostics = rep.diagnostics || [];
      checkedText = text;
      const errs = (rep.errors || []).map((e) => e.message);
      setStatus(errs.length ? "Cannot check this text: " + errs.join("; ") : "");
    } catch (err) {
      if (mine !== seq) return;
      setStatus("Check failed: " + err.message);
    }
    render();
  }

  function setStatus(extra) {
    const base = archive.ready
      ? `Archive: ${archive.articles.toLocaleString()} articles.`
      : `Reading the archive… (${archive.articles.toLocaleString()} so far)`;
    status.textContent = extra ? base + " " + extra : base;
  }

  function severityClass(s) {
    return "sev-" + (s === "error" ? "error" : s === "info" ? "info" : "warning");
  }

  function render() {
    autosize();
    const text = editor.value;
    const fresh = checkedText === text;
    const ds = fresh ? diagnostics : [];
    renderMarks(text, ds);
    renderList(ds, fresh);
  }

  function renderMarks(text, ds) {
    const at = byteIndex(text);
    let html = "";
    let pos = 0;
    ds.forEach((d, i) => {
      let a = at(d.offset);
      let b = at(d.end_offset);
      if (a < pos) return; // overlapping: listed, not drawn twice
      if (b === a) b = Math.min(text.length, a + 1); // show a point as one character
      html += escapeHTML(text.slice(pos, a));
      html += `<mark data-rule="${escapeHTML(d.rule)}" data-index="${i}" class="${severityClass(d.severity)}">${escapeHTML(text.slice(a, b))}</mark>`;
      pos = b;
    });
    html += escapeHTML(text.slice(pos));
    backdrop.innerHTML = html + "\n "; // a final newline needs a line to show
  }

  function findingItem(d, i) {
    const li = document.createElement("li");
    li.dataset.rule = d.rule;
    li.dataset.index = String(i);
    li.className = severityClass(d.severity);
    li.tabIndex = 0;
    if (d.fix) li.dataset.fixable = d.fix.applicability;
    li.innerHTML =
      `<span class="sev">${escapeHTML(d.severity)}</span> ` +
      `<span class="where">line ${d.line}, column ${d.column}</span> ` +
      `<span class="rule">${escapeHTML(d.rule)}</span><br>` +
      `<span class="message">${escapeHTML(d.message)}</span>`;
    if (d.fix) {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.dataset.action = "fix";
      btn.dataset.index = String(i);
      btn.textContent = d.fix.applicability === "unsafe" ? `${d.fix.message} (unsafe)` : d.fix.message;
      if (d.fix.applicability === "unsafe") btn.className = "secondary";
      li.appendChild(document.createElement("br"));
      li.appendChild(btn);
    }
    li.addEventListener("click", (ev) => {
      if (ev.target.closest("button")) return;
      select(i);
    });
    li.addEventListener("keydown", (ev) => {
      if ((ev.key === "Enter" || ev.key === " ") && ev.target === li) {
        ev.preventDefault();
        select(i);
      }
    });
    return li;
  }

  function renderList(ds, fresh) {
    findingsList.replaceChildren();
    namesList.replaceChildren();
    ds.forEach((d, i) => {
      findingsList.appendChild(findingItem(d, i));
      if (d.category === "names") namesList.appendChild(findingItem(d, i));
    });
    if (!namesList.children.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = fresh ? "No name is written differently from the archive." : "…";
      namesList.appendChild(li);
    }
    count.textContent = fresh ? `(${ds.length})` : "(checking…)";
    const safe = ds.some((d) => d.fix && d.fix.applicability === "safe");
    const any = ds.some((d) => d.fix);
    fixAllButton.disabled = !(safe || (unsafeBox.checked && any));
  }

  // select puts the cursor on a finding, for the keyboard as for the mouse.
  function select(i) {
    const d = diagnostics[i];
    if (!d || checkedText !== editor.value) return;
    const at = byteIndex(editor.value);
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    document.querySelectorAll(`[data-index="${i}"]`).forEach((el) => el.classList.add("current"));
    // focus() would bring only the text area's edge into view; a finding
    // far down a long article is brought to the middle of the window.
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(at(d.offset), at(d.end_offset));
    // Only the window scrolls: scrollIntoView would scroll the backdrop
    // too, and its marks would no longer lie under their words.
    const mark = backdrop.querySelector(`mark[data-index="${i}"]`) || editor;
    const r = mark.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) {
      window.scrollBy(0, r.top + r.height / 2 - window.innerHeight / 2);
    }
  }

  // applyEdits applies byte-offset edits to text.
  function applyEdits(text, edits) {
    const bytes = encoder.encode(text);
    const sorted = [...edits].sort((a, b) => b.offset - a.offset);
    let out = bytes;
    for (const e of sorted) {
      const ins = encoder.encode(e.new_text);
      const next = new Uint8Array(out.length - (e.end_offset - e.offset) + ins.length);
      next.set(out.subarray(0, e.offset), 0);
      next.set(ins, e.offset);
      next.set(out.subarray(e.end_offset), e.offset + ins.length);
      out = next;
    }
    return decoder.decode(out);
  }

  // lineDiff shows the lines one fix changes, in unified diff style.
  function lineDiff(before, after) {
    const a = before.split("\n");
    const b = after.split("\n");
    let top = 0;
    while (top < a.length && top < b.length && a[top] === b[top]) top++;
    let ea = a.length - 1;
    let eb = b.length - 1;
    while (ea >= top && eb >= top && a[ea] === b[eb]) {
      ea--;
      eb--;
    }
    const out = [`@@ -${top + 1},${ea - top + 1} +${top + 1},${eb - top + 1} @@`];
    for (let i = top; i <= ea; i++) out.push("-" + a[i]);
    for (let i = top; i <= eb; i++) out.push("+" + b[i]);
    return out.join("\n") + "\n";
  }

  function showDiff(what, diff, newText) {
    pending = { from: editor.value, to: newText };
    reviewWhat.textContent = what;
    diffView.innerHTML = diff
      .split("\n")
      .map((l) => {
        const cls = l.startsWith("@@") ? "hunk" : l.startsWith("+") && !l.startsWith("+++") ? "add" : l.startsWith("-") && !l.startsWith("---") ? "del" : "";
        return cls ? `<span class="${cls}">${escapeHTML(l)}</span>` : escapeHTML(l) + "\n";
      })
      .join("");
    review.showModal();
    review.querySelector('[data-action="apply"]').focus();
  }

  function fixOne(i) {
    const d = diagnostics[i];
    if (!d || !d.fix || checkedText !== editor.value) return;
    const after = applyEdits(editor.value, d.fix.edits);
    const kind = d.fix.applicability === "unsafe" ? "Unsafe fix: check it reads right. " : "";
    showDiff(`${kind}${d.fix.message} (${d.rule}, line ${d.line})`, lineDiff(editor.value, after), after);
  }

  async function fixAll() {
    const unsafe = unsafeBox.checked;
    try {
      const res = await post("api/fix", { text: editor.value, filename: filename.value, unsafe });
      if (!res.diff) {
        setStatus("Nothing to fix.");
        return;
      }
      const left = (res.remaining || []).length;
      showDiff(`All ${unsafe ? "safe and unsafe" : "safe"} fixes; ${left} finding${left === 1 ? "" : "s"} left after them.`, res.diff, res.text);
    } catch (err) {
      setStatus("Fix failed: " + err.message);
    }
  }

  function apply() {
    if (pending && pending.from === editor.value) {
      editor.value = pending.to;
      pending = null;
      review.close();
      editor.focus();
      clearTimeout(timer);
      render();
      check();
    } else {
      pending = null;
      review.close();
      setStatus("The text changed meanwhile; the fix was not applied.");
    }
  }

  document.addEventListener("click", (ev) => {
    const btn = ev.target.closest("button[data-action]");
    if (!btn) return;
    switch (btn.dataset.action) {
      case "fix":
        fixOne(Number(btn.dataset.index));
        break;
      case "fix-all":
        fixAll();
        break;
      case "apply":
        apply();
        break;
      case "open":
        openArticle();
        break;
      case "cancel":
        pending = null;
        review.close();
        editor.focus();
        break;
    }
  });
  review.addEventListener("close", () => {
    pending = null;
  });

  editor.addEventListener("input", schedule);
  filename.addEventListener("change", () => {
    clearTimeout(timer);
    check();
  });
  unsafeBox.addEventListener("change", render);
  window.addEventListener("resize", autosize);

  // An article is opened by the button, not when the choice changes: the
  // arrow keys change a closed list's choice at every press, and each
  // opening replaces the text in the editor.
  async function openArticle() {
    const path = $("open").value;
    if (!path) {
      setStatus("Choose an article to open.");
      return;
    }
    try {
      const resp = await fetch("api/file?path=" + encodeURIComponent(path));
      const data = await resp.json();
      if (!resp.ok) throw new Error(data.error);
      editor.value = data.text;
      filename.value = data.filename;
      clearTimeout(timer);
      render();
      editor.focus();
      check();
    } catch (err) {
      setStatus("Cannot open " + path + ": " + err.message);
    }
  }

  async function loadStatus() {
    try {
      archive = await (await fetch("api/status")).json();
      setStatus("");
      if (!archive.ready) {
        setTimeout(loadStatus, 500);
        return;
      }
      const files = (await (await fetch("api/files")).json()).files || [];
      const sel = $("open");
      for (const f of files) {
        const o = document.createElement("option");
        o.value = f;
        o.textContent = f;
        sel.appendChild(o);
      }
      if (editor.value) check();
    } catch (err) {
      status.textContent = "The copydesk server does not answer: " + err.message;
    }
  }

  render();
  loadStatus();
})();
