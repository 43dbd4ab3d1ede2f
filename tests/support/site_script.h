// Runs the site's search script (templates/site/assets/search.js) under node: its pure
// functions (vanbanFold, vanbanTerms, vanbanShard, vanbanSnippet) on the lines of `input`, through `body`, a
// script that reads `lines` and prints one result per line. The tests that keep the C++ and
// the JavaScript halves of search in step use it.
#pragma once

#include <string>
#include <vector>

namespace vanban::testing {

// The lines node printed; fails the calling test (ADD_FAILURE) and returns nothing when node
// cannot run the script.
std::vector<std::string> run_search_script(const std::vector<std::string>& input, const std::string& body);

}  // namespace vanban::testing
