// The sanitizers' defaults for every program of the sanitizer build (-DVANBAN_SANITIZE=ON): the
// unit tests, the vanban the e2e and browser tests drive, the benchmarks' tools, the fuzz targets.
// Compiled in, so that no test, script or user has to export them; ASAN_OPTIONS, UBSAN_OPTIONS
// and LSAN_OPTIONS still override them. A report aborts the program (SIGABRT): an ordinary exit
// status 1 could pass for the error a test expects from bad input.
extern "C" {

const char* __asan_default_options() {
  return "abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:"
         "strict_init_order=1:detect_leaks=1";
}

const char* __ubsan_default_options() { return "abort_on_error=1:print_stacktrace=1"; }

}  // extern "C"
