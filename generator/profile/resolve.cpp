#include "profile/resolve.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "profile/header_abbreviation.h"
#include "profile/letter_case.h"
#include "profile/profile_phrases.h"
#include "profile/recipient_purpose.h"
#include "text/unicode.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace {

StyledText styled(const Profile& p, Element e, std::string_view text) {
  const TextStyle& s = p.style(e);
  return {apply_case(text, s.letter_case), s};
}

// Expands {number} {type} {issuer} {unit}; a [...] part disappears when a placeholder inside it
// expands to nothing ("Số: {number}/{issuer}[-{unit}]" without a unit -> "Số: 12/UBND").
std::string expand_pattern(std::string_view pattern, const std::string& number,
                           const std::string& type, const std::string& issuer,
                           const std::string& unit) {
  auto value_of = [&](std::string_view name) -> const std::string* {
    if (name == "number") return &number;
    if (name == "type") return &type;
    if (name == "issuer") return &issuer;
    if (name == "unit") return &unit;
    return nullptr;
  };
  std::string out, optional_part;
  bool in_optional = false, optional_empty = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    std::string& sink = in_optional ? optional_part : out;
    const char c = pattern[i];
    if (c == '[') {
      in_optional = true;
      optional_empty = false;
      optional_part.clear();
    } else if (c == ']' && in_optional) {
      if (!optional_empty) out += optional_part;
      in_optional = false;
    } else if (c == '{') {
      const std::size_t close = pattern.find('}', i);
      const std::string* v = close == std::string_view::npos ? nullptr
                                                             : value_of(pattern.substr(i + 1, close - i - 1));
      if (!v) {
        sink += c;
        continue;
      }
      if (v->empty()) optional_empty = true;
      sink += *v;
      i = close;
    } else {
      sink += c;
    }
  }
  return out;
}

std::string replace_placeholder(std::string text, std::string_view placeholder, const std::string& value) {
  const std::size_t at = text.find(placeholder);
  if (at != std::string::npos) text.replace(at, placeholder.size(), value);
  return text;
}

// Recognises the signing prefix an author wrote in either family's spelling ("T/M", "TM.",
// "KT.", "K/T" ...) and rewrites it in the profile's spelling, so a document moved from one
// layout to another stays correct.
std::string normalise_authority(const Profile& p, const std::string& authority) {
  static constexpr struct { const char* meaning; const char* forms[3]; } kPrefixes[] = {
      {"on-behalf", {"T/M", "TM.", "TM"}},  {"deputy", {"K/T", "KT.", "KT"}},
      {"by-order", {"T/L", "TL.", "TL"}},   {"authorised", {"TUQ.", "TUQ", "T/UQ"}},
      {"acting", {"Q.", nullptr, nullptr}},
  };
  for (const auto& prefix : kPrefixes) {
    for (const char* form : prefix.forms) {
      if (!form) continue;
      const std::string_view f(form);
      if (authority.size() > f.size() && authority.compare(0, f.size(), f) == 0 &&
          authority[f.size()] == ' ') {
        const auto it = p.signature.prefixes.find(prefix.meaning);
        if (it == p.signature.prefixes.end()) return authority;
        return it->second + authority.substr(f.size());
      }
    }
  }
  return authority;
}

// The last text run of the body, where the end mark goes: the last paragraph, heading or list
// item text. nullptr when the body ends with a table or is empty.
TextRun* last_text_run(std::vector<Block>& blocks) {
  if (blocks.empty()) return nullptr;
  Block& last = blocks.back();
  switch (last.kind) {
    case Block::Kind::Paragraph:
    case Block::Kind::Heading:
      return last.inlines.empty() ? nullptr : &last.inlines.back();
    case Block::Kind::OrderedList:
    case Block::Kind::DashList:
      return last.items.empty() ? nullptr : last_text_run(last.items.back().blocks);
    case Block::Kind::Box:
      return last_text_run(last.blocks);
    case Block::Kind::Table:
    case Block::Kind::Chart:
    case Block::Kind::PageBreak:
    case Block::Kind::Toc:
    case Block::Kind::Notes:
      return nullptr;
  }
  return nullptr;
}

