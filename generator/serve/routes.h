// The pages and the JSON API of vanban serve (docs/serve.md lists them): the compose page and
// its files, login, setup, preview, drafts (list, open, save, import, download).
#pragma once

namespace httplib {
class Server;
}

namespace vanban::serve {

struct ServeContext;

void add_routes(httplib::Server& server, ServeContext& context);

}  // namespace vanban::serve
