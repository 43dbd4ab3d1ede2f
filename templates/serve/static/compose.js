// The compose page of vanban serve: the form is the draft (model/draft.h); the server turns it
// into markup, renders it and answers with the pages (SVG) and every rule it breaks, each with
// the form field it comes from. No markup is ever shown or typed here.
"use strict";

const csrf = document.querySelector('meta[name="csrf-token"]').content;
const $ = (id) => document.getElementById(id);
const state = { setup: null, version: "", issuer: null, layout: "", signature: null, sequence: 0, edits: 0, timer: 0, controller: null };

async function api(method, path, body) {
  const headers = { "X-CSRF-Token": csrf };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                       signal: method === "POST" && path === "/api/preview" ? state.controller.signal : undefined });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: "trả lời không đọc được" }; }
  return { status: response.status, data };
}

function say(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

// ---- Lines (Kính gửi, list items, recipients): an input with a remove button ----------------
function lineInput(value, field, label, multiline) {
  const input = el(multiline ? "textarea" : "input", { "aria-label": label });
  if (multiline) input.rows = 2;
  input.value = value;
  const remove = el("button", { type: "button", class: "remove", "aria-label": "Xóa: " + label, text: "×" });
  const li = el("li", { class: "line", "data-field": field }, [input, remove]);
  remove.addEventListener("click", () => { li.remove(); renumber(); changed(); });
  return li;
}

// ---- Body blocks ------------------------------------------------------------------------------
const kindNames = { p: "Đoạn văn", h: "Tiêu đề mục", ol: "Danh sách đánh số", ul: "Danh sách gạch đầu dòng", table: "Bảng" };

function blockNode(block) {
  const li = el("li", { class: "block", "data-kind": block.kind });
  const up = el("button", { type: "button", class: "move", "aria-label": "Chuyển lên", text: "↑" });
  const down = el("button", { type: "button", class: "move", "aria-label": "Chuyển xuống", text: "↓" });
  const remove = el("button", { type: "button", class: "remove", "aria-label": "Xóa khối " + kindNames[block.kind], text: "×" });
  li.append(el("div", { class: "block-head" }, [el("span", { class: "kind", text: kindNames[block.kind] }), up, down, remove]));
  up.addEventListener("click", () => { if (li.previousElementSibling) li.parentNode.insertBefore(li, li.previousElementSibling); renumber(); changed(); });
  down.addEventListener("click", () => { if (li.nextElementSibling) li.parentNode.insertBefore(li.nextElementSibling, li); renumber(); changed(); });
  remove.addEventListener("click", () => { li.remove(); renumber(); changed(); });
  if (block.kind === "p" || block.kind === "h") {
    const text = el("textarea", { class: "block-text", rows: block.kind === "p" ? "4" : "1", "aria-label": kindNames[block.kind] });
    text.value = block.text || "";
    li.append(text);
  } else if (block.kind === "ol" || block.kind === "ul") {
    const items = el("ul", { class: "items" });
    for (const item of block.items || [""]) items.append(lineInput(item, "", "Mục danh sách", true));
    const add = el("button", { type: "button", class: "add", text: "+ Thêm mục" });
    add.addEventListener("click", () => { items.append(lineInput("", "", "Mục danh sách", true)); renumber(); items.lastChild.querySelector("textarea").focus(); });
    li.append(items, add);
  } else {
    li.append(tableEditor(block.rows || [["", ""], ["", ""]]));
  }
  return li;
}

function tableEditor(rows) {
  const table = el("table");
  const wrap = el("div", { class: "table-grid" }, [table]);
  const addRow = (cells) => {
    const tr = el("tr");
    cells.forEach((c) => { const input = el("input", { "aria-label": "Ô bảng" }); input.value = c; tr.append(el("td", {}, [input])); });
    table.append(tr);
  };
  rows.forEach(addRow);
  const columns = () => (table.rows[0] ? table.rows[0].cells.length : 0);
  const tools = el("div", { class: "table-tools" });
  const button = (text, action) => { const b = el("button", { type: "button", text }); b.addEventListener("click", () => { action(); renumber(); changed(); }); tools.append(b); };
  button("+ Dòng", () => addRow(new Array(columns()).fill("")));
  button("+ Cột", () => { for (const tr of table.rows) { const input = el("input", { "aria-label": "Ô bảng" }); tr.append(el("td", {}, [input])); } });
  button("− Dòng", () => { if (table.rows.length > 1) table.deleteRow(-1); });
  button("− Cột", () => { if (columns() > 1) for (const tr of table.rows) tr.deleteCell(-1); });
  return el("div", {}, [wrap, el("p", { class: "hint", text: "Dòng đầu là dòng tiêu đề của bảng." }), tools]);
}

// Field paths follow the server's line map (serve/draft_markup.h): "body.2.items.0" ...
function renumber() {
  [...$("to").children].forEach((li, i) => li.dataset.field = "to." + i);
  [...$("blocks").children].forEach((block, b) => {
    block.dataset.field = "body." + b;
    block.querySelectorAll(".items > li").forEach((li, i) => li.dataset.field = "body." + b + ".items." + i);
    block.querySelectorAll("tr").forEach((tr, r) => {
      tr.dataset.field = "body." + b + ".rows." + r;
      [...tr.cells].forEach((td, c) => td.dataset.field = "body." + b + ".rows." + r + "." + c);
    });
  });
  [...$("recipients").children].forEach((group, g) => {
    group.dataset.field = "recipients." + g;
    const purpose = group.querySelector(".purpose");
    if (purpose) purpose.dataset.field = "recipients." + g + ".purpose";
    group.querySelectorAll(".names > li").forEach((li, n) => li.dataset.field = "recipients." + g + ".names." + n);
  });
}

// ---- Nơi nhận: a plain recipient, or a group with its purpose -------------------------------
function groupNode(group) {
  const li = el("li", { class: group.purpose === undefined ? "plain" : "group" });
  const names = el("ul", { class: "names lines" });
  if (group.purpose !== undefined) {
    const purpose = el("input", { class: "purpose-input", "aria-label": "Mục đích của nhóm (để báo cáo, để thực hiện…)", placeholder: "Mục đích: để báo cáo, để thực hiện…" });
    purpose.value = group.purpose;
    li.append(el("div", { class: "field purpose" }, [purpose]));
  }
  for (const name of group.names) names.append(lineInput(name, "", "Nơi nhận", false));
  li.append(names);
  if (group.purpose !== undefined) {
    const add = el("button", { type: "button", class: "add", text: "+ Thêm vào nhóm" });
    add.addEventListener("click", () => { names.append(lineInput("", "", "Nơi nhận", false)); renumber(); });
    const remove = el("button", { type: "button", class: "remove", "aria-label": "Xóa nhóm", text: "Xóa nhóm" });
    remove.addEventListener("click", () => { li.remove(); renumber(); changed(); });
    li.append(add, remove);
  }
  return li;
}

// ---- Organisation, type, signer ---------------------------------------------------------------
function fillTypes(layout, selected) {
  const select = $("type");
  select.replaceChildren();
  for (const t of state.setup.types[layout] || []) {
    select.append(el("option", { value: t.id, text: t.name ? t.name.charAt(0) + t.name.slice(1).toLowerCase() : "Công văn" }));
  }
  if (selected) select.value = selected;
  if (select.value !== selected && selected) select.append(el("option", { value: selected, text: selected }));
  if (selected) select.value = selected;
}

function organisation() { return state.setup.organisations.find((o) => o.id === $("organisation").value); }

function chooseOrganisation(keepType) {
  const org = organisation();
  if (!org) return;
  state.issuer = org.issuer;
  state.layout = org.layout;
  $("place").value = org.place;
  fillTypes(org.layout, keepType ? $("type").value : "cong-van");
  const signer = $("signer");
  signer.replaceChildren();
  org.signers.forEach((s, i) => signer.append(el("option", { value: String(i), text: signerName(s) })));
  state.signature = org.signers[0];
}

// The name first: on a phone the select shows only the start of its text.
function signerName(s) { return s.signer + " (" + [...s.authority, s.role].join(", ") + ")"; }

function sameIssuer(a, b) { return a.name === b.name && a.code === b.code && (a.parent || "") === (b.parent || "") && (a.unit || "") === (b.unit || ""); }

// ---- Form <-> draft -----------------------------------------------------------------------------
function readDraft() {
  const values = (ul) => [...ul.querySelectorAll(":scope > li > input, :scope > li > textarea")].map((i) => i.value);
  const body = [...$("blocks").children].map((li) => {
    const kind = li.dataset.kind;
    if (kind === "p" || kind === "h") return { kind, text: li.querySelector(".block-text").value };
    if (kind === "ol" || kind === "ul") return { kind, items: values(li.querySelector(".items")) };
    return { kind, rows: [...li.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("input")].map((i) => i.value)) };
  });
  const recipients = [...$("recipients").children].map((li) => {
    const purpose = li.querySelector(".purpose-input");
    return { purpose: purpose ? purpose.value : "", names: values(li.querySelector(".names")) };
  });
  return {
    layout: state.layout, type: $("type").value, urgency: $("urgency").value, issuer: state.issuer,
    number: $("number").value.trim(), place: $("place").value, date: $("date").value.trim(), subject: $("subject").value,
    to: values($("to")), body, signature: state.signature, recipients, archive: $("archive").value,
  };
}

