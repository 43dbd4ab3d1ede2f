#include "input/input_limits.h"

namespace vanban {

namespace {

InputLimits g_limits;

}  // namespace

void set_input_limits(const InputLimits& limits) { g_limits = limits; }

const InputLimits& input_limits() { return g_limits; }

}  // namespace vanban
