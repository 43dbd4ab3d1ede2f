// vanban serve over real HTTP: a Server on 127.0.0.1 with an ephemeral port, driven by
// cpp-httplib's client, as a browser (or an attacker's page) would.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "output/file_bytes.h"
#include "serve/draft_json.h"
#include "serve/password_hash.h"

namespace vanban::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = VANBAN_SOURCE_DIR;

const Engine& engine() {
  static const Result<Engine> loaded = Engine::load({kSource.string(), (kSource / "fonts").string(), std::nullopt});
  return *loaded.value;
}

json valid_draft() {
  return {{"layout", "dang"},
          {"type", "cong-van"},
          {"issuer", {{"name", "Tỉnh ủy Trường Giang"}, {"code", "TU"}}},
          {"place", "Trường Giang"},
          {"date", "2026-05-20"},
          {"subject", "về việc thử"},
          {"to", {"Các đảng ủy trực thuộc"}},
          {"body", {{{"kind", "p"}, {"text", "Nội dung **đậm**."}}}},
          {"signature", {{"authority", {"T/M Ban Thường vụ"}}, {"role", "Phó Bí thư"}, {"signer", "Lê Hoàng Phúc"}}}};
}

class ServeTest : public ::testing::Test {
 protected:
  void start(const std::string& password_hash = "", const std::string& register_file = "") {
    content_ = fs::temp_directory_path() / ("vanban-serve-http-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(content_);
    fs::create_directories(content_ / "drafts");
    ServeSetup setup;
    setup.content_dir = content_.string();
    setup.data_dir = kSource.string();
    setup.settings.password_hash = password_hash;
    if (!register_file.empty()) setup.settings.register_file = (content_ / register_file).string();
    setup.output_dir = (content_ / "out").string();
    setup.max_body_bytes = 64 * 1024;
    server_ = std::make_unique<Server>(engine(), std::move(setup));
    port_ = server_->bind({"127.0.0.1", 0});
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(30, 0);
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(content_);
  }
  // Opens the page as a browser does: the session cookie and the page's CSRF token.
  void open_page() {
    const auto res = client_->Get("/");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    const std::size_t at = res->body.find("name=\"csrf-token\" content=\"") + 27;
    csrf_ = res->body.substr(at, res->body.find('"', at) - at);
    ASSERT_EQ(csrf_.size(), 64u);
  }
  httplib::Headers headers(bool with_csrf = true) const {
    httplib::Headers h{{"Cookie", cookie_}};
    if (with_csrf) h.emplace("X-CSRF-Token", csrf_);
    return h;
  }
  httplib::Result post(const std::string& path, const std::string& body, bool with_csrf = true) {
    return client_->Post(path.c_str(), headers(with_csrf), body, "application/json");
  }
  httplib::Result put(const std::string& path, const std::string& body) {
    return client_->Put(path.c_str(), headers(), body, "application/json");
  }

  fs::path content_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
  std::string cookie_, csrf_;
};

TEST_F(ServeTest, PreviewReturnsPagesOrTheRulesBrokenWithTheirFields) {
  start();
  open_page();
  auto res = post("/api/preview", json{{"draft", valid_draft()}}.dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  json answer = json::parse(res->body);
  EXPECT_TRUE(answer["ok"]);
  EXPECT_EQ(answer["page_count"], 1);
  EXPECT_NE(answer["pages"].get<std::string>().find("<svg class=\"page\""), std::string::npos);

  json draft = valid_draft();
  draft["date"] = "20/5/2026";
  res = post("/api/preview", json{{"draft", draft}, {"name", "thu"}}.dump());
  ASSERT_EQ(res->status, 200);
  answer = json::parse(res->body);
  EXPECT_FALSE(answer["ok"]);
  ASSERT_FALSE(answer["problems"].empty());
  EXPECT_EQ(answer["problems"][0]["field"], "date");
  EXPECT_EQ(answer["problems"][0]["file"], (content_ / "drafts/thu.xml").string());
  EXPECT_GT(answer["problems"][0]["line"].get<int>(), 0);
}

TEST_F(ServeTest, EveryChangeNeedsTheSessionAndItsCsrfToken) {
  start();
  const std::string body = json{{"version", ""}, {"draft", valid_draft()}}.dump();
  auto res = client_->Put("/api/drafts/a", body, "application/json");  // no session at all
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  open_page();
  res = client_->Put("/api/drafts/a", headers(false), body, "application/json");
  EXPECT_EQ(res->status, 403);
  httplib::Headers wrong{{"Cookie", cookie_}, {"X-CSRF-Token", std::string(64, '0')}};
  res = client_->Put("/api/drafts/a", wrong, body, "application/json");
  EXPECT_EQ(res->status, 403);
  EXPECT_FALSE(fs::exists(content_ / "drafts/a.xml"));
  res = put("/api/drafts/a", body);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(fs::exists(content_ / "drafts/a.xml"));
}

TEST_F(ServeTest, AnotherHostNameIsRefusedOnTheLoopback) {
  start();
  auto res = client_->Get("/", {{"Host", "attacker.example:" + std::to_string(port_)}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
}

TEST_F(ServeTest, BadRequestsChangeNothing) {
  start();
  open_page();
  ASSERT_EQ(put("/api/drafts/d", json{{"version", ""}, {"draft", valid_draft()}}.dump())->status, 200);
  const std::string saved = *read_file_bytes((content_ / "drafts/d.xml").string());
  const std::string version = json::parse(client_->Get("/api/drafts/d", headers())->body)["version"];

  json unknown = valid_draft();
  unknown["colour"] = "red";
  auto res = put("/api/drafts/d", json{{"version", version}, {"draft", unknown}}.dump());
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("unknown field 'colour'"), std::string::npos);
  res = put("/api/drafts/d", "{\"version\":\"" + version + "\",\"draft\":{\"subject\":\"\xC3\x28\"}}");
  EXPECT_EQ(res->status, 400);
  res = put("/api/drafts/d", json{{"version", version}, {"draft", valid_draft()}, {"extra", 1}}.dump());
  EXPECT_EQ(res->status, 400);
  res = post("/api/preview", json{{"draft", valid_draft()}, {"name", 12}}.dump());
  EXPECT_EQ(res->status, 200);  // a name that is not text names no file
  EXPECT_EQ(put("/api/drafts/d", json{{"version", 7}, {"draft", valid_draft()}}.dump())->status, 400);
  EXPECT_EQ(put("/api/drafts/d", "[1, 2]")->status, 400);
  json big = valid_draft();
  big["body"][0]["text"] = std::string(100 * 1024, 'a');
  res = put("/api/drafts/d", json{{"version", version}, {"draft", big}}.dump());
  EXPECT_EQ(res->status, 413);
  for (const char* path : {"/api/drafts/..%2Foutside", "/api/drafts/.hidden", "/api/drafts/a%20b"}) {
    res = put(path, json{{"version", ""}, {"draft", valid_draft()}}.dump());
    ASSERT_TRUE(res);
    EXPECT_GE(res->status, 400) << path;
    EXPECT_LT(res->status, 500) << path;
  }
  EXPECT_FALSE(fs::exists(content_ / "outside.xml"));
  fs::create_symlink("/etc/hostname", content_ / "drafts/link.xml");
  EXPECT_EQ(client_->Get("/api/drafts/link", headers())->status, 404);
  EXPECT_EQ(put("/api/drafts/link", json{{"version", ""}, {"draft", valid_draft()}}.dump())->status, 403);
  EXPECT_EQ(*read_file_bytes((content_ / "drafts/d.xml").string()), saved);
  for (const auto& e : fs::directory_iterator(content_ / "drafts"))  // no temporary file left behind
    EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
}

TEST_F(ServeTest, OfConcurrentSavesFromOneVersionOnlyOneWins) {
  start();
  open_page();
  const auto first = put("/api/drafts/shared", json{{"version", ""}, {"draft", valid_draft()}}.dump());
  ASSERT_EQ(first->status, 200);
  const std::string version = json::parse(first->body)["version"];
  constexpr int kWriters = 6;
  std::vector<int> status(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", port_);
      json draft = valid_draft();
      draft["subject"] = "phiên bản " + std::to_string(i);
      status[i] = c.Put("/api/drafts/shared", headers(), json{{"version", version}, {"draft", draft}}.dump(),
                        "application/json")->status;
    });
  }
  for (std::thread& t : writers) t.join();
  int saved = 0, refused = 0, winner = -1;
  for (int i = 0; i < kWriters; ++i) {
    if (status[i] == 200) ++saved, winner = i;
    if (status[i] == 409) ++refused;
  }
  EXPECT_EQ(saved, 1);
  EXPECT_EQ(refused, kWriters - 1);
  const std::string bytes = *read_file_bytes((content_ / "drafts/shared.xml").string());
  EXPECT_NE(bytes.find("<subject>phiên bản " + std::to_string(winner) + "</subject>"), std::string::npos);
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(content_ / "drafts")) ++files;
  EXPECT_EQ(files, 1);  // no temporary file left behind
}