function showDraft(d) {
  let org = state.setup.organisations.find((o) => o.layout === d.layout && sameIssuer(o.issuer, d.issuer));
  const select = $("organisation");
  select.querySelectorAll("option.from-file").forEach((o) => o.remove());
  if (!org) {  // a file from elsewhere: its issuer is kept as it is
    select.append(el("option", { value: "", class: "from-file", text: d.issuer.name + " (từ tệp)" }));
    select.value = "";
    state.issuer = d.issuer;
    state.layout = d.layout;
    fillTypes(d.layout, d.type);
    $("signer").replaceChildren(el("option", { value: "", text: signerName(d.signature) }));
    state.signature = d.signature;
  } else {
    select.value = org.id;
    chooseOrganisation(false);
    fillTypes(org.layout, d.type);
    const i = org.signers.findIndex((s) => s.role === d.signature.role && s.signer === d.signature.signer);
    if (i >= 0) { $("signer").value = String(i); state.signature = org.signers[i]; }
    else { $("signer").append(el("option", { value: "file", text: d.signature.signer + " (từ tệp)" })); $("signer").value = "file"; state.signature = d.signature; }
  }
  $("urgency").value = d.urgency || "";
  $("number").value = d.number || "";
  $("place").value = d.place || "";
  $("date").value = d.date || "";
  $("subject").value = d.subject || "";
  $("archive").value = d.archive || "";
  $("to").replaceChildren(...(d.to || []).map((t) => lineInput(t, "", "Kính gửi", false)));
  $("blocks").replaceChildren(...(d.body || []).map(blockNode));
  $("recipients").replaceChildren(...(d.recipients || []).map((g) => groupNode(g.purpose ? g : { purpose: undefined, names: g.names })));
  renumber();
  changed();
}

