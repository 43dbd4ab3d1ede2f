// What the outgoing-document register (sổ đăng ký văn bản đi) records about one document: the
// columns of NĐ 30's register form (docs/command-line.md, "vanban register"), its identity, and the
// SHA-256 of each file issued.
#pragma once

#include <string>
#include <vector>

#include "model/civil_date.h"

namespace vanban {

// The body that numbers, as its documents write it. The code alone does not identify it: every
// ward's People's Committee is "UBND" and every ward's Party committee "ĐU", each with its own
// series; the name and the parent line tell them apart.
struct IssuerIdentity {
  std::string code;    // the issuer's code in the number: "UBND", "TU"
  std::string name;    // cơ quan ban hành: "Ủy ban nhân dân phường Tân Định Thượng"
  std::string parent;  // cơ quan chủ quản, or empty
  bool operator==(const IssuerIdentity&) const = default;
};

// "ĐU (Đảng ủy phường Rạch Cát Đông, Đảng bộ Thành phố Hồ Chí Minh)", for messages.
std::string describe(const IssuerIdentity& issuer);

// Who a document is, whatever its number: the same identity issued again keeps its number.
struct DocumentIdentity {
  IssuerIdentity issuer;
  std::string type;    // the document type id: "cong-van"
  std::string key;     // stable within issuer and type: the input's name, or a key from data
};

// The register form's columns, as written in the markup.
struct DocumentDetails {
  std::string family;      // layout: "nha-nuoc"
  std::string type_name;   // "Công văn", "Chỉ thị"
  std::string subject;     // trích yếu
  std::string signer;      // người ký
  std::string recipients;  // nơi nhận, "; " between them
  std::string archive;     // đơn vị, người nhận bản lưu: "VT, VX"
  int copies = 0;          // số lượng bản
  std::string notes;       // ghi chú
};

struct IssuedFile {
  std::string name;    // "cong-van-nha-nuoc.pdf"
  std::string sha256;  // lower-case hex
};

// One step in a document's life. "issued" and "reissued" hash the content (the markup without
// number and date); "signed" and "published" hash `file`: the PDF signed (`old_hash` the
// unsigned file's), the PDF put on the board's site.
struct HistoryEvent {
  std::string at;     // UTC, ISO 8601
  std::string event;  // "issued", "reissued", "signed" or "published"
  std::string old_hash, new_hash;
  std::string file;   // the file signed or published; empty for the content's events
};

struct RegisterEntry {
  long long id = 0;
  DocumentIdentity identity;
  std::string series;       // "2026" (calendar year) or "2025-10-15" (term start)
  std::string series_type;  // the type when numbered per type, else empty
  int number = 0;
  CivilDate date;
  std::string number_text;  // số, ký hiệu as printed: "01/UBND-VX"; empty until rendered
  DocumentDetails details;
  std::string content_hash;  // SHA-256 of the markup without number and date
  std::string issued_at;     // UTC, ISO 8601
  std::vector<IssuedFile> files;
  std::vector<HistoryEvent> history;  // oldest first
};

std::string iso_date(const CivilDate& d);  // "2026-06-03"

}  // namespace vanban
