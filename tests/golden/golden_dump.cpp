// Writes the page dump (layout/page_dump.h: every text run with its position, style and size,
// every path) of each sample document in every layout family, for the golden test
// (tests/golden/golden.py compares them with tests/golden/*.txt).
//
// Usage: vanban_golden_dump SOURCE_DIR OUT_DIR
//   reads SOURCE_DIR/content/documents/*.xml, the profiles, schema and fonts of SOURCE_DIR, and
//   writes OUT_DIR/<sample>.<family>.txt for every family of SOURCE_DIR/templates/profiles: the
//   sample with its layout="..." switched to that family (an edition="..." is dropped, as an
//   edition belongs to one family). A sample that does not resolve in a family gets its
//   messages instead of pages, so that a rejection is a golden result too.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "font/font_set.h"
#include "input/profile_reader.h"
#include "layout/document_layout.h"
#include "layout/page_dump.h"
#include "render/engine.h"

namespace fs = std::filesystem;
using namespace vanban;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The sample as if written for `family`: the root element's layout attribute replaced, its
// edition attribute (if any) removed.
std::string in_family(const std::string& xml, const std::string& family) {
  std::smatch root;
  if (!std::regex_search(xml, root, std::regex("<document\\b[^>]*>"))) return xml;
  std::string tag = root.str();
  tag = std::regex_replace(tag, std::regex("\\s+edition=\"[^\"]*\""), "");
  tag = std::regex_replace(tag, std::regex("layout=\"[^\"]*\""), "layout=\"" + family + "\"");
  return root.prefix().str() + tag + root.suffix().str();
}

std::string messages(const std::vector<Diagnostic>& errors) {
  std::string out;
  for (const Diagnostic& d : errors) out += (d.warning ? "warning " : "error ") + d.to_string() + "\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: vanban_golden_dump SOURCE_DIR OUT_DIR\n";
    return 2;
  }
  const fs::path source = argv[1], out_dir = argv[2];
  EngineSettings settings{source.string(), (source / "fonts").string(), 0};
  Result<Engine> engine = Engine::load(settings);
  Result<FontSet> fonts = FontSet::load_dir(settings.fonts_dir);
  Result<ProfileRegistry> profiles = load_profiles((source / "templates/profiles").string(),
                                                   (source / "templates/schema/profile.rng").string());
  if (!engine.ok() || !fonts.ok() || !profiles.ok()) {
    std::cerr << messages(engine.errors) << messages(fonts.errors) << messages(profiles.errors);
    return 2;
  }
  std::vector<fs::path> samples;
  for (const fs::directory_entry& e : fs::directory_iterator(source / "content/documents"))
    if (e.path().extension() == ".xml") samples.push_back(e.path());
  std::sort(samples.begin(), samples.end());
  if (samples.empty()) {
    std::cerr << "vanban_golden_dump: no sample in " << (source / "content/documents") << "\n";
    return 2;
  }
  fs::create_directories(out_dir);
  int written = 0;
  for (const fs::path& sample : samples) {
    const std::string xml = read_all(sample);
    for (const std::string& family : profiles.value->families()) {
      // The name the messages carry: the same in every checkout.
      const std::string name = "content/documents/" + sample.filename().string() + " as " + family;
      Result<ResolvedDocument> doc = engine.value->resolve_bytes(in_family(xml, family), name);
      std::string dump = doc.ok() ? dump_pages(layout_document(*doc.value, *fonts.value)) : messages(doc.errors);
      std::ofstream(out_dir / (sample.stem().string() + "." + family + ".txt"), std::ios::binary) << dump;
      ++written;
    }
  }
  std::cout << "vanban_golden_dump: " << written << " dumps in " << out_dir.string() << "\n";
  return 0;
}
