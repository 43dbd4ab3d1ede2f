#include "serve/routes.h"

#include <httplib.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "input/draft_reader.h"
#include "output/file_bytes.h"
#include "serve/draft_json.h"
#include "serve/draft_markup.h"
#include "serve/draft_render.h"
#include "serve/document_steps.h"
#include "serve/http_cookies.h"
#include "serve/content_path.h"
#include "serve/password_hash.h"
#include "serve/serve_context.h"

namespace vanban::serve {

using nlohmann::json;

namespace {

constexpr const char* kJson = "application/json";

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

void send_error(httplib::Response& res, int status, const std::string& message) { send(res, status, {{"error", message}}); }

json problem_json(const FieldDiagnostic& p) {
  return {{"file", p.diagnostic.file},       {"line", p.diagnostic.line},       {"column", p.diagnostic.column},
          {"message", p.diagnostic.message}, {"warning", p.diagnostic.warning}, {"field", p.field},
          {"text", p.diagnostic.to_string()}};
}

json problems_json(const Diagnostics& diagnostics) {
  json out = json::array();
  for (const Diagnostic& d : diagnostics) out.push_back(problem_json({d, {}}));
  return out;
}

// A page of templates/serve with {{csrf}} and {{message}} filled in (both plain text of ours,
// never from the request); empty when the file cannot be read.
std::string page(const ServeContext& c, const std::string& file, const std::string& csrf, const std::string& message = "") {
  std::string html = read_file_bytes(c.setup.data_dir + "/templates/serve/" + file).value_or("");
  for (const auto& [slot, value] : {std::pair<std::string, std::string>{"{{csrf}}", csrf}, {"{{message}}", message}})
    for (std::size_t at; (at = html.find(slot)) != std::string::npos;) html.replace(at, slot.size(), value);
  return html;
}

// The JSON object of a request body; nullopt after answering 400 with the reason.
std::optional<json> json_body(const httplib::Request& req, httplib::Response& res) {
  Result<json> body = parse_json_body(req.body);
  if (!body.ok()) {
    send_error(res, 400, body.errors.front().message);
    return std::nullopt;
  }
  if (!body.value->is_object()) {
    send_error(res, 400, "expected a JSON object");
    return std::nullopt;
  }
  return std::move(body.value);
}

std::optional<Draft> draft_of(const json& body, httplib::Response& res) {
  const auto it = body.find("draft");
  if (it == body.end()) {
    send_error(res, 400, "the request has no draft");
    return std::nullopt;
  }
  Result<Draft> draft = draft_from_json(*it);
  if (!draft.ok()) {
    send_error(res, 400, draft.errors.front().message);
    return std::nullopt;
  }
  return std::move(draft.value);
}

bool only_fields(const json& body, std::initializer_list<const char*> keys, httplib::Response& res) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) {
      send_error(res, 400, "unknown field '" + key + "'");
      return false;
    }
  }
  return true;
}

// What the register holds of a draft, for the page: its number, and each step with its time.
json register_json(const std::optional<RegisterEntry>& e) {
  if (!e) return nullptr;
  json events = json::array();
  for (const HistoryEvent& h : e->history) events.push_back({{"event", h.event}, {"at", h.at}, {"file", h.file}});
  return {{"number", e->number_text}, {"date", iso_date(e->date)}, {"events", std::move(events)}};
}

json setup_json(const ServeContext& c) {
  json organisations = json::array();
  json types = json::object();
  for (const ServeOrganisation& o : c.setup.settings.organisations) {
    json signers = json::array();
    for (const DraftSignature& s : o.signers)
      signers.push_back({{"authority", s.authority}, {"role", s.role}, {"signer", s.signer}});
    organisations.push_back({{"id", o.id},
                             {"layout", o.layout},
                             {"issuer", {{"parent", o.issuer.parent}, {"name", o.issuer.name}, {"code", o.issuer.code}, {"unit", o.issuer.unit}}},
                             {"place", o.place},
                             {"signers", std::move(signers)}});
  }
  // The types of each family, from its newest edition.
  for (const Profile& p : c.engine.profiles().all()) {
    json list = json::array();
    for (const auto& [id, info] : p.types) list.push_back({{"id", id}, {"name", info.name}});
    types[p.family] = std::move(list);
  }
  // What the later steps can do with these settings, so the page says so before anyone tries.
  const ServeSettings& s = c.setup.settings;
  return {{"organisations", std::move(organisations)},
          {"types", std::move(types)},
          {"drafts", c.drafts.list()},
          {"can_issue", !s.register_file.empty()},
          {"can_sign", !s.signing.key.empty()},
          {"seal", !s.signing.seal_key.empty()}};
}

