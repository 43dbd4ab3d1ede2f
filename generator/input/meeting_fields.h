// The values of one meeting-data record, read the same way from XML attributes and CSV cells:
// both readers collect a RawRecord, and these functions turn it into the model, reporting each
// value they cannot read with the same words and at the value's own place. Internal to input/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/meeting_data.h"

namespace vanban {

// One record as written: each field's text (NFC, white space collapsed, trimmed) beside its
// place in source.fields. A field left out is absent; a field left empty is "".
struct RawRecord {
  RecordSource source;
  std::vector<std::string> values;  // parallel to source.fields

  // `field` is kept when it is one of the fields the records are read from (meeting_fields.cpp),
  // by its one static name; any other is no field of the model and nothing looks it up.
  void add(std::string_view field, int line, int column, std::string text);
  const std::string* find(std::string_view field) const;
};

// A meeting's lists: topics, opinions ("topic" + "text") and proposals, with their places.
struct RawOpinion {
  std::string topic;
  std::string text;
  int line = 0;
  int column = 0;
};
struct RawLists {
  std::vector<std::string> topics;
  std::vector<RawOpinion> opinions;
  std::vector<std::string> proposals;
};

// NFC, white space collapsed, no space at the ends.
std::string clean_text(std::string_view raw);

// A record with a value that cannot be read comes back with source.rejected set, after one
// error per such value. Numbers are only read here; whether they make sense is for
// check_meetings (input/meeting_checks.h).
Branch read_branch(const RawRecord& r, Diagnostics& out);
Cadre read_cadre(const RawRecord& r, Diagnostics& out);
Assignment read_assignment(const RawRecord& r, Diagnostics& out);
Meeting read_meeting(const RawRecord& r, RawLists lists, Diagnostics& out);

// How messages name records: "branch 'B1'", "meeting of branch 'B1' on 2026-10-05".
std::string branch_label(const std::string& id);
std::string cadre_label(const std::string& id);
std::string assignment_label(const std::string& cadre_id, const std::string& branch_id);
std::string meeting_label(const std::string& branch_id, const std::string& date);

// "FILE:LINE:COL: LABEL rejected: REASON" at the place of `field` (the record's place if the
// field has none); a warning keeps the record: "FILE:LINE:COL: warning: LABEL: REASON".
Diagnostic rejection(const RecordSource& s, std::string_view field, const std::string& label,
                     const std::string& reason);
Diagnostic record_warning(const RecordSource& s, std::string_view field, const std::string& label,
                          const std::string& reason);

}  // namespace vanban
