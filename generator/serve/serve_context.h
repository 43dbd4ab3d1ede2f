// What every request handler of vanban serve shares: the engine, the folders, the office's
// settings, the logged-in sessions and the draft store.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

#include "input/serve_settings_reader.h"
#include "render/engine.h"
#include "serve/draft_store.h"
#include "serve/month_builds.h"
#include "serve/sessions.h"

namespace vanban::serve {

struct ServeSetup {
  std::string content_dir = "content";  // drafts in CONTENT/drafts
  std::string output_dir = "out";       // OUT/issued (issued and signed), OUT/documents and OUT/site
  std::string data_dir;                 // templates/serve: the page and its scripts
  std::string engine_fingerprint;       // for the month's builds (batch/engine_fingerprint.h)
  ServeSettings settings;
  std::size_t max_body_bytes = 1 << 20;  // a request body above it is refused (413)
  bool loopback = true;                  // only this machine connects: the Host must say so
};

struct ServeContext {
  ServeContext(const Engine& e, ServeSetup s)
      : engine(e),
        setup(std::move(s)),
        drafts(setup.content_dir + "/drafts"),
        builds(e, {setup.content_dir, setup.output_dir, setup.data_dir, setup.engine_fingerprint}) {}

  const Engine& engine;
  ServeSetup setup;
  Sessions sessions;
  DraftStore drafts;
  MonthBuilds builds;
  std::mutex register_mutex;  // the register is used by one thread at a time (batch/issue_markup.h)

  bool login_required() const { return !setup.settings.password_hash.empty(); }
  // The draft's path as the command line names it, for FILE:LINE:COL.
  std::string draft_file(const std::string& name) const { return setup.content_dir + "/drafts/" + name + ".xml"; }
};

}  // namespace vanban::serve