std::string session_of(const httplib::Request& req, const httplib::Response& res) {
  std::string id = cookie_value(req.get_header_value("Cookie"), kSessionCookie);
  if (id.empty()) id = cookie_value(res.get_header_value("Set-Cookie"), kSessionCookie);
  return id;
}

void add_page_routes(httplib::Server& http, ServeContext& c) {
  http.Get("/", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::optional<Session> s = c.sessions.find(session_of(req, res));
    res.set_header("Cache-Control", "no-store");
    res.set_content(page(c, "compose.html", s ? s->csrf_token : ""), "text/html; charset=utf-8");
  });
  http.Get("/login", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string token = random_token();
    res.set_header("Set-Cookie", set_cookie(kLoginCookie, token));
    res.set_header("Cache-Control", "no-store");
    res.set_content(page(c, "login.html", token, req.has_param("sai") ? "Mật khẩu không đúng." : ""),
                    "text/html; charset=utf-8");
  });
  http.Post("/login", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string token = cookie_value(req.get_header_value("Cookie"), kLoginCookie);
    if (token.empty() || req.get_param_value("csrf") != token) {
      send_error(res, 403, "the login form has expired; reload the page");
      return;
    }
    if (!c.login_required() || !verify_password(req.get_param_value("password"), c.setup.settings.password_hash)) {
      res.status = 303;
      res.set_header("Location", "/login?sai=1");
      return;
    }
    const Session s = c.sessions.open();
    res.set_header("Set-Cookie", set_cookie(kSessionCookie, s.id));
    res.status = 303;
    res.set_header("Location", "/");
  });
  // The page's own files: a fixed list, never a path from the request.
  for (const auto& [file, type] : {std::pair{"compose.js", "text/javascript; charset=utf-8"},
                                   {"compose.css", "text/css; charset=utf-8"}}) {
    http.Get(std::string("/static/") + file, [&c, file = std::string(file), type = std::string(type)](
                                                  const httplib::Request&, httplib::Response& res) {
      const std::optional<std::string> bytes = read_file_bytes(c.setup.data_dir + "/templates/serve/static/" + file);
      if (!bytes) return send_error(res, 404, "no such file");
      res.set_content(*bytes, type);
    });
  }
  // The faces the PDF embeds, for the preview's SVG text (html/page_svg.h): /fonts/f0.ttf ... f3.ttf.
  for (int style = 0; style < 4; ++style) {
    http.Get("/fonts/f" + std::to_string(style) + ".ttf", [&c, style](const httplib::Request&, httplib::Response& res) {
      const std::optional<std::string> bytes = read_file_bytes(c.engine.fonts().face(static_cast<FontStyle>(style)).path());
      if (!bytes) return send_error(res, 404, "no such font");
      res.set_header("Cache-Control", "max-age=3600");
      res.set_content(*bytes, "font/ttf");
    });
  }
}

