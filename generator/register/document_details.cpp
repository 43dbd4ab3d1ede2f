#include "register/document_details.h"

#include <algorithm>

namespace vanban {

DocumentDetails document_details(const Document& doc, const Profile& profile) {
  DocumentDetails d;
  d.family = doc.layout;
  const std::string& type_name = profile.types.at(doc.type).name;
  d.type_name = type_name.empty() ? "Công văn" : type_name;
  d.subject = doc.subject;
  d.signer = doc.signature.signer;
  std::vector<std::string> recipients = doc.to;
  for (const RecipientGroup& g : doc.recipients.entries) recipients.insert(recipients.end(), g.names.begin(), g.names.end());
  for (const std::string& r : recipients) d.recipients += (d.recipients.empty() ? "" : "; ") + r;
  d.archive = doc.recipients.archive;
  d.copies = static_cast<int>(recipients.size());
  if (!d.archive.empty()) d.copies += 1 + static_cast<int>(std::count(d.archive.begin(), d.archive.end(), ','));
  return d;
}

}  // namespace vanban
