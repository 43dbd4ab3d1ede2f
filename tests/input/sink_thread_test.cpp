#include "input/sink_thread.h"

#include <gtest/gtest.h>

#include <new>
#include <string>
#include <thread>
#include <vector>

namespace vanban {
namespace {

// Writes down each call it gets, with the thread that made it.
class CallLog final : public MeetingSink {
 public:
  void expect(std::size_t rows) override { note("expect " + std::to_string(rows)); }
  void add(Branch b) override { note("branch " + b.id); }
  void add(Cadre c) override { note("cadre " + c.id); }
  void add(Assignment a) override { note("assignment " + a.cadre_id + " " + a.branch_id); }
  void add(Meeting m) override { note("meeting " + m.branch_id); }
  void restart() override { note("restart"); }
  bool check(const MeetingMonth& month, Diagnostics& out) override {
    note("check " + std::to_string(month.month));
    checked_on = std::this_thread::get_id();
    out.push_back({"f", 1, 1, "checked"});
    return true;
  }

  std::vector<std::string> calls;
  std::vector<std::thread::id> added_on;
  std::thread::id checked_on;

 private:
  void note(std::string call) {
    calls.push_back(std::move(call));
    added_on.push_back(std::this_thread::get_id());
  }
};

TEST(SinkThread, HandsEveryCallInOrderOnItsOwnThreadThenChecksOnTheCaller) {
  CallLog log;
  std::vector<std::string> expected;
  {
    SinkThread sink(log);
    sink.expect(3);
    expected.push_back("expect 3");
    // More than a few batches: the reader waits for room, nothing is lost or reordered.
    for (int i = 0; i < 3000; ++i) {
      const std::string id = std::to_string(i);
      Branch b;
      b.id = "B" + id;
      sink.add(b);
      Assignment a;
      a.cadre_id = "C" + id;
      a.branch_id = b.id;
      sink.add(a);
      Meeting m;
      m.branch_id = b.id;
      sink.add(m);
      expected.insert(expected.end(), {"branch B" + id, "assignment C" + id + " B" + id, "meeting B" + id});
    }
    // A reader that starts again: the records before are added, then forgotten, in that order.
    sink.restart();
    expected.push_back("restart");
    Cadre c;
    c.id = "C0";
    sink.add(c);
    expected.push_back("cadre C0");
    Diagnostics out;
    MeetingMonth month;
    month.month = 10;
    EXPECT_TRUE(sink.check(month, out));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].message, "checked");
  }
  expected.push_back("check 10");
  EXPECT_EQ(log.calls, expected);
  for (std::size_t i = 0; i + 1 < log.added_on.size(); ++i) EXPECT_NE(log.added_on[i], std::this_thread::get_id());
  EXPECT_EQ(log.checked_on, std::this_thread::get_id());
}

TEST(SinkThread, WithoutACheckItStopsAndChecksNothing) {
  CallLog log;
  {
    SinkThread sink(log);
    Branch b;
    b.id = "B1";
    sink.add(b);
  }  // a reading that failed: the thread stops, whatever it had not added yet is dropped
  for (const std::string& call : log.calls) EXPECT_EQ(call.rfind("check", 0), std::string::npos);
  EXPECT_LE(log.calls.size(), 1u);
}

// What the other sink throws while adding (out of memory) reaches the reader at check(), not
// std::terminate on the sink's thread; nothing is checked.
TEST(SinkThread, WhatAddingThrowsIsThrownByCheck) {
  class Throwing final : public MeetingSink {
   public:
    void add(Branch) override { throw std::bad_alloc(); }
    void add(Cadre) override {}
    void add(Assignment) override {}
    void add(Meeting) override {}
    void restart() override {}
    bool check(const MeetingMonth&, Diagnostics&) override {
      checked = true;
      return true;
    }
    bool checked = false;
  } throwing;
  SinkThread sink(throwing);
  sink.add(Branch{});
  sink.add(Cadre{});
  Diagnostics out;
  EXPECT_THROW(sink.check(MeetingMonth{}, out), std::bad_alloc);
  EXPECT_FALSE(throwing.checked);
}

}  // namespace
}  // namespace vanban
