// One month's guidance for branch meetings (content/YYYY-MM/guidance.xml): what the Mass
// Mobilisation board, with the Front and the mass organisations, gives cadres to take to the
// meetings of chi bộ, chi hội, chi đoàn and ban công tác Mặt trận. Each organisation's guide
// (templating/guide_documents.h) holds the parts addressed to it.
#pragma once

#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/document.h"
#include "model/meeting_data.h"

namespace vanban {

// Who a part of the guidance is for: every organisation, or those listed (in file order).
struct Audience {
  bool everyone = true;
  std::vector<Organisation> organisations;

  bool includes(Organisation o) const {
    for (Organisation listed : organisations)
      if (listed == o) return true;
    return everyone;
  }
};

// An organisation that gets its own guide, as its provincial body is named on the cover.
struct GuideOrganisation {
  Organisation id = Organisation::Party;
  std::string name;  // "Hội Nông dân tỉnh Vĩnh Giang"
  std::string code;  // its symbol in document numbers: "HNDT"
};

struct GuidanceSection {
  std::string title;  // optional: "Tình hình", "Chủ trương, chính sách"
  std::vector<Inlines> paragraphs;
};

// A number worth remembering, as written ("1.250 hộ", "87,4%"), and what it counts.
struct KeyFigure {
  std::string value;
  Inlines label;
};

struct GuidanceTopic {
  std::string title;
  Audience audience;
  std::vector<GuidanceSection> sections;
  std::vector<Inlines> key_points;
  std::vector<KeyFigure> key_figures;
  std::vector<Inlines> questions;  // to open the discussion
  int line = 0;                    // of <topic>, for messages
};

struct NewsItem {
  std::string title;
  Audience audience;
  std::vector<Inlines> paragraphs;
};

// A day of the month worth marking: "14/10: Ngày thành lập Hội Nông dân Việt Nam (1930)".
struct Commemoration {
  int day = 0;     // of the guidance month
  int since = 0;   // year of the event; 0 = not given
  std::string name;
  Audience audience;
};

// When branches meet in the month: "ngày 08 đến ngày 12: chi hội nông dân ...".
struct MeetingDays {
  int first_day = 0;
  int last_day = 0;  // == first_day for a single day
  Audience audience;
  Inlines text;
};

struct Guidance {
  std::string source_file;
  MeetingMonth month;
  Issuer issuer;       // the compiling body (name, code); printed on every cover
  std::string place;   // of issue
  CivilDate date;      // of issue
  std::vector<GuideOrganisation> organisations;  // one guide each, in file order
  std::vector<GuidanceTopic> topics;
  std::vector<NewsItem> news;
  std::vector<Commemoration> commemorations;
  std::vector<MeetingDays> meeting_days;
};

}  // namespace vanban