// "./." is attached to the last word: "... thực hiện./."; a final "." becomes part of it.
void attach_end_mark(std::vector<Block>& body, const std::string& mark) {
  if (mark.empty()) return;
  TextRun* run = last_text_run(body);
  if (!run) {
    Block b;
    b.inlines.push_back({mark, false, false});
    body.push_back(std::move(b));
    return;
  }
  std::string& t = run->text;
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t.size() >= mark.size() && t.compare(t.size() - mark.size(), mark.size(), mark) == 0) return;
  if (!t.empty() && t.back() == mark.front()) t.pop_back();
  t += mark;
}

void case_headings(std::vector<Block>& blocks, LetterCase letter_case) {
  for (Block& b : blocks) {
    if (b.kind == Block::Kind::Heading && b.level == 1)
      for (TextRun& r : b.inlines) r.text = apply_case(r.text, letter_case);
    for (ListItem& item : b.items) case_headings(item.blocks, letter_case);
    case_headings(b.blocks, letter_case);
  }
}

std::string strip_number_label(const std::string& number_text) {
  std::string_view s(number_text);
  for (std::string_view label : {"Số:", "Số"}) {
    if (s.substr(0, label.size()) == label) {
      s.remove_prefix(label.size());
      break;
    }
  }
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

// A cover borrows the header's styles: organisation as the issuer, the title as a larger
// type name, the month as the subject, the compiling body as the parent line.
ResolvedCoverLine resolve_cover_line(const Profile& p, const CoverLine& line) {
  switch (line.role) {
    case CoverLine::Role::Organisation: return {line.role, styled(p, Element::Issuer, line.text)};
    case CoverLine::Role::Title: {
      StyledText t = styled(p, Element::TypeName, line.text);
      t.style.size *= 1.5;
      return {line.role, t};
    }
    case CoverLine::Role::Subtitle: {
      StyledText t = styled(p, Element::Subject, line.text);
      t.style.size = p.style(Element::TypeName).size;
      return {line.role, t};
    }
    case CoverLine::Role::Issuer: return {line.role, styled(p, Element::Parent, line.text)};
    case CoverLine::Role::Place: break;
  }
  return {line.role, styled(p, Element::PlaceDate, line.text)};
}

std::vector<ResolvedRecipient> resolve_recipients(const Document& doc, const Profile& p) {
  const RecipientSetup& r = p.recipients;
  std::vector<ResolvedRecipient> out;
  if (!doc.to.empty() && !r.as_above.empty()) out.push_back({{r.item_prefix + r.as_above}, ""});
  for (const RecipientGroup& g : doc.recipients.entries) {
    ResolvedRecipient entry{{}, g.purpose};
    for (const std::string& name : g.names) entry.lines.push_back(r.item_prefix + name);
    out.push_back(std::move(entry));
  }
  if (!doc.recipients.archive.empty())
    out.push_back({{r.item_prefix + replace_placeholder(r.archive_pattern, "{archive}", doc.recipients.archive)}, ""});
  // Each line ends with the item separator, the very last with the final mark.
  for (ResolvedRecipient& e : out)
    for (std::string& line : e.lines) line += r.item_end;
  if (!out.empty()) {
    std::string& last = out.back().lines.back();
    last.resize(last.size() - r.item_end.size());
    last += r.last_end;
  }
  return out;
}

bool same_words(std::string_view a, std::string_view b) {
  return apply_case(text::collapse_whitespace(a), LetterCase::Upper) ==
         apply_case(text::collapse_whitespace(b), LetterCase::Upper);
}

// The trích yếu with the profile's prefix ("V/v "), unless the author already wrote it, in any
// case ("v/v", "V/V").
std::string letter_subject(const std::string& prefix, const std::string& subject) {
  std::string_view marker(prefix);
  while (!marker.empty() && marker.back() == ' ') marker.remove_suffix(1);
  if (marker.empty()) return subject;
  auto same_letter = [](char a, char b) {
    const bool ascii = !(static_cast<unsigned char>(a) & 0x80);
    return ascii ? std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)) : a == b;
  };
  const bool written = subject.size() >= marker.size() &&
                       std::equal(marker.begin(), marker.end(), subject.begin(), same_letter) &&
                       (subject.size() == marker.size() || subject[marker.size()] == ' ');
  return written ? subject : prefix + subject;
}

