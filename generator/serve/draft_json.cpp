#include "serve/draft_json.h"

#include <initializer_list>

namespace vanban::serve {

using nlohmann::json;

namespace {

constexpr std::pair<DraftBlock::Kind, const char*> kBlockKinds[] = {
    {DraftBlock::Kind::Paragraph, "p"},   {DraftBlock::Kind::Heading, "h"}, {DraftBlock::Kind::NumberedList, "ol"},
    {DraftBlock::Kind::BulletList, "ul"}, {DraftBlock::Kind::Table, "table"}};

// Reads one JSON value into a field, or throws the reason (caught once, in draft_from_json).
struct Refused {
  std::string message;
};

void refuse(const std::string& where, const std::string& what) { throw Refused{where + ": " + what}; }

void only_keys(const json& object, const std::string& where, std::initializer_list<const char*> keys) {
  if (!object.is_object()) refuse(where, "expected an object");
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) refuse(where, "unknown field '" + key + "'");
  }
}

void read(const json& object, const char* key, std::string& out, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) return;
  if (!it->is_string()) refuse(where + "." + key, "expected text");
  out = it->get<std::string>();
}

void read(const json& object, const char* key, std::vector<std::string>& out, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) return;
  if (!it->is_array()) refuse(where + "." + key, "expected a list of texts");
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string()) refuse(where + "." + key + "." + std::to_string(i), "expected text");
    out.push_back((*it)[i].get<std::string>());
  }
}

template <class T, class ReadOne>
void read_list(const json& object, const char* key, std::vector<T>& out, const std::string& where, ReadOne read_one) {
  const auto it = object.find(key);
  if (it == object.end()) return;
  if (!it->is_array()) refuse(where + "." + key, "expected a list");
  for (std::size_t i = 0; i < it->size(); ++i) out.push_back(read_one((*it)[i], where + "." + key + "." + std::to_string(i)));
}

DraftBlock read_block(const json& j, const std::string& where) {
  only_keys(j, where, {"kind", "text", "items", "rows"});
  DraftBlock b;
  std::string kind;
  read(j, "kind", kind, where);
  bool known = false;
  for (const auto& [k, name] : kBlockKinds)
    if (kind == name) b.kind = k, known = true;
  if (!known) refuse(where + ".kind", "expected p, h, ol, ul or table");
  read(j, "text", b.text, where);
  read(j, "items", b.items, where);
  read_list(j, "rows", b.rows, where, [](const json& row, const std::string& w) {
    if (!row.is_array()) refuse(w, "expected a list of cells");
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (!row[c].is_string()) refuse(w + "." + std::to_string(c), "expected text");
      cells.push_back(row[c].get<std::string>());
    }
    return cells;
  });
  return b;
}

}  // namespace

json draft_to_json(const Draft& d) {
  json body = json::array();
  for (const DraftBlock& b : d.body) {
    json block{{"kind", ""}};
    for (const auto& [k, name] : kBlockKinds)
      if (b.kind == k) block["kind"] = name;
    if (b.kind == DraftBlock::Kind::Paragraph || b.kind == DraftBlock::Kind::Heading) block["text"] = b.text;
    if (b.kind == DraftBlock::Kind::NumberedList || b.kind == DraftBlock::Kind::BulletList) block["items"] = b.items;
    if (b.kind == DraftBlock::Kind::Table) block["rows"] = b.rows;
    body.push_back(std::move(block));
  }
  json recipients = json::array();
  for (const DraftRecipientGroup& g : d.recipients) recipients.push_back({{"purpose", g.purpose}, {"names", g.names}});
  return {{"layout", d.layout},
          {"type", d.type},
          {"urgency", d.urgency},
          {"issuer", {{"parent", d.issuer.parent}, {"name", d.issuer.name}, {"code", d.issuer.code}, {"unit", d.issuer.unit}}},
          {"number", d.number},
          {"place", d.place},
          {"date", d.date},
          {"subject", d.subject},
          {"to", d.to},
          {"body", std::move(body)},
          {"signature", {{"authority", d.signature.authority}, {"role", d.signature.role}, {"signer", d.signature.signer}}},
          {"recipients", std::move(recipients)},
          {"archive", d.archive}};
}

Result<Draft> draft_from_json(const json& j, const std::string& where) {
  try {
    only_keys(j, where,
              {"layout", "type", "urgency", "issuer", "number", "place", "date", "subject", "to", "body", "signature",
               "recipients", "archive"});
    Draft d;
    for (const auto& [key, field] : {std::pair{"layout", &d.layout}, {"type", &d.type}, {"urgency", &d.urgency},
                                     {"number", &d.number}, {"place", &d.place}, {"date", &d.date},
                                     {"subject", &d.subject}, {"archive", &d.archive}})
      read(j, key, *field, where);
    if (const auto it = j.find("issuer"); it != j.end()) {
      only_keys(*it, where + ".issuer", {"parent", "name", "code", "unit"});
      read(*it, "parent", d.issuer.parent, where + ".issuer");
      read(*it, "name", d.issuer.name, where + ".issuer");
      read(*it, "code", d.issuer.code, where + ".issuer");
      read(*it, "unit", d.issuer.unit, where + ".issuer");
    }
    read(j, "to", d.to, where);
    read_list(j, "body", d.body, where, read_block);
    if (const auto it = j.find("signature"); it != j.end()) {
      only_keys(*it, where + ".signature", {"authority", "role", "signer"});
      read(*it, "authority", d.signature.authority, where + ".signature");
      read(*it, "role", d.signature.role, where + ".signature");
      read(*it, "signer", d.signature.signer, where + ".signature");
      if (d.signature.authority.size() > 2) refuse(where + ".signature.authority", "at most two lines");
    }
    read_list(j, "recipients", d.recipients, where, [](const json& g, const std::string& w) {
      only_keys(g, w, {"purpose", "names"});
      DraftRecipientGroup group;
      read(g, "purpose", group.purpose, w);
      read(g, "names", group.names, w);
      return group;
    });
    for (char c : d.number)
      if (c < '0' || c > '9') refuse(where + ".number", "digits only, or empty for a number from the register");
    Result<Draft> out;
    out.value = std::move(d);
    return out;
  } catch (const Refused& r) {
    return Result<Draft>::failure({{}, 0, 0, r.message});
  }
}

Result<json> parse_json_body(std::string_view body) {
  Result<json> out;
  // The lexer refuses text that is not UTF-8 ("ill-formed UTF-8 byte") like any syntax error.
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return Result<json>::failure({{}, 0, 0, "the request is not JSON in UTF-8"});
  out.value = std::move(parsed);
  return out;
}

}  // namespace vanban::serve
