#include "input/profile_reader.h"

#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/unicode.h"

namespace vanban {

namespace {

using xml::child;
using xml::is;
using xml::str;
using xml::trimmed;

// Attribute values are kept as written (a prefix may end with a space), only made NFC.
std::string text_attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? text::to_nfc(str(v)) : "";
  xmlFree(v);
  return out;
}

std::string token_attr(const xmlNode* n, const char* name) {
  return trimmed(text::collapse_whitespace(text_attr(n, name)));
}

// The schema has checked every number and boolean: parsing cannot fail.
double num(const xmlNode* n, const char* name) {
  const std::string s = token_attr(n, name);
  double v = 0;
  std::from_chars(s.data() + (s.starts_with('+') ? 1 : 0), s.data() + s.size(), v);
  return v;
}

bool flag(const xmlNode* n, const char* name) {
  const std::string s = token_attr(n, name);
  return s == "true" || s == "1";
}

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? trimmed(text::collapse_whitespace(text::to_nfc(str(v)))) : "";
  xmlFree(v);
  return out;
}

struct ProfileFile {
  Profile profile;
  SourcePosition position;  // of <profile>
};

class ProfileReader {
 public:
  ProfileReader(const std::string& name, Diagnostics& errors) : name_(name), errors_(errors) {}

  Profile read(const xmlNode* root);

 private:
  void error(const xmlNode* at, std::string message) {
    errors_.push_back(diagnostic_at(at, name_, std::move(message)));
  }
  void read_styles(const xmlNode* styles, Profile& p);
  void read_list_markers(const xmlNode* body, BodySetup& b);

  const std::string& name_;
  Diagnostics& errors_;
};

void ProfileReader::read_styles(const xmlNode* styles, Profile& p) {
  bool defined[kElementCount] = {};
  for (const xmlNode* s = styles->children; s; s = s->next) {
    if (!is(s, "style")) continue;
    Element e;
    if (!element_from_name(token_attr(s, "element"), e)) continue;  // the schema lists the names
    const int i = static_cast<int>(e);
    if (defined[i]) error(s, "the style of '" + std::string(element_name(e)) + "' is given twice");
    defined[i] = true;
    TextStyle& t = p.styles[i];
    t.size = num(s, "size");
    t.min_size = std::min(num(s, "min-size"), t.size);
    t.bold = flag(s, "bold");
    t.italic = flag(s, "italic");
    t.underline = flag(s, "underline");
    const std::string c = token_attr(s, "case");
    t.letter_case = c == "upper"              ? LetterCase::Upper
                    : c == "capitalize-first" ? LetterCase::CapitalizeFirst
                                              : LetterCase::AsWritten;
  }
  for (int i = 0; i < kElementCount; ++i) {
    if (defined[i]) continue;
    const std::string n = element_name(static_cast<Element>(i));
    error(styles, "no style for element '" + n +
                      "'; every element needs one: add <style element=\"" + n +
                      "\" size=\"...\"/> to <styles>");
  }
}

// Stored as pairs: list_markers[2 * depth] ordered, [2 * depth + 1] dash.
void ProfileReader::read_list_markers(const xmlNode* body, BodySetup& b) {
  std::map<int, std::pair<std::string, std::string>> by_depth;
  for (const xmlNode* m = body->children; m; m = m->next) {
    if (!is(m, "list-marker")) continue;
    const int depth = static_cast<int>(num(m, "depth"));
    if (!by_depth.emplace(depth, std::pair{token_attr(m, "ordered"), token_attr(m, "dash")}).second)
      error(m, "list-marker depth " + std::to_string(depth) + " is given twice");
  }
  int expected = 0;
  for (const auto& [depth, markers] : by_depth) {
    if (depth != expected) {
      error(body, "list-marker depth " + std::to_string(expected) +
                      " is missing (depths run 0, 1, 2 ...)");
      return;
    }
    b.list_markers.push_back(markers.first);
    b.list_markers.push_back(markers.second);
    ++expected;
  }
}