TEST_F(ServeTest, DraftsSaveReopenAndDownload) {
  start();
  open_page();
  ASSERT_EQ(put("/api/drafts/cv", json{{"version", ""}, {"draft", valid_draft()}}.dump())->status, 200);
  auto res = client_->Get("/api/drafts/cv", headers());
  ASSERT_EQ(res->status, 200);
  const Result<Draft> back = draft_from_json(json::parse(res->body)["draft"]);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value->body[0].text, "Nội dung **đậm**.");
  res = client_->Get("/api/drafts/cv/pdf", headers());
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->body.substr(0, 5), "%PDF-");
  res = client_->Get("/api/drafts/cv/markup", headers());
  EXPECT_EQ(res->body, *read_file_bytes((content_ / "drafts/cv.xml").string()));
  EXPECT_EQ(client_->Get("/api/drafts", headers())->body, "{\"drafts\":[\"cv\"]}");
  res = post("/api/import", json{{"name", "x.xml"}, {"markup", res->body}}.dump());
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeTest, WithAPasswordNothingButTheLoginIsServedBeforeLoggingIn) {
  start(hash_password("mật khẩu đúng", 1000));
  auto res = client_->Get("/");
  EXPECT_EQ(res->status, 302);
  EXPECT_EQ(client_->Get("/api/setup")->status, 401);
  res = client_->Get("/login");
  ASSERT_EQ(res->status, 200);
  const std::string login_cookie = res->get_header_value("Set-Cookie");
  const std::string cookie = login_cookie.substr(0, login_cookie.find(';'));
  const std::string token = cookie.substr(cookie.find('=') + 1);
  httplib::Headers h{{"Cookie", cookie}};
  res = client_->Post("/login", h, httplib::Params{{"csrf", token}, {"password", "sai"}});
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Set-Cookie").find("vanban_session"), std::string::npos);
  res = client_->Post("/login", {}, httplib::Params{{"csrf", token}, {"password", "mật khẩu đúng"}});
  EXPECT_EQ(res->status, 403);  // the form's token without its cookie: another site's form
  res = client_->Post("/login", h, httplib::Params{{"csrf", token}, {"password", "mật khẩu đúng"}});
  ASSERT_EQ(res->status, 303);
  const std::string session = res->get_header_value("Set-Cookie");
  ASSERT_EQ(session.find("vanban_session="), 0u);
  EXPECT_EQ(client_->Get("/api/setup", {{"Cookie", session.substr(0, session.find(';'))}})->status, 200);
}

