// Text made safe for XML (and HTML) character data and attribute values alike: the five special
// characters as entities, and C0 controls, which XML 1.0 cannot carry at all, as spaces.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

void append_xml_escaped(std::string& out, std::string_view text);
std::string xml_escaped(std::string_view text);

}  // namespace vanban