function today() {
  const d = new Date(Date.now() + 7 * 3600 * 1000);  // Vietnam, UTC+7
  return d.toISOString().slice(0, 10);
}

function newDraft() {
  const org = state.setup.organisations[0];
  const s = org.signers[0];
  state.version = "";
  showDraft({ layout: org.layout, type: "cong-van", urgency: "", issuer: org.issuer, number: "", place: org.place, date: today(),
              subject: "", to: [""], body: [{ kind: "p", text: "" }], signature: s,
              recipients: [{ purpose: "", names: ["Như trên"] }], archive: "Văn phòng" });
}

// ---- Preview ------------------------------------------------------------------------------------
// body[data-pending] is set from a change until the preview of the form as it then is has come
// back (for the browser tests, and for anyone scripting the page).
function changed() {
  state.edits++;
  document.body.dataset.pending = "1";
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 250);
  document.querySelectorAll(".pages svg").forEach((s) => s.classList.add("stale"));
}

function placeProblems(problems) {
  document.querySelectorAll(".problem").forEach((p) => p.remove());
  document.querySelectorAll(".has-problem").forEach((p) => p.classList.remove("has-problem"));
  const list = el("ul");
  for (const p of problems) {
    const where = p.line ? p.file + ":" + p.line + ":" + p.column : p.file;
    let field = p.field, target = null;
    while (field && !(target = document.querySelector('[data-field="' + field + '"]'))) field = field.split(".").slice(0, -1).join(".");
    const message = el("p", { class: "problem" + (p.warning ? " warning" : ""), role: "alert", text: (p.warning ? "Lưu ý — " : "Lỗi — ") + where + ": " + p.message });
    if (target) {
      target.classList.add("has-problem");
      if (target.tagName === "TD" || target.tagName === "TR") target.closest("table").parentNode.after(message);
      else target.append(message);
    }
    list.append(el("li", { text: where + ": " + p.message }));
  }
  $("problems").replaceChildren(...(problems.length ? [el("p", { text: problems.length + " vấn đề:" }), list] : []));
}