TEST_F(ServeTest, TheStepsRefuseWithAReasonAndChangeNothing) {
  start();  // no register, no key, no site settings
  open_page();
  const auto saved = put("/api/drafts/cv", json{{"version", ""}, {"draft", valid_draft()}}.dump());
  const std::string version = json::parse(saved->body)["version"];
  auto res = post("/api/drafts/cv/issue", json{{"version", version}}.dump());
  EXPECT_EQ(res->status, 409);
  EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("sổ đăng ký"), std::string::npos);
  res = post("/api/drafts/cv/sign", json{{"password", "x"}, {"seal_password", ""}}.dump());
  EXPECT_EQ(res->status, 409);
  EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("khóa ký"), std::string::npos);
  res = post("/api/drafts/cv/publish", "{}");
  EXPECT_EQ(res->status, 409);
  EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("chưa được cấp số"), std::string::npos);
  EXPECT_EQ(post("/api/drafts/cv/issue", "{}")->status, 400);  // no version
  EXPECT_EQ(post("/api/builds", json{{"month", "2026-13"}}.dump())->status, 409);
  EXPECT_FALSE(fs::exists(content_ / "documents"));
  EXPECT_EQ(json::parse(client_->Get("/api/drafts/cv", headers())->body)["version"], version);
}

// A State dispatch: numbered per calendar year, no term to record first.
json state_draft() {
  return {{"layout", "nha-nuoc"},
          {"type", "cong-van"},
          {"issuer", {{"name", "Ủy ban nhân dân tỉnh Trường Giang"}, {"code", "UBND"}, {"unit", "VX"}}},
          {"place", "Trường Giang"},
          {"date", "2026-05-20"},
          {"subject", "về việc thử"},
          {"to", {"Sở Nội vụ"}},
          {"body", {{{"kind", "p"}, {"text", "Nội dung."}}}},
          {"signature", {{"authority", {"TM. Ủy ban nhân dân", "KT. Chủ tịch"}}, {"role", "Phó Chủ tịch"}, {"signer", "Đỗ Minh Khôi"}}},
          {"recipients", {{{"purpose", ""}, {"names", {"Như trên"}}}}},
          {"archive", "VT, VX"}};
}

