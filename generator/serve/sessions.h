// Logged-in browsers: a session id (the HttpOnly, SameSite=Strict cookie) and its CSRF token,
// which every request that changes something must carry in the X-CSRF-Token header. Held in
// memory only: restarting vanban serve logs everyone out. Safe to use from several threads.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace vanban::serve {

struct Session {
  std::string id;
  std::string csrf_token;
};

class Sessions {
 public:
  explicit Sessions(std::chrono::seconds lifetime = std::chrono::hours(12)) : lifetime_(lifetime) {}

  Session open();
  // The live session of `id`, or nullopt (unknown, expired).
  std::optional<Session> find(const std::string& id);
  // Whether `id` is live and `token` is its CSRF token (compared in constant time).
  bool check_csrf(const std::string& id, const std::string& token);
  void close(const std::string& id);

 private:
  struct Entry {
    std::string csrf_token;
    std::chrono::steady_clock::time_point expires;
  };
  std::chrono::seconds lifetime_;
  std::mutex mutex_;
  std::map<std::string, Entry> sessions_;
};

}  // namespace vanban::serve
