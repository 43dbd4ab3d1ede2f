// vanban: typesets Vietnamese official documents as PDF and HTML. See cli/app.h.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  return vanban::cli::exit_status_of([&] { return vanban::cli::run(args, std::cout, std::cerr); }, std::cerr);
}
