#include "site_script.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "source_dir.h"

namespace vanban::testing {

std::vector<std::string> run_search_script(const std::vector<std::string>& input, const std::string& body) {
  char dir_template[] = "/tmp/vanban-search-XXXXXX";
  if (!mkdtemp(dir_template)) {
    ADD_FAILURE() << "cannot make a temporary folder";
    return {};
  }
  const std::string dir = dir_template;
  {
    std::ofstream lines(dir + "/input.txt", std::ios::binary);
    for (const std::string& line : input) lines << line << '\n';
    // The functions before the search state, which needs a document.
    std::ofstream script(dir + "/run.js");
    script << "const fs = require('fs');\n"
           << "const source = fs.readFileSync('" << source_dir() << "/templates/site/assets/search.js', 'utf8');\n"
           << "const { vanbanFold, vanbanTerms, vanbanShard, vanbanSnippet } = new Function(\n"
           << "  source.split('const vanbanSearch')[0] + '; return { vanbanFold, vanbanTerms, vanbanShard, vanbanSnippet };')();\n"
           << "const lines = fs.readFileSync('" << dir << "/input.txt', 'utf8').split('\\n').slice(0, -1);\n"
           << body << '\n';
  }
  const std::string command = "node " + dir + "/run.js 2>&1";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer;
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    if (pclose(pipe) != 0) ADD_FAILURE() << command << " failed: " << output;
  } else {
    ADD_FAILURE() << "cannot run " << command;
  }
  std::remove((dir + "/input.txt").c_str());
  std::remove((dir + "/run.js").c_str());
  rmdir(dir.c_str());
  std::vector<std::string> out;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) out.push_back(line);
  return out;
}

}  // namespace vanban::testing