// The unassigned number: a blank of at least `width` pt at `size` pt, in EN and EM spaces, which
// layout leaves blank at their nominal widths whatever the font, and HTML does not collapse.
std::string draft_blank(double width, double size) {
  const int halves = static_cast<int>(std::ceil(width / (size / 2) - 1e-9));
  std::string out;
  for (int i = 0; i < halves / 2; ++i) out += "\u2003";
  if (halves % 2) out += "\u2002";
  return out;
}

std::shared_ptr<const text::KeepTogether> keep_together(const Document& doc,
                                                        std::shared_ptr<const text::KeepTogether> shared) {
  auto keep = std::make_shared<text::KeepTogether>(std::move(shared));
  for (const std::string* name : {&doc.issuer.name, &doc.issuer.parent, &doc.place, &doc.signature.role,
                                  &doc.signature.signer, &doc.recipients.archive})
    keep->add_name(*name);
  for (const std::string& name : doc.signature.authority) keep->add_name(name);
  for (const std::string& name : doc.to) keep->add_name(name);
  for (const RecipientGroup& g : doc.recipients.entries)
    for (const std::string& name : g.names) keep->add_name(name);
  for (const CoverLine& line : doc.cover)
    if (line.role == CoverLine::Role::Organisation || line.role == CoverLine::Role::Issuer) keep->add_name(line.text);
  return keep;
}

}  // namespace

