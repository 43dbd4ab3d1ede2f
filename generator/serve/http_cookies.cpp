#include "serve/http_cookies.h"

namespace vanban::serve {

std::string cookie_value(const std::string& header, const std::string& name) {
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::size_t b = at;
    while (b < end && header[b] == ' ') ++b;
    const std::size_t eq = header.find('=', b);
    if (eq < end && header.compare(b, eq - b, name) == 0 && eq - b == name.size()) return header.substr(eq + 1, end - eq - 1);
    at = end + 1;
  }
  return {};
}

std::string set_cookie(const std::string& name, const std::string& value) {
  return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
}

}  // namespace vanban::serve
