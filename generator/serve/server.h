// vanban serve's HTTP server (cpp-httplib): the gate every request passes (the Host header of a
// loopback server, the login, the CSRF token of a request that changes something, the body
// limit, security headers), then the routes (serve/routes.h).
#pragma once

#include <memory>
#include <string>

#include "serve/listen_address.h"
#include "serve/serve_context.h"

namespace vanban::serve {

class Server {
 public:
  Server(const Engine& engine, ServeSetup setup);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address (port 0: any free port); the port bound, or -1.
  int bind(const ListenAddress& address);
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  // Stops listening and ends the connections waiting for a next request; run() returns once the
  // requests being answered have their answers.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::serve
