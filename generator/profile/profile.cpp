#include "profile/profile.h"

#include <cstring>

namespace vanban {

namespace {
constexpr const char* kElementNames[kElementCount] = {
    "title",   "motto",         "parent",  "issuer", "issuer-mark",      "number",
    "place-date", "letter-subject", "urgency", "type-name", "subject", "address-label",
    "address", "body",          "heading", "table",  "authority",        "role",
    "signer",  "recipients-label", "recipient", "page-number",
};
}  // namespace

const char* element_name(Element e) { return kElementNames[static_cast<int>(e)]; }

bool element_from_name(const std::string& name, Element& out) {
  for (int i = 0; i < kElementCount; ++i) {
    if (name == kElementNames[i]) {
      out = static_cast<Element>(i);
      return true;
    }
  }
  return false;
}

}  // namespace vanban
