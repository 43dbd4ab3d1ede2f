// The register as a CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads
// Vietnamese as Windows-1252), RFC 4180 quoting and CRLF line ends, one row per document under
// the Vietnamese headers of NĐ 30's register form, then the files' SHA-256.
#pragma once

#include <string>
#include <vector>

#include "register/register_entry.h"

namespace vanban {

// `separator` is ',' (RFC 4180), or ';' for an Excel whose list separator is ';' (the
// Vietnamese regional settings, where ',' is the decimal mark).
std::string register_csv(const std::vector<RegisterEntry>& entries, char separator = ',');

// "01/UBND-VX", or the padded number alone while the printed form is not recorded.
std::string number_and_symbol(const RegisterEntry& entry);

}  // namespace vanban