void add_api_routes(httplib::Server& http, ServeContext& c) {
  http.Get("/api/setup", [&c](const httplib::Request&, httplib::Response& res) { send(res, 200, setup_json(c)); });

  http.Post("/api/preview", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::optional<json> body = json_body(req, res);
    if (!body || !only_fields(*body, {"draft", "name"}, res)) return;
    const std::optional<Draft> draft = draft_of(*body, res);
    if (!draft) return;
    // The draft's name only names the file in messages; one that is not a plain name is not used.
    const auto given = body->find("name");
    std::string name = given != body->end() && given->is_string() ? given->get<std::string>() : "";
    if (!bad_draft_name(name).empty()) name = "ban-nhap";
    const DraftRender r = render_draft(c.engine, *draft, c.draft_file(name), {.pdf = false, .html = false, .svg = true});
    json problems = json::array();
    for (const FieldDiagnostic& p : r.problems) problems.push_back(problem_json(p));
    const Output* svg = r.rendered ? r.rendered->find("svg") : nullptr;
    send(res, 200, {{"ok", svg != nullptr}, {"pages", svg ? svg->bytes : ""}, {"page_count", svg ? svg->pages : 0},
                    {"problems", std::move(problems)}, {"markup", r.markup}});
  });

  http.Get("/api/drafts", [&c](const httplib::Request&, httplib::Response& res) { send(res, 200, {{"drafts", c.drafts.list()}}); });

  http.Get(R"(/api/drafts/([^/]+))", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    if (const std::string why = bad_draft_name(name); !why.empty()) return send_error(res, 400, why);
    const std::optional<StoredDraft> stored = c.drafts.load(name);
    if (!stored) return send_error(res, 404, "no draft called '" + name + "'");
    const Result<Draft> draft = read_draft(stored->bytes, c.draft_file(name));
    if (!draft.ok()) return send(res, 422, {{"error", "this file cannot be edited on the page"}, {"problems", problems_json(draft.errors)}});
    send(res, 200, {{"name", name}, {"version", stored->version}, {"draft", draft_to_json(*draft.value)},
                    {"register", register_json(draft_register_entry(c, name))}});
  });

  http.Put(R"(/api/drafts/([^/]+))", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    if (const std::string why = bad_draft_name(name); !why.empty()) return send_error(res, 400, why);
    const std::optional<json> body = json_body(req, res);
    if (!body || !only_fields(*body, {"draft", "version"}, res)) return;
    const auto version = body->find("version");
    if (version == body->end() || !version->is_string()) return send_error(res, 400, "version: expected text (empty for a new draft)");
    const std::optional<Draft> draft = draft_of(*body, res);
    if (!draft) return;
    const SaveResult saved = c.drafts.save(name, draft_to_markup(*draft).xml, version->get<std::string>());
    switch (saved.outcome) {
      case SaveOutcome::Saved: return send(res, 200, {{"name", name}, {"version", saved.version}});
      case SaveOutcome::Conflict: return send(res, 409, {{"error", saved.message}, {"version", saved.version}});
      case SaveOutcome::BadName: return send_error(res, 403, saved.message);
      case SaveOutcome::Failed: break;
    }
    send_error(res, 500, saved.message);
  });

  http.Post("/api/import", [](const httplib::Request& req, httplib::Response& res) {
    const std::optional<json> body = json_body(req, res);
    if (!body || !only_fields(*body, {"name", "markup"}, res)) return;
    const auto markup = body->find("markup");
    const auto name = body->find("name");
    if (markup == body->end() || !markup->is_string() || (name != body->end() && !name->is_string()))
      return send_error(res, 400, "expected {\"name\": text, \"markup\": text}");
    const std::string file = name != body->end() ? name->get<std::string>() : "tep-nhap.xml";
    const Result<Draft> draft = read_draft(markup->get<std::string>(), file);
    if (!draft.ok()) return send(res, 422, {{"error", "this file cannot be edited on the page"}, {"problems", problems_json(draft.errors)}});
    send(res, 200, {{"draft", draft_to_json(*draft.value)}});
  });

  // Downloads of a saved draft: its markup as saved, or its PDF or HTML rendered now.
  http.Get(R"(/api/drafts/([^/]+)/(markup|pdf|html))", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1], format = req.matches[2];
    if (const std::string why = bad_draft_name(name); !why.empty()) return send_error(res, 400, why);
    const std::optional<StoredDraft> stored = c.drafts.load(name);
    if (!stored) return send_error(res, 404, "no draft called '" + name + "'");
    if (format == "markup") {
      res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".xml\"");
      return res.set_content(stored->bytes, "application/xml");
    }
    const Result<Draft> draft = read_draft(stored->bytes, c.draft_file(name));
    if (!draft.ok()) return send(res, 422, {{"error", "this file cannot be edited on the page"}, {"problems", problems_json(draft.errors)}});
    const DraftRender r = render_draft(c.engine, *draft.value, c.draft_file(name), {.pdf = format == "pdf", .html = format == "html"});
    const Output* out = r.rendered ? r.rendered->find(format) : nullptr;
    if (!out) {
      json problems = json::array();
      for (const FieldDiagnostic& p : r.problems) problems.push_back(problem_json(p));
      return send(res, 422, {{"error", "the draft breaks a rule; fix it first"}, {"problems", std::move(problems)}});
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + out->suffix + "\"");
    res.set_content(out->bytes, format == "pdf" ? "application/pdf" : "text/html; charset=utf-8");
  });
}