async function preview() {
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  const sequence = ++state.sequence;
  const edits = state.edits;
  let result;
  try { result = await api("POST", "/api/preview", { draft: readDraft(), name: $("draft-name").value }); }
  catch (e) { if (e.name !== "AbortError") say("Không kết nối được với máy chủ vanban.", true); return; }
  if (sequence !== state.sequence) return;
  if (result.status !== 200) { say(result.data.error || "Lỗi " + result.status, true); return; }
  placeProblems(result.data.problems);
  if (result.data.ok) {
    $("pages").innerHTML = result.data.pages;  // SVG written by vanban (html/page_svg.h), text escaped
    $("page-count").textContent = "(" + result.data.page_count + " trang)";
  }
  document.body.dataset.previews = String(sequence);
  if (edits === state.edits) delete document.body.dataset.pending;
}

// ---- Drafts: save, open, import, download ------------------------------------------------------------
function draftName() { return $("draft-name").value.trim(); }

function refreshDownloads() {
  const name = encodeURIComponent(draftName());
  for (const f of ["pdf", "html", "markup"]) $("download-" + f).href = "/api/drafts/" + name + "/" + f;
}

async function listDrafts(selected) {
  const { data } = await api("GET", "/api/drafts");
  const select = $("open-draft");
  select.replaceChildren(el("option", { value: "", text: "Mở bản nháp…" }), ...(data.drafts || []).map((n) => el("option", { value: n, text: n })));
  select.value = "";
}

async function save() {
  const { status, data } = await api("PUT", "/api/drafts/" + encodeURIComponent(draftName()), { version: state.version, draft: readDraft() });
  if (status === 200) { state.version = data.version; say("Đã lưu content/drafts/" + draftName() + ".xml."); listDrafts(); refreshDownloads(); }
  else if (status === 409) say("Không lưu: " + (data.version ? "bản nháp này đã được sửa ở cửa sổ khác hoặc đã có bản nháp cùng tên; hãy mở lại nó." : "bản nháp không còn nữa."), true);
  else say("Không lưu: " + (data.error || "lỗi " + status), true);
}

async function open(name) {
  const { status, data } = await api("GET", "/api/drafts/" + encodeURIComponent(name));
  if (status !== 200) { say("Không mở được: " + (data.problems ? data.problems.map((p) => p.text).join("; ") : data.error), true); return; }
  $("draft-name").value = name;
  state.version = data.version;
  showDraft(data.draft);
  showRegister(data.register);
  refreshDownloads();
  say("Đã mở " + name + ".");
}

async function importFile(file) {
  const markup = await file.text();
  const { status, data } = await api("POST", "/api/import", { name: file.name, markup });
  if (status !== 200) { say("Không nhập được: " + (data.problems ? data.problems.map((p) => p.text).join("; ") : data.error), true); return; }
  $("draft-name").value = file.name.replace(/\.xml$/i, "").replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[.-]+/, "") || "ban-nhap";
  state.version = "";
  showDraft(data.draft);
  showRegister(null);
  say("Đã nhập " + file.name + "; bấm Lưu để giữ thành bản nháp.");
}

