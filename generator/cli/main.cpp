// vanban: typesets Vietnamese official documents as PDF and HTML. See cli/app.h.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return vanban::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