Profile ProfileReader::read(const xmlNode* root) {
  Profile p;
  p.family = token_attr(root, "family");
  p.edition = token_attr(root, "edition");
  p.name = trimmed(text::collapse_whitespace(text_attr(root, "name")));
  const std::string from = token_attr(root, "in-force-from");
  if (auto d = parse_iso_date(from))
    p.in_force_from = *d;
  else
    error(root, "in-force-from '" + from + "' does not exist; expected YYYY-MM-DD");

  // Every element below is required by the schema.
  const xmlNode* page = child(root, "page");
  p.page = {Mm(num(page, "width")),  Mm(num(page, "height")), Mm(num(page, "top")),
            Mm(num(page, "bottom")), Mm(num(page, "left")),   Mm(num(page, "right"))};
  const xmlNode* booklet = child(root, "booklet");
  p.booklet.page = {Mm(num(booklet, "width")),  Mm(num(booklet, "height")), Mm(num(booklet, "top")),
                    Mm(num(booklet, "bottom")), Mm(num(booklet, "inside")), Mm(num(booklet, "outside")),
                    true};
  p.booklet.sheet_width = Mm(num(booklet, "sheet-width"));
  p.booklet.sheet_height = Mm(num(booklet, "sheet-height"));
  p.booklet.page_number_from_top = Mm(num(booklet, "page-number-from-top"));

  const xmlNode* header = child(root, "header");
  HeaderSetup& h = p.header;
  h.left_column = num(header, "left-column");
  h.rule_under_title = flag(header, "rule-under-title");
  h.issuer_mark = token_attr(header, "issuer-mark");
  h.issuer_rule = num(header, "issuer-rule");
  h.center_place_date = flag(header, "center-place-date");
  h.subject_rule = num(header, "subject-rule");
  h.gap_after_header = num(header, "gap-after-header");
  h.letter_subject_prefix = text_attr(header, "letter-subject-prefix");
  for (const xmlNode* t = header->children; t; t = t->next) {
    if (is(t, "title")) h.title.push_back(content(t));
    if (is(t, "abbreviation")) h.abbreviations.push_back({content(t), token_attr(t, "short")});
  }

  const xmlNode* number = child(root, "number");
  p.number.pattern = text_attr(number, "pattern");
  p.number.letter_pattern = text_attr(number, "letter-pattern");
  p.number.draft_blank = num(number, "draft-blank");
  p.number.pad_below_ten = flag(number, "pad-below-ten");

  if (const xmlNode* numbering = child(root, "numbering")) {
    p.numbering.series = token_attr(numbering, "series") == "term" ? NumberingSetup::Series::Term
                                                                   : NumberingSetup::Series::CalendarYear;
    p.numbering.per_type = flag(numbering, "per-type");
  }

  const xmlNode* body = child(root, "body");
  p.body.first_line_indent = num(body, "first-line-indent");
  p.body.line_height = num(body, "line-height");
  p.body.paragraph_space = num(body, "paragraph-space");
  p.body.end_mark = token_attr(body, "end-mark");
  read_list_markers(body, p.body);

  const xmlNode* signature = child(root, "signature");
  p.signature.signing_space = num(signature, "signing-space");
  for (const xmlNode* x = signature->children; x; x = x->next) {
    if (!is(x, "prefix")) continue;
    const std::string meaning = token_attr(x, "meaning");
    if (!p.signature.prefixes.emplace(meaning, content(x)).second)
      error(x, "the prefix for '" + meaning + "' is given twice");
  }

  const xmlNode* recipients = child(root, "recipients");
  RecipientSetup& r = p.recipients;
  r.label = text_attr(recipients, "label");
  r.address_label = text_attr(recipients, "address-label");
  r.item_prefix = text_attr(recipients, "item-prefix");
  r.item_end = text_attr(recipients, "item-end");
  r.last_end = text_attr(recipients, "last-end");
  r.archive_pattern = text_attr(recipients, "archive");
  r.as_above = text_attr(recipients, "as-above");

  const xmlNode* numbers = child(root, "page-numbers");
  p.page_numbers.first_numbered_page = static_cast<int>(num(numbers, "first"));
  p.page_numbers.from_top = Mm(num(numbers, "from-top"));

  read_styles(child(root, "styles"), p);

  for (const xmlNode* t = child(root, "types")->children; t; t = t->next) {
    if (!is(t, "type")) continue;
    const std::string id = token_attr(t, "id");
    TypeInfo info{token_attr(t, "name"), token_attr(t, "symbol")};
    if (!p.types.emplace(id, std::move(info)).second)
      error(t, "the type '" + id + "' is given twice");
  }
  return p;
}

Result<ProfileFile> read_profile_file(const std::string& path, const std::string& schema_path) {
  Result<ProfileFile> result;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.errors.push_back({path, 0, 0, "cannot read the profile"});
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  XmlDocPtr doc = parse_and_validate(bytes, path, schema_path, result.errors);
  if (!doc) return result;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  ProfileFile file{ProfileReader(path, result.errors).read(root), position_of(root)};
  if (result.errors.empty()) result.value = std::move(file);
  return result;
}

}  // namespace

Result<Profile> read_profile(const std::string& path, const std::string& schema_path) {
  Result<ProfileFile> file = read_profile_file(path, schema_path);
  Result<Profile> result;
  result.errors = std::move(file.errors);
  if (file.value) result.value = std::move(file.value->profile);
  return result;
}

Result<ProfileRegistry> load_profiles(const std::string& dir, const std::string& schema_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".xml" && it->is_regular_file(ec)) files.push_back(it->path());
  if (ec)
    return Result<ProfileRegistry>::failure(
        {dir, 0, 0, "cannot read the profile folder: " + ec.message()});
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });

  Result<ProfileRegistry> result;
  std::vector<Profile> profiles;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // family+edition -> file
  for (const fs::path& f : files) {
    Result<ProfileFile> file = read_profile_file(f.string(), schema_path);
    result.errors.insert(result.errors.end(), file.errors.begin(), file.errors.end());
    if (!file.value) continue;
    const Profile& p = file.value->profile;
    const auto [at, added] = seen.emplace(std::pair{p.family, p.edition}, f.string());
    if (!added) {
      result.errors.push_back({f.string(), file.value->position.line, file.value->position.column,
                               "profile family '" + p.family + "' edition '" + p.edition +
                                   "' is already defined in " + at->second + "; skipped"});
      continue;
    }
    profiles.push_back(std::move(file.value->profile));
  }
  result.value = ProfileRegistry(std::move(profiles));
  return result;
}

}  // namespace vanban