// ---- Issue, sign, publish (serve/document_steps.h) -----------------------------------------------
function stepSay(text, kind) {
  $("step-result").textContent = text;
  $("step-result").className = kind;
}

async function step(name, body) {
  const { status, data } = await api("POST", "/api/drafts/" + encodeURIComponent(draftName()) + "/" + name, body);
  const details = (data.problems || []).map((p) => p.text).join("\n");
  stepSay((data.message || data.error || "Lỗi " + status) + (details ? "\n" + details : ""), status === 200 ? "done" : "error");
  if ("register" in data) showRegister(data.register);
  return { status, data };
}

// "2026-12-02T07:05:09Z" as a Vietnamese reads it: "14:05 ngày 02/12/2026" (UTC+7).
function vietnamTime(iso) {
  const t = new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString();
  return t.slice(11, 16) + " ngày " + t.slice(8, 10) + "/" + t.slice(5, 7) + "/" + t.slice(0, 4);
}

// The draft's entry in the register (serve/document_steps.h): its number, then every step.
const eventNames = { issued: "Cấp số", reissued: "Cấp lại (nội dung sửa)", signed: "Ký số", published: "Đăng trang tin" };
function showRegister(entry) {
  const items = [];
  if (!entry) items.push(el("li", { text: "Chưa cấp số." }));
  else {
    const date = entry.date.split("-").reverse().join("/");
    items.push(el("li", { class: "number", text: "Số " + (entry.number || "?") + ", ngày " + date }));
    for (const e of entry.events) items.push(el("li", { "data-event": e.event, text: (eventNames[e.event] || e.event) + ": " + vietnamTime(e.at) }));
  }
  $("register-entry").replaceChildren(...items);
}

async function issue() {
  if (!state.version) { stepSay("Hãy lưu bản nháp trước khi cấp số.", "error"); return; }
  const { status, data } = await step("issue", { version: state.version });
  if (status === 200) {  // the draft now holds its number and date
    state.version = data.version;
    const opened = await api("GET", "/api/drafts/" + encodeURIComponent(draftName()));
    if (opened.status === 200) { state.version = opened.data.version; showDraft(opened.data.draft); showRegister(opened.data.register); }
  }
}

async function sign() {
  const password = $("key-password").value, seal = $("seal-password").value;
  $("key-password").value = "";  // asked each time, never kept
  $("seal-password").value = "";
  await step("sign", { password, seal_password: seal });
}

// ---- The month's build: started, then polled until it ends ---------------------------------------
async function buildMonth() {
  const month = $("month").value.trim();
  const { status, data } = await api("POST", "/api/builds", { month });
  $("build-report").replaceChildren();
  if (status !== 202) { $("build-state").textContent = data.error || "Lỗi " + status; $("build-state").className = "error"; return; }
  $("build-state").className = "";
  $("build-state").textContent = "Đang dựng tháng " + month + "…";
  $("build-log").hidden = false;
  const poll = async () => {
    const r = await api("GET", "/api/builds/" + data.id);
    if (r.status !== 200) return;
    $("build-log").textContent = r.data.log;
    $("build-log").scrollTop = $("build-log").scrollHeight;
    if (r.data.running) { setTimeout(poll, 500); return; }
    const outcome = { 0: "xong, không có lỗi", 1: "xong, có bản ghi bị từ chối" }[r.data.exit_status] || "dừng (mã " + r.data.exit_status + ")";
    $("build-state").textContent = "Tháng " + r.data.month + ": " + outcome + ".";
    showReport(r.data.report);
  };
  setTimeout(poll, 300);
}

function showReport(report) {
  if (!report) return;
  const rows = [];
  for (const kind of ["rejected", "warnings"]) {
    for (const d of report[kind] || []) {
      rows.push(el("tr", {}, [el("td", { text: kind === "rejected" ? "Từ chối" : "Lưu ý" }),
                              el("td", { text: d.file + ":" + d.line + ":" + d.column }), el("td", { text: d.message })]));
    }
  }
  if (!rows.length) rows.push(el("tr", {}, [el("td", { colspan: "3", text: "Không có bản ghi nào bị từ chối hay cần lưu ý." })]));
  const counts = report.counts ? Object.entries(report.counts).map(([k, v]) => k + ": " + v).join(", ") : "";
  const table = el("table", { class: "report-table" }, [
    el("caption", { text: "Báo cáo dựng tháng" + (counts ? " — " + counts : "") }),
    el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Loại" }), el("th", { scope: "col", text: "Vị trí" }), el("th", { scope: "col", text: "Nội dung" })])]),
    el("tbody", {}, rows)]);
  $("build-report").replaceChildren(table);
}

