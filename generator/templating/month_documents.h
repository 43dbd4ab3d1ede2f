// The documents of one month of branch meetings, as document markup from the templates in
// <templates_dir>/documents/:
//   bao-cao-du-sinh-hoat.mustache  one attendance report per meeting a cadre attended, to or from
//                                  the cadre's agency: the agency's own (numbered in its series,
//                                  signed for it) or the cadre's personal one (no number, signed by
//                                  the cadre), as month.xml says (ReportMode);
//   bao-cao-thang.mustache         the board's monthly summary to the standing committee;
//   cong-van-nhac-nho.mustache     one reminder dispatch per agency (other than the board itself)
//                                  whose cadres did not attend or did not report in time.
// Numbers run from the first numbers in month.xml: attendance reports per agency in the order
// they were filed, dispatches in the Vietnamese order of the agencies. A report not filed, and
// any series without a first number, gets a draft number ("Số    -BC/...") for the signer to fill.
// Every list item of every document ends with ";", the last with "." (list_punctuation.h).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "input/month_settings_reader.h"
#include "model/diagnostic.h"
#include "model/meeting_data.h"
#include "stats/month_figures.h"

namespace vanban {

class MonthStore;

struct GeneratedDocument {
  std::string name;    // output base name: flat ASCII, unique in the month ("bao-cao-thang-2026-10")
  std::string markup;  // UTF-8 XML in the document markup
  // In its issuer's number series (the summary, the reminders, an organisation's filed report):
  // what a register numbers. A personal report or an unfiled one is not.
  bool in_series = false;
};

// The month's documents, planned in full (names, numbers, who issues each) but generated one at
// a time, on demand: a month of a million documents never holds all its markup at once. Each
// document's recipe (its kind, number, meeting and issuer) is in the month's store
// (store/month_store.h), as are the records it is generated from: the plan holds the figures, the
// settings and the templates, and no string per document; names are read back when asked for.
class MonthDocuments {
 public:
  struct Plan;

  // No value: nothing can be generated (a template is missing or malformed, the settings are
  // for another month). A value with errors: the documents listed in the errors were left out
  // (an agency month.xml does not name), every other document is there. Warnings (warning=true)
  // leave nothing out: a signer who is also among the month's defaulters.
  // `store` is checked and has the figures' gaps (compute_figures); the plan writes its recipes
  // there and reads them back, with one read connection per thread generating at once.
  static Result<MonthDocuments> plan(std::shared_ptr<MonthStore> store, MonthFigures figures,
                                     MonthSettings settings, const std::string& templates_dir);

  MonthDocuments(MonthDocuments&&) noexcept;
  MonthDocuments& operator=(MonthDocuments&&) noexcept;
  ~MonthDocuments();

  // Order: the summary, the dispatches, then the attendance reports agency by agency.
  std::size_t size() const;
  // Document i's name and whether it is in its issuer's number series (GeneratedDocument's
  // meanings), from one query of the store, so it can fail (with why) when it cannot be read.
  // Safe to call from several threads at once, as markup is.
  struct Listing {
    std::string name;
    bool in_series = false;
  };
  Result<Listing> listing(std::size_t i) const;
  // Document i's markup, the same bytes every time.
  Result<std::string> markup(std::size_t i) const;

 private:
  explicit MonthDocuments(std::unique_ptr<Plan> plan);
  std::unique_ptr<Plan> plan_;
};

// Every document of the month at once (MonthDocuments, generated in order); no value when the
// plan failed or a document could not be generated.
// Deterministic: the same input gives the same documents, byte for byte.
Result<std::vector<GeneratedDocument>> generate_month_documents(std::shared_ptr<MonthStore> store,
                                                                MonthFigures figures, MonthSettings settings,
                                                                const std::string& templates_dir);

}  // namespace vanban
