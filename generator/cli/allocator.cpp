// The settings jemalloc reads as the program starts (CMakeLists.txt links it in place of glibc's
// malloc, which spends some 13% more CPU on the few thousand small blocks each document takes).
// One arena: the workers' blocks come from their own thread caches all the same, and one arena
// gives the memory the month's preparation frees to the rendering that follows, so the peak stays
// where glibc's is (10,000 branches: 124 MiB, against 159 MiB with jemalloc's arena per core).
// MALLOC_CONF in the environment still overrides it.
extern "C" {
const char* malloc_conf = "narenas:1";
}
