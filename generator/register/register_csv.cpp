#include "register/register_csv.h"

#include <cstdio>

namespace vanban {

namespace {

constexpr const char* kHeaders[] = {
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký",
    "Nơi nhận văn bản",    "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển",
    "Ký nhận",             "Ghi chú",            "Tệp phát hành (SHA-256)",    "Cơ quan ban hành"};

std::string field(const std::string& value, char separator) {
  if (value.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string day_month_year(const CivilDate& d) {
  char s[16];
  std::snprintf(s, sizeof s, "%02d/%02d/%04d", d.day, d.month, d.year);
  return s;
}

// The register form has no column for re-issues, signing or publication: they go in "Ghi chú"
// ("Ngày chuyển" is the day the clerk sends the document to its recipients, not its publication).
std::string notes(const RegisterEntry& e) {
  std::string out = e.details.notes;
  for (const HistoryEvent& h : e.history) {
    const char* what = h.event == "reissued" ? "Phát hành lại " : h.event == "signed" ? "Ký số " : h.event == "published" ? "Đăng trang tin " : nullptr;
    if (what) out += (out.empty() ? "" : "; ") + std::string(what) + h.at;
  }
  return out;
}

std::string files(const RegisterEntry& e) {
  std::string out;
  for (const IssuedFile& f : e.files) out += (out.empty() ? "" : "\n") + f.name + " " + f.sha256;
  return out;
}

// One register may number for several bodies, some with the same code: the name tells them apart.
std::string issuing_body(const IssuerIdentity& issuer) {
  return issuer.parent.empty() ? issuer.name : issuer.name + " (" + issuer.parent + ")";
}

}  // namespace

std::string number_and_symbol(const RegisterEntry& entry) {
  if (!entry.number_text.empty()) return entry.number_text;
  return (entry.number < 10 ? "0" : "") + std::to_string(entry.number);
}

std::string register_csv(const std::vector<RegisterEntry>& entries, char separator) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? std::string(1, separator) : "") + field(cells[i], separator);
    out += "\r\n";
  };
  row({std::begin(kHeaders), std::end(kHeaders)});
  for (const RegisterEntry& e : entries) {
    const std::string subject = e.details.type_name + (e.details.subject.empty() ? "" : " " + e.details.subject);
    row({number_and_symbol(e), day_month_year(e.date), subject, e.details.signer, e.details.recipients,
         e.details.archive, std::to_string(e.details.copies), "", "", notes(e), files(e),
         issuing_body(e.identity.issuer)});
  }
  return out;
}

}  // namespace vanban
