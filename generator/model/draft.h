// A document as the compose page edits it (vanban serve): the markup's structure with every
// field a plain string, so that a half-written draft (no date yet, an empty subject) still has a
// shape. Inline runs are written in the text with **bold** and *italic* marks (serve/inline_marks.h).
// It converts to the markup (serve/draft_markup.h) and back (input/draft_reader.h); the markup
// file is the draft, so the command line sees what the page saves.
#pragma once

#include <string>
#include <vector>

namespace vanban {

struct DraftIssuer {
  std::string parent, name, code, unit;
  bool operator==(const DraftIssuer&) const = default;
};

// One block of the body: the kinds the compose page offers, nothing nested.
struct DraftBlock {
  enum class Kind { Paragraph, Heading, NumberedList, BulletList, Table };
  Kind kind = Kind::Paragraph;
  std::string text;                             // Paragraph, Heading
  std::vector<std::string> items;               // the lists: one paragraph per item
  std::vector<std::vector<std::string>> rows;   // Table: the first row is the header row
  bool operator==(const DraftBlock&) const = default;
};

struct DraftSignature {
  std::vector<std::string> authority;  // zero to two lines
  std::string role, signer;
  bool operator==(const DraftSignature&) const = default;
};

// One entry of "Nơi nhận:": a plain recipient (no purpose, one name) or a braced group.
struct DraftRecipientGroup {
  std::string purpose;
  std::vector<std::string> names;
  bool operator==(const DraftRecipientGroup&) const = default;
};

struct Draft {
  std::string layout, type;  // profile family and document type: "dang", "cong-van"
  std::string urgency;       // "Khẩn", ... or empty
  DraftIssuer issuer;
  std::string number;        // digits, or empty: the register gives it when the draft is issued
  std::string place;
  std::string date;          // YYYY-MM-DD as typed
  std::string subject;
  std::vector<std::string> to;  // "Kính gửi:"
  std::vector<DraftBlock> body;
  DraftSignature signature;
  std::vector<DraftRecipientGroup> recipients;
  std::string archive;       // "Lưu: ..."
  bool operator==(const Draft&) const = default;
};

}  // namespace vanban
