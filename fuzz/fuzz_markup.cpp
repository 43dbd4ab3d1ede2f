// The document markup through every check `vanban check` makes: Engine::resolve_bytes parses
// safely, validates against document.rng, reads the tree and resolves it against its profile.
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "render/engine.h"
#include "support.h"

namespace {
std::optional<vanban::Engine> engine;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::string& dir = vanban::fuzz::source_dir();
  vanban::Result<vanban::Engine> loaded = vanban::Engine::load({dir, dir + "/fonts", std::nullopt});
  if (!loaded.ok()) {
    std::fprintf(stderr, "fuzz_markup: the engine does not load from %s\n", dir.c_str());
    std::abort();
  }
  engine.emplace(std::move(*loaded.value));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  engine->resolve_bytes({reinterpret_cast<const char*>(data), size}, "fuzz.xml");
  return 0;
}
