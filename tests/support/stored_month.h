// A month's records (built by hand as a MeetingData) put through a MonthStore in a temporary
// folder and checked, as month_job reads them: what compute_figures and the documents' plan are
// computed from. Header-only: for the tests of the modules that use the store.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/meeting_data.h"
#include "stats/month_figures.h"
#include "store/month_store.h"
#include "temp_dir.h"

namespace vanban::testing {

// A gap as a document reads it back, with its records.
struct GapRow {
  CadreGap gap;
  Cadre cadre;
  Branch branch;
};

class StoredMonth {
 public:
  explicit StoredMonth(const MeetingData& data) {
    std::string error;
    store_ = MonthStore::create(dir_.path().string(), error);
    if (!store_) {
      ADD_FAILURE() << error;
      std::abort();
    }
    for (const Branch& b : data.branches) store_->add(b);
    for (const Cadre& c : data.cadres) store_->add(c);
    for (const Assignment& a : data.assignments) store_->add(a);
    for (const Meeting& m : data.meetings) store_->add(m);
    EXPECT_TRUE(store_->check(data.month, messages_)) << store_->error();
  }

  MonthStore& store() { return *store_; }
  std::shared_ptr<MonthStore> shared() { return store_; }
  const Diagnostics& messages() const { return messages_; }
  // compute_figures, once per store: it adds the gaps to it.
  MonthFigures figures(const FigureOptions& options) { return compute_figures(*store_, options); }

  // The agency's gaps in the order the documents list them (commits the store's writes).
  std::vector<GapRow> gaps(const std::string& agency) {
    EXPECT_EQ(store_->commit(), "");
    std::string error;
    std::unique_ptr<MonthStore::Reader> reader = store_->reader(error);
    EXPECT_TRUE(reader) << error;
    std::vector<GapRow> out;
    for (std::size_t j = 0; reader && reader->gap(agency, j, [&](const StoredGap& g) {
           out.push_back({g.gap, g.cadre, g.branch});
         });
         ++j) {
    }
    return out;
  }

 private:
  TempDir dir_;
  std::shared_ptr<MonthStore> store_;
  Diagnostics messages_;
};

}  // namespace vanban::testing
