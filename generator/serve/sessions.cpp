#include "serve/sessions.h"

#include <openssl/crypto.h>

#include "serve/password_hash.h"

namespace vanban::serve {

Session Sessions::open() {
  Session s{random_token(), random_token()};
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& entry) { return entry.second.expires < now; });
  sessions_[s.id] = {s.csrf_token, now + lifetime_};
  return s;
}

std::optional<Session> Sessions::find(const std::string& id) {
  std::lock_guard lock(mutex_);
  const auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.expires < std::chrono::steady_clock::now()) return std::nullopt;
  return Session{id, it->second.csrf_token};
}

bool Sessions::check_csrf(const std::string& id, const std::string& token) {
  const std::optional<Session> s = find(id);
  return s && token.size() == s->csrf_token.size() &&
         CRYPTO_memcmp(token.data(), s->csrf_token.data(), token.size()) == 0;
}

void Sessions::close(const std::string& id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

}  // namespace vanban::serve