Result<ResolvedDocument> resolve(const Document& doc, const Profile& p, long long timestamp,
                                 std::shared_ptr<const text::KeepTogether> shared_phrases) {
  const auto type = p.types.find(doc.type);
  if (type == p.types.end()) {
    std::string expected;
    for (const auto& [id, info] : p.types) expected += (expected.empty() ? "" : ", ") + id;
    return Result<ResolvedDocument>::failure(
        {doc.source_file, doc.line, doc.column,
         "unknown document type '" + doc.type + "' for layout '" + p.family + "' (" + p.edition +
             "); expected one of: " + expected});
  }
  const bool is_letter = type->second.name.empty();  // công văn: no type name, subject under the number

  ResolvedDocument out;
  out.profile = &p;
  out.type = doc.type;
  out.date = doc.date;
  out.source_file = doc.source_file;
  out.line = doc.line;
  out.column = doc.column;
  out.keep_together = keep_together(doc, shared_phrases ? std::move(shared_phrases) : profile_phrases(p, {}));
  Diagnostics warnings;

  const bool parent_is_title = !p.header.title.empty() && same_words(doc.issuer.parent, p.header.title.front());
  if (parent_is_title)
    warnings.push_back({doc.source_file, doc.line, doc.column,
                        "the parent body '" + doc.issuer.parent + "' repeats the title of layout '" + p.family +
                            "' (" + p.edition + ") and is left out; name the body the issuer belongs to",
                        true});
  auto add_issuer_line = [&](Element e, const std::string& name) {
    out.issuer_lines.push_back(styled(p, e, name));
    const std::string shorter = abbreviated_name(name, p.header.abbreviations);
    out.issuer_abbreviated.push_back(shorter.empty() ? StyledText{} : styled(p, e, shorter));
  };
  if (!doc.issuer.parent.empty() && !parent_is_title) add_issuer_line(Element::Parent, doc.issuer.parent);
  add_issuer_line(Element::Issuer, doc.issuer.name);
  if (!p.header.issuer_mark.empty()) out.issuer_mark = styled(p, Element::IssuerMark, p.header.issuer_mark);

  // A signing tool that stamps the number and date needs the signing space of box 7c.
  const bool external_signing = !doc.external_signing_field.empty();
  if (external_signing && !doc.cover.empty())
    return Result<ResolvedDocument>::failure(
        {doc.source_file, doc.line, doc.column,
         "<external-signing> prepares a signature field in the signature block, and a document with a "
         "<cover> has none"});
  out.signature_field = doc.external_signing_field;

  // A document in no number series has no "Số" line; a draft leaves the profile's blank.
  if (!doc.unnumbered) {
    const std::string number = doc.number.empty() ? draft_blank(p.number.draft_blank, p.style(Element::Number).size)
                                                  : text::document_number(doc.number, p.number.pad_below_ten);
    out.number = styled(p, Element::Number,
                        expand_pattern(is_letter ? p.number.letter_pattern : p.number.pattern, number,
                                       type->second.symbol, doc.issuer.code, doc.issuer.unit));
  }
  if (is_letter && !doc.subject.empty())
    out.letter_subject = styled(p, Element::LetterSubject, letter_subject(p.header.letter_subject_prefix, doc.subject));
  if (!doc.urgency.empty()) out.urgency = styled(p, Element::Urgency, doc.urgency);
  if (!doc.secrecy.empty()) out.secrecy = styled(p, Element::Urgency, doc.secrecy);

  for (std::size_t i = 0; i < p.header.title.size(); ++i)
    out.title_lines.push_back(styled(p, i == 0 ? Element::Title : Element::Motto, p.header.title[i]));
  // Left blank for the signing tool, the date keeps only its year (which also chose the edition).
  const std::string date_words =
      external_signing
          ? text::undated_in_words(doc.date.year, draft_blank(p.number.draft_blank, p.style(Element::PlaceDate).size))
          : text::date_in_words(doc.date);
  out.place_date = styled(p, Element::PlaceDate, doc.place + ", " + date_words);

  if (!is_letter) {
    out.type_name = styled(p, Element::TypeName, type->second.name);
    if (!doc.subject.empty()) out.subject = styled(p, Element::Subject, doc.subject);
  }

  if (!doc.to.empty()) {
    out.address_label = styled(p, Element::AddressLabel, p.recipients.address_label);
    if (doc.to.size() == 1) {
      out.addresses.push_back(styled(p, Element::Address, doc.to.front()));
    } else {
      for (std::size_t i = 0; i < doc.to.size(); ++i) {
        const bool last = i + 1 == doc.to.size();
        out.addresses.push_back(styled(p, Element::Address, p.recipients.item_prefix + doc.to[i] + (last ? "." : ";")));
      }
    }
  }

  for (const CoverLine& line : doc.cover) out.cover.push_back(resolve_cover_line(p, line));
  out.body = doc.body;
  case_headings(out.body, p.style(Element::Heading).letter_case);
  // The end mark closes an administrative text, not a booklet with a cover.
  if (doc.cover.empty()) attach_end_mark(out.body, p.body.end_mark);
  mark_list_items(out.body, p);
  out.contents = contents_entries(out.body);

  for (const std::string& line : doc.signature.authority)
    out.authority.push_back(styled(p, Element::Authority, normalise_authority(p, line)));
  out.role = styled(p, Element::Role, doc.signature.role);
  out.signer = styled(p, Element::Signer, doc.signature.signer);

  if (!doc.recipients.empty() || (!doc.to.empty() && !p.recipients.as_above.empty())) {
    out.recipients_label = styled(p, Element::RecipientsLabel, p.recipients.label);
    out.recipients = resolve_recipients(doc, p);
    inline_single_purposes(out.recipients, p.recipients);
  }

  const std::string type_title = is_letter ? "Công văn" : type->second.name;
  out.info.title = doc.unnumbered ? type_title : type_title + " số " + strip_number_label(out.number.text);
  if (!doc.subject.empty()) out.info.title += " " + doc.subject;
  out.info.author = doc.issuer.name;
  out.issuer_parent = doc.issuer.parent;
  // A booklet is known by its cover ("Tài liệu sinh hoạt chi, tổ hội - Tháng 10 năm 2026").
  for (const CoverLine& line : doc.cover) {
    if (line.role == CoverLine::Role::Title) out.info.title = line.text;
    if (line.role == CoverLine::Role::Organisation) out.info.author = line.text;
  }
  for (const CoverLine& line : doc.cover)
    if (line.role == CoverLine::Role::Subtitle) out.info.title += " - " + line.text;
  out.info.subject = doc.subject;
  for (const std::string& k : doc.keywords) out.info.keywords += (out.info.keywords.empty() ? "" : ", ") + k;
  out.info.timestamp = timestamp;
  return {std::move(out), std::move(warnings)};
}

}  // namespace vanban