// Issue is recorded and shown with the draft; Publish wants a signed document; marks in the
// subject are refused before a number is taken.
TEST_F(ServeTest, TheRegisterShowsEachStepAndPublishWantsASignedDocument) {
  start({}, "register.sqlite");
  fs::copy_file(kSource / "content/site.xml", content_ / "site.xml");
  open_page();
  json draft = state_draft();
  draft["subject"] = "về việc **thử**";
  auto saved = put("/api/drafts/cv", json{{"version", ""}, {"draft", draft}}.dump());
  auto res = post("/api/drafts/cv/issue", json{{"version", json::parse(saved->body)["version"]}}.dump());
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(json::parse(res->body)["problems"][0]["message"].get<std::string>().find("dấu *"), std::string::npos);
  EXPECT_TRUE(json::parse(client_->Get("/api/drafts/cv", headers())->body)["register"].is_null());

  saved = put("/api/drafts/cv", json{{"version", json::parse(saved->body)["version"]}, {"draft", state_draft()}}.dump());
  res = post("/api/drafts/cv/issue", json{{"version", json::parse(saved->body)["version"]}}.dump());
  ASSERT_EQ(res->status, 200) << res->body;
  json entry = json::parse(res->body)["register"];
  EXPECT_EQ(entry["number"], "01/UBND-VX");
  EXPECT_EQ(entry["date"], "2026-05-20");
  ASSERT_EQ(entry["events"].size(), 1u);
  EXPECT_EQ(entry["events"][0]["event"], "issued");

  res = post("/api/drafts/cv/publish", "{}");
  EXPECT_EQ(res->status, 409);
  EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("chưa được ký số"), std::string::npos);
  EXPECT_FALSE(fs::exists(content_ / "documents/cv.xml"));
  EXPECT_EQ(json::parse(client_->Get("/api/drafts/cv", headers())->body)["register"]["events"].size(), 1u);
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  const std::string h = hash_password("đúng rồi", 1000);
  EXPECT_EQ(h.rfind("pbkdf2-sha256$1000$", 0), 0u);
  EXPECT_TRUE(verify_password("đúng rồi", h));
  EXPECT_FALSE(verify_password("dung roi", h));
  EXPECT_FALSE(verify_password("đúng rồi", "pbkdf2-sha256$x$y$z"));
  EXPECT_NE(hash_password("a", 1000), hash_password("a", 1000));  // salted
}

}  // namespace
}  // namespace vanban::serve
