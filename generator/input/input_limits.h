// How much one input may hold, checked before the costly steps (RELAX NG validation is slow on
// millions of elements): a hostile or mistaken file is refused with the limit it broke and the
// option that raises it, instead of running for minutes or exhausting memory.
#pragma once

#include <cstddef>
#include <string>

namespace vanban {

struct InputLimits {
  std::size_t max_bytes = std::size_t{64} << 20;  // a file: --max-input-mb
  std::size_t max_elements = 500'000;            // a parsed XML file: --max-elements
};

// Set once by the command line, before any input is read; read-only afterwards.
void set_input_limits(const InputLimits& limits);
const InputLimits& input_limits();

// Why a file of `bytes` is refused under a limit of `limit` bytes.
std::string too_large(std::size_t bytes, std::size_t limit);

}  // namespace vanban