// **bold** / *italic* around the selection of the body field being edited.
let lastText = null;
function wrapSelection(mark) {
  const t = lastText;
  if (!t || !t.isConnected) return;
  const { selectionStart: a, selectionEnd: b, value } = t;
  t.value = value.slice(0, a) + mark + value.slice(a, b) + mark + value.slice(b);
  t.focus();
  t.setSelectionRange(a + mark.length, b + mark.length);
  changed();
}

async function start() {
  const { status, data } = await api("GET", "/api/setup");
  if (status !== 200) { say(data.error || "Lỗi " + status, true); return; }
  state.setup = data;
  for (const o of data.organisations) $("organisation").append(el("option", { value: o.id, text: o.issuer.name + (o.issuer.parent ? " — " + o.issuer.parent : "") }));
  $("organisation").addEventListener("change", () => { if (organisation()) { chooseOrganisation(true); changed(); } });
  $("signer").addEventListener("change", () => { const org = organisation(); if (org && org.signers[$("signer").value]) state.signature = org.signers[$("signer").value]; changed(); });
  // The steps' and the month's fields are not the document's.
  const documentField = (e) => { if (!e.target.closest(".steps, .month")) changed(); };
  $("compose").addEventListener("input", documentField);
  $("compose").addEventListener("change", documentField);
  $("compose").addEventListener("focusin", (e) => { if (e.target.closest(".blocks") && e.target.matches("textarea, input")) lastText = e.target; });
  $("bold").addEventListener("mousedown", (e) => e.preventDefault());
  $("italic").addEventListener("mousedown", (e) => e.preventDefault());
  $("bold").addEventListener("click", () => wrapSelection("**"));
  $("italic").addEventListener("click", () => wrapSelection("*"));
  document.querySelector('[data-add="to"]').addEventListener("click", () => { $("to").append(lineInput("", "", "Kính gửi", false)); renumber(); $("to").lastChild.querySelector("input").focus(); });
  $("add-recipient").addEventListener("click", () => { $("recipients").append(groupNode({ purpose: undefined, names: [""] })); renumber(); });
  $("add-group").addEventListener("click", () => { $("recipients").append(groupNode({ purpose: "", names: [""] })); renumber(); });
  document.querySelectorAll("[data-block]").forEach((b) => b.addEventListener("click", () => {
    const kind = b.dataset.block;
    const node = blockNode({ kind, text: "", items: [""], rows: [["", ""], ["", ""]] });
    $("blocks").append(node);
    renumber();
    changed();
    const first = node.querySelector("textarea, input");
    if (first) first.focus();
  }));
  $("save").addEventListener("click", save);
  $("issue").addEventListener("click", issue);
  $("sign").addEventListener("click", sign);
  $("publish").addEventListener("click", () => step("publish", {}));
  $("build-month").addEventListener("click", buildMonth);
  $("seal-password-field").hidden = !data.seal;
  if (!data.can_issue) $("issue").title = "Chưa có sổ đăng ký trong tệp cài đặt";
  if (!data.can_sign) $("sign").title = "Chưa có khóa ký trong tệp cài đặt";
  $("new-draft").addEventListener("click", () => { $("draft-name").value = "ban-nhap"; newDraft(); showRegister(null); refreshDownloads(); });
  $("open-draft").addEventListener("change", (e) => { if (e.target.value) open(e.target.value); });
  $("import").addEventListener("change", (e) => { if (e.target.files[0]) importFile(e.target.files[0]); e.target.value = ""; });
  $("draft-name").addEventListener("input", refreshDownloads);
  await listDrafts();
  newDraft();
  refreshDownloads();
}

start();
