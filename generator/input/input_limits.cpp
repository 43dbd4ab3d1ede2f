#include "input/input_limits.h"

namespace vanban {

namespace {

InputLimits g_limits;

}  // namespace

void set_input_limits(const InputLimits& limits) { g_limits = limits; }

const InputLimits& input_limits() { return g_limits; }

std::string too_large(std::size_t bytes, std::size_t limit) {
  return "the file is " + std::to_string(bytes) + " bytes, over the limit of " + std::to_string(limit) +
         " bytes (" + std::to_string(limit >> 20) + " MB) for one input file; raise it with --max-input-mb N";
}

}  // namespace vanban
