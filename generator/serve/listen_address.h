// Where vanban serve listens (--listen HOST:PORT) and whether that is the loopback: any other
// address needs a password in the settings (serve/password_hash.h).
#pragma once

#include <optional>
#include <string>

namespace vanban::serve {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
};

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:80"; nullopt for anything else (no host, a port
// outside 0..65535).
std::optional<ListenAddress> parse_listen_address(const std::string& text);

// 127.0.0.0/8, ::1 and "localhost": only this machine can connect.
bool is_loopback(const std::string& host);

}  // namespace vanban::serve
