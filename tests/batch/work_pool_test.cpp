#include "batch/work_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace vanban {
namespace {

// Uneven work, so that threads finish out of order.
std::string slow_square(std::size_t i) {
  std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 500));
  return std::to_string(i * i);
}

// Each result by its index, checking that every index comes exactly once.
std::vector<std::string> run_with(unsigned jobs, std::size_t count) {
  std::vector<std::string> results(count);
  std::vector<int> seen(count, 0);
  const std::size_t consumed = run_pool<std::string>(
      count, jobs, slow_square,
      [&](std::size_t i, std::string r) {
        ++seen.at(i);
        results[i] = std::move(r);
      },
      [] { return true; });
  EXPECT_EQ(consumed, count);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), static_cast<long>(count));
  return results;
}

TEST(RunPool, EveryTaskOnceWithTheSameResultWhateverTheThreadCount) {
  const std::vector<std::string> one = run_with(1, 200);
  ASSERT_EQ(one.size(), 200u);
  EXPECT_EQ(one[13], "169");
  EXPECT_EQ(run_with(2, 200), one);
  EXPECT_EQ(run_with(7, 200), one);
  EXPECT_TRUE(run_with(3, 0).empty());
}

TEST(RunPool, ASlowTaskDoesNotHoldTheOthersBack) {
  std::vector<std::size_t> order;
  run_pool<int>(
      50, 2,
      [](std::size_t i) {
        if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return 0;
      },
      [&](std::size_t i, int) { order.push_back(i); }, [] { return true; });
  ASSERT_EQ(order.size(), 50u);
  EXPECT_EQ(order.back(), 0u);  // the 49 others were all done on the other thread meanwhile
}

TEST(RunPool, BoundsTheResultsWaitingForASlowConsumer) {
  std::atomic<std::size_t> started{0};
  std::size_t consumed = 0, most_ahead = 0;
  run_pool<int>(
      300, 2,
      [&](std::size_t) {
        ++started;
        return 0;
      },
      [&](std::size_t, int) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        most_ahead = std::max(most_ahead, started.load() - consumed++);
      },
      [] { return true; });
  // A queue of 4 per thread, a batch of as many being consumed, a task per thread in hand.
  EXPECT_LE(most_ahead, 2u * (8u + 2u));
}

TEST(RunPool, StopTakesNoNewTaskAndConsumesThoseStarted) {
  std::atomic<std::size_t> started{0};
  std::size_t consumed = 0;
  const std::size_t n = run_pool<std::size_t>(
      10000, 2,
      [&](std::size_t i) {
        ++started;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        return i;
      },
      [&](std::size_t i, std::size_t r) {
        EXPECT_EQ(i, r);
        ++consumed;
      },
      [&] { return consumed < 20; });
  EXPECT_GE(n, 20u);
  EXPECT_LE(n, 20u + 2u * (8u + 2u));
  EXPECT_EQ(n, consumed);
  EXPECT_EQ(n, started.load());  // every task started was consumed: nothing abandoned half way
}

}  // namespace
}  // namespace vanban
