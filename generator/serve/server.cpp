#include "serve/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>

#include "serve/http_cookies.h"
#include "serve/routes.h"

namespace vanban::serve {

namespace {

bool changes_something(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Pages, scripts and fonts of the page itself are served to anyone who may connect; the login
// page and its form have their own token (serve/routes.cpp).
bool is_public(const std::string& path) {
  return path == "/login" || path.rfind("/static/", 0) == 0 || path.rfind("/fonts/", 0) == 0;
}

void refuse(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content("{\"error\":\"" + message + "\"}", "application/json");
}

// cpp-httplib 0.11 (Debian 12) gives no handle on the connections it accepted, and a worker
// waiting on an idle keep-alive connection notices that the server stopped only when the wait
// ends (5 s). They are found among this process's descriptors (connected sockets on the server's
// port) and their reading side is shut: a worker waiting for a next request wakes at once and
// closes the connection; one answering a request still writes its answer.
void end_waits_for_next_requests(int port) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    const int fd = std::atoi(entry.path().filename().c_str());
    sockaddr_storage local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 ||
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0)
      continue;
    const int local_port = local.ss_family == AF_INET    ? ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port)
                           : local.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port)
                                                         : -1;
    if (local_port == port) shutdown(fd, SHUT_RD);
  }
}

}  // namespace

struct Server::Impl {
  Impl(const Engine& engine, ServeSetup setup) : context(engine, std::move(setup)) {}

  httplib::Server::HandlerResponse gate(const httplib::Request& req, httplib::Response& res);

  ServeContext context;
  httplib::Server http;
  int port = 0;
};

httplib::Server::HandlerResponse Server::Impl::gate(const httplib::Request& req, httplib::Response& res) {
  using R = httplib::Server::HandlerResponse;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  // The board's site (/site/, what Publish wrote) is the site's own pages, with their own rules.
  if (req.path.rfind("/site/", 0) != 0)
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                   "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  // A loopback server answers only to its own names: another site's page cannot reach it through
  // a name of theirs that resolves to 127.0.0.1 (DNS rebinding).
  if (context.setup.loopback) {
    const std::string host = req.get_header_value("Host");
    const std::string port_text = ":" + std::to_string(port);
    if (host != "127.0.0.1" + port_text && host != "localhost" + port_text && host != "[::1]" + port_text) {
      refuse(res, 421, "this server answers only to 127.0.0.1, localhost and [::1]");
      return R::Handled;
    }
  }
  if (is_public(req.path)) return R::Unhandled;
  const std::string session_id = cookie_value(req.get_header_value("Cookie"), kSessionCookie);
  const bool live = !session_id.empty() && context.sessions.find(session_id).has_value();
  if (!live) {
    if (req.method == "GET" && req.path == "/") {
      if (context.login_required()) {
        res.set_redirect("/login");
        return R::Handled;
      }
      // No password (loopback only): whoever opens the page gets a session, so that the CSRF
      // token still guards every change against other sites' pages. The page's handler reads the
      // new session from this response's Set-Cookie.
      const Session s = context.sessions.open();
      res.set_header("Set-Cookie", set_cookie(kSessionCookie, s.id));
      return R::Unhandled;
    }
    refuse(res, 401, context.login_required() ? "log in first" : "open the page / first");
    return R::Handled;
  }
  if (changes_something(req.method) &&
      !context.sessions.check_csrf(session_id, req.get_header_value("X-CSRF-Token"))) {
    refuse(res, 403, "missing or wrong X-CSRF-Token");
    return R::Handled;
  }
  return R::Unhandled;
}

Server::Server(const Engine& engine, ServeSetup setup) : impl_(std::make_unique<Impl>(engine, std::move(setup))) {
  impl_->http.set_payload_max_length(impl_->context.setup.max_body_bytes);
  // A preview's answer goes out at once: without it, Nagle's algorithm holds the body back until
  // the client's delayed acknowledgement of the headers, some 40 ms per keystroke.
  impl_->http.set_tcp_nodelay(true);
  impl_->http.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return impl_->gate(req, res); });
  impl_->http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      const std::string message = res.status == 413 ? "the request is larger than the server accepts"
                                  : res.status == 404 ? "no such page"
                                                      : "bad request";
      refuse(res, res.status, message);
    }
  });
  // A handler's bug answers 500 with a message of ours, not the exception's text in a header.
  impl_->http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    refuse(res, 500, "internal error; nothing was changed by this request (please report it)");
  });
  add_routes(impl_->http, impl_->context);
}

Server::~Server() = default;

int Server::bind(const ListenAddress& address) {
  impl_->port = address.port == 0 ? impl_->http.bind_to_any_port(address.host)
                                  : (impl_->http.bind_to_port(address.host, address.port) ? address.port : -1);
  return impl_->port;
}

void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() {
  impl_->http.stop();  // no new connection
  end_waits_for_next_requests(impl_->port);
}

}  // namespace vanban::serve
