#include "model/diagnostic.h"

namespace vanban {

std::string Diagnostic::to_string() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
         (warning ? "warning: " : "") + message;
}

}  // namespace vanban