json step_json(const StepResult& r) {
  json out{{"message", r.message}, {"problems", problems_json(r.problems)}};
  if (r.status != 200) out["error"] = r.message;
  if (!r.number.empty()) out["number"] = r.number;
  if (!r.version.empty()) out["version"] = r.version;
  return out;
}

// A step's body: a JSON object with exactly `keys`, each text.
std::optional<json> step_body(const httplib::Request& req, httplib::Response& res, std::initializer_list<const char*> keys) {
  std::optional<json> body = json_body(req, res);
  if (!body || !only_fields(*body, keys, res)) return std::nullopt;
  for (const char* k : keys) {
    if (!body->contains(k) || !(*body)[k].is_string()) {
      send_error(res, 400, std::string(k) + ": expected text");
      return std::nullopt;
    }
  }
  return body;
}

void add_step_routes(httplib::Server& http, ServeContext& c) {
  http.Post(R"(/api/drafts/([^/]+)/(issue|sign|publish))", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1], step = req.matches[2];
    if (const std::string why = bad_draft_name(name); !why.empty()) return send_error(res, 400, why);
    StepResult r;
    if (step == "issue") {
      const std::optional<json> body = step_body(req, res, {"version"});
      if (!body) return;
      r = issue_draft(c, name, (*body)["version"]);
    } else if (step == "sign") {
      const std::optional<json> body = step_body(req, res, {"password", "seal_password"});
      if (!body) return;
      r = sign_issued(c, name, (*body)["password"], (*body)["seal_password"]);
    } else {
      const std::optional<json> body = step_body(req, res, {});
      if (!body) return;
      r = publish_issued(c, name);
    }
    json answer = step_json(r);
    answer["register"] = register_json(draft_register_entry(c, name));
    send(res, r.status, answer);
  });

  http.Post("/api/builds", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::optional<json> body = step_body(req, res, {"month"});
    if (!body) return;
    std::string error;
    const std::optional<int> id = c.builds.start((*body)["month"], error);
    if (!id) return send_error(res, 409, error);
    send(res, 202, {{"id", *id}});
  });
  http.Get(R"(/api/builds/([0-9]{1,9}))", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::optional<MonthBuildStatus> s = c.builds.status(std::stoi(req.matches[1]));
    if (!s) return send_error(res, 404, "no such build");
    json report = s->run_report.empty() ? json() : json::parse(s->run_report, nullptr, false);
    send(res, 200, {{"month", s->month}, {"running", s->running}, {"exit_status", s->exit_status},
                    {"log", s->log}, {"report", report.is_discarded() ? json() : report}});
  });

  // The board's site as Publish wrote it, to look at.
  std::error_code ec;
  std::filesystem::create_directories(c.setup.output_dir + "/site", ec);
  http.set_mount_point("/site", c.setup.output_dir + "/site");
}

}  // namespace

void add_routes(httplib::Server& http, ServeContext& c) {
  add_page_routes(http, c);
  add_api_routes(http, c);
  add_step_routes(http, c);
}

}  // namespace vanban::serve
