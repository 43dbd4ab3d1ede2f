#include "batch/issue_markup.h"

#include <algorithm>

#include "batch/sha256.h"
#include "input/safe_xml.h"
#include "input/markup_reader.h"
#include "register/document_details.h"
#include "register/numbered_markup.h"

namespace vanban {

Result<IssuedMarkup> issue_markup(const Engine& engine, Register& reg, const std::string& markup,
                                  const std::string& source, const std::string& key, const IssueSettings& settings) {
  Result<IssuedMarkup> out;
  Result<ResolvedDocument> draft = engine.resolve_bytes(markup, source);
  out.errors = std::move(draft.errors);
  if (!draft.ok()) return out;
  const Result<Document> doc = read_document_bytes(markup, source, {engine.document_schema(), {}, {}});
  const std::optional<MarkupSlots> slots = find_markup_slots(markup);
  if (!doc.ok() || !slots) {
    out.errors.push_back({source, 0, 0, "cannot find the document's <issuer> and <date>"});
    return out;
  }
  if (slots->outside_series != MarkupSlots::npos) {
    const SourcePosition at = position_at(markup, slots->outside_series);
    out.errors.push_back(
        {source, at.line, at.column,
         doc.value->unnumbered
             ? "a document with <unnumbered/> is in no number series (a cadre's own report) and is not issued "
               "through the register; render it with vanban render and sign it with vanban sign"
             : "a document with <external-signing> gets its number and date from the signing tool, not from "
               "vanban's register; render it with vanban render"});
    return out;
  }
  const Profile& profile = *draft.value->profile;
  if (profile.numbering.series == NumberingSetup::Series::None) {
    out.errors.push_back({source, doc.value->line, doc.value->column,
                          "the layout profile '" + profile.family + "' (" + profile.edition +
                              ") has no <numbering> rule, so its documents cannot be issued"});
    return out;
  }

  IssueRequest request;
  const Issuer& issuer = doc.value->issuer;
  request.identity = {{issuer.code, issuer.name, issuer.parent}, doc.value->type, key};
  request.content_hash = sha256_hex(markup_without_slots(markup, *slots));
  request.numbering = profile.numbering;
  request.date = settings.date.value_or(doc.value->date);
  request.reissue = settings.reissue;
  request.details = document_details(*doc.value, profile);
  Result<IssuedNumber> issued = reg.issue(request);
  for (Diagnostic& d : issued.errors) {
    if (d.file.empty()) d = {source, doc.value->line, doc.value->column, d.message};
    out.errors.push_back(std::move(d));
  }
  if (!issued.ok()) return out;
  out.value = IssuedMarkup{markup_with_number(markup, *slots, issued.value->number, issued.value->date),
                           *issued.value};
  return out;
}

std::string number_without_label(std::string text) {
  for (const char* label : {"Số:", "Số"})
    if (text.starts_with(label)) {
      text.erase(0, std::string_view(label).size());
      break;
    }
  return text.substr(std::min(text.size(), text.find_first_not_of(' ')));
}

}  // namespace vanban
